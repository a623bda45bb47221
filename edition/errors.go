package edition

import (
	"sort"
	"strings"
)

// Error is a problem with the source at a known position. A warning is a
// doubt rather than a fault: something that may not mean what the author
// meant, which is reported but does not stop a build.
type Error struct {
	Pos     Pos
	Msg     string
	Warning bool
}

// Error formats e as "file:line:col: msg", or "file:line:col: warning: msg".
func (e *Error) Error() string {
	if e.Warning {
		return e.Pos.String() + ": warning: " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList is every problem found in one pass over the source, errors and
// warnings. Its zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends a problem at pos.
func (l *ErrorList) Add(pos Pos, msg string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg})
}

// Warn appends a warning at pos.
func (l *ErrorList) Warn(pos Pos, msg string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg, Warning: true})
}

// Count returns the number of errors and of warnings in l.
func (l ErrorList) Count() (errors, warnings int) {
	for _, e := range l {
		if e.Warning {
			warnings++
		} else {
			errors++
		}
	}
	return errors, warnings
}

// Warnings returns the warnings of l, sorted.
func (l ErrorList) Warnings() ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Warning {
			out = append(out, e)
		}
	}
	out.Sort()
	return out
}

// Sort orders the list by file, line, column and then message.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Col != b.Col:
			return a.Col < b.Col
		}
		return l[i].Msg < l[j].Msg
	})
}

// Error joins every problem, one a line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error, sorted, warnings included, or nil when
// it holds no error (warnings alone are not a failure).
func (l ErrorList) Err() error {
	if n, _ := l.Count(); n == 0 {
		return nil
	}
	l.Sort()
	return l
}
