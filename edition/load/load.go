// Package load reads the manuscript (metadata.yaml and the Markdown files
// described in source/README.md) into an edition.Book. It is the only
// package that knows Markdown: it parses with goldmark, rejects every
// construct the source conventions do not give a meaning to, checks the
// notes and the speakers across files, and applies typography once before
// returning the book.
//
// Every problem is reported at once, as an edition.ErrorList whose entries
// read "file:line:col: what is wrong". Hostile input is bounded before it
// costs anything: only regular files of a limited size are read, shapes of
// Markdown the parser is slow on are refused before it sees them, and
// every metadata value obeys the Markdown's character rules and a length
// limit (limits.go, chars.go, schema.go; the "Limits" of source/README.md).
// Every URL is parsed once, by parseURL, and stored in its normal form.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"edition/edition"
	"edition/edition/typography"
)

// The files a manuscript is made of.
const (
	MetadataFile  = "metadata.yaml"
	PrefaceFile   = "preface.md"
	InterviewFile = "interview.md"
	ColophonFile  = "colophon.md"
	EndnotesFile  = "endnotes.md"
)

// Dir loads the manuscript in the directory dir. Positions in errors name
// the files as dir/name ("source/interview.md:41:1").
func Dir(dir string) (*edition.Book, error) {
	return FSAt(dirFS(dir), dir)
}

// FS loads the manuscript at the root of fsys. Positions in errors name the
// files by their bare names ("interview.md:41:1").
func FS(fsys fs.FS) (*edition.Book, error) {
	return FSAt(fsys, "")
}

// FSAt loads the manuscript at the root of fsys, naming the files in
// positions as if fsys were the directory dir (dir/interview.md). An empty
// dir gives bare names.
func FSAt(fsys fs.FS, dir string) (*edition.Book, error) {
	l := &loader{fsys: fsys, dir: dir}
	b := l.load()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	b.Warnings = l.errs.Warnings()
	typography.Apply(b)
	return b, nil
}

// loader holds the state of one load.
type loader struct {
	fsys fs.FS
	dir  string
	errs edition.ErrorList
}

// read returns the file name as a srcFile, or nil after reporting why it
// cannot be used: it is missing, not a regular file, larger than its limit
// (see limits.go) or, for Markdown, of a shape checkShape rejects. Invalid
// UTF-8 and the characters charProblem rejects are reported, and the file
// is still returned, so that its other problems are found too.
func (l *loader) read(name string) *srcFile {
	f, _ := l.readFile(name, false)
	return f
}

// readOptional is read for a file the book may leave out: it reports
// whether the file exists, and a missing one is not an error.
func (l *loader) readOptional(name string) (*srcFile, bool) {
	return l.readFile(name, true)
}

func (l *loader) readFile(name string, optional bool) (*srcFile, bool) {
	display := name
	if l.dir != "" {
		display = filepath.Join(l.dir, name)
	}
	limit := int64(MaxMarkdownSize)
	if name == MetadataFile {
		limit = MaxMetadataSize
	}
	src, msg, err := readSource(l.fsys, name, limit)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return nil, false
		}
		msg = "cannot read: " + err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "missing file"
		}
	}
	if msg != "" {
		l.errs.Add(edition.Pos{File: display}, msg)
		return nil, true
	}
	f := newSrcFile(display, src)
	l.checkChars(f)
	if name != MetadataFile && !l.checkShape(f) {
		return nil, true
	}
	return f, true
}

func (l *loader) load() *edition.Book {
	b := &edition.Book{}
	metaOK := false
	if f := l.read(MetadataFile); f != nil {
		b.Meta, metaOK = l.metadata(f)
		b.Modified = b.Meta.Modified
	}

	speakers := map[string]string{} // label → person key
	for _, p := range b.Meta.People {
		if p.Speaker != "" {
			speakers[p.Speaker] = p.Key
		}
	}
	notes := &noteIndex{errs: &l.errs}

	// The interview is the only text a book must have; a section the
	// source leaves out keeps an empty ID (Section.Absent).
	complete := true // every file that may reference notes was read
	if f, exists := l.readOptional(PrefaceFile); f != nil {
		b.Preface.ID = "preface"
		l.section(f, &b.Preface, notes, true)
	} else if exists {
		complete = false
	}
	if f := l.read(InterviewFile); f != nil {
		b.Interviews = l.interviews(f, notes, speakers, metaOK)
		if metaOK && len(b.Interviews) > 0 {
			l.events(b)
		}
	} else {
		complete = false
	}
	if f, exists := l.readOptional(ColophonFile); f != nil {
		b.Colophon.ID = "colophon"
		l.section(f, &b.Colophon, notes, false)
	} else if exists {
		complete = false
	}
	// Without endnotes.md the book has no notes, and a reference is one
	// to a note not defined.
	f, exists := l.readOptional(EndnotesFile)
	endnotesRead := f != nil || !exists
	if f != nil {
		b.NotesTitle = l.endnotes(f, notes)
	}
	// Only when every file referencing notes was read is a definition
	// without reference really one; likewise for references.
	b.Notes = notes.resolve(endnotesRead, complete)
	return b
}

// events gives each interview its event from the metadata, matched in
// order, and its participants: those the metadata names, who must include
// every speaker of its turns, or else the speakers in the metadata's order.
func (l *loader) events(b *edition.Book) {
	m := &b.Meta
	if n := len(m.Interviews); n > 0 && n != len(b.Interviews) {
		switch {
		case n < len(b.Interviews):
			l.errs.Add(b.Interviews[n].Pos, fmt.Sprintf("%s describes %d interview(s) but this is interview %d: give interviews: in %s, one entry (date, place, participants) per interview, in this file's order",
				MetadataFile, n, n+1, MetadataFile))
		default:
			l.errs.Add(m.Interviews[len(b.Interviews)].Pos, fmt.Sprintf("%d interview(s) described but %s holds %d (each opened by a # title)",
				n, InterviewFile, len(b.Interviews)))
		}
	}
	for k := range b.Interviews {
		iv := &b.Interviews[k]
		if k < len(m.Interviews) {
			iv.Event = m.Interviews[k]
			iv.Event.Participants = append([]string(nil), iv.Event.Participants...)
		}
		speaks := map[string]bool{}
		for _, t := range iv.Turns {
			speaks[t.Speaker] = true
		}
		if len(iv.Event.Participants) > 0 {
			listed := map[string]bool{}
			for _, key := range iv.Event.Participants {
				listed[key] = true
			}
			for _, t := range iv.Turns {
				if t.Speaker != "" && !listed[t.Speaker] {
					who, _ := m.Person(t.Speaker)
					l.errs.Add(t.Pos, fmt.Sprintf("%s (%s) speaks but is not among the participants of this interview (%s)", who.Name, t.Speaker, iv.Event.Pos))
					listed[t.Speaker] = true // once per interview
				}
			}
			continue
		}
		for _, p := range m.People {
			if speaks[p.Key] {
				iv.Event.Participants = append(iv.Event.Participants, p.Key)
			}
		}
	}
}
