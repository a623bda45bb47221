package load

import (
	"fmt"

	"edition/edition"
)

// noteIndex collects the note references of every file, in reading order,
// and the definitions of endnotes.md, to number and check them together.
type noteIndex struct {
	errs *edition.ErrorList
	refs []*edition.NoteRef
	defs []*edition.Note
}

// resolve numbers the notes in order of first reference and returns them
// so numbered. It reports references without definition only when
// endnotes.md was read (defsKnown), and definitions without reference only
// when every file that may hold references was read (refsKnown).
func (x *noteIndex) resolve(defsKnown, refsKnown bool) []edition.Note {
	byLabel := make(map[string]*edition.Note, len(x.defs))
	for _, d := range x.defs {
		if first, dup := byLabel[d.Label]; dup {
			x.errs.Add(d.Pos, fmt.Sprintf("note [^%s] is defined twice (first at %s)", d.Label, first.Pos))
			continue
		}
		byLabel[d.Label] = d
	}
	firstRef := make(map[string]*edition.NoteRef, len(x.refs))
	var out []edition.Note
	for _, r := range x.refs {
		if first, dup := firstRef[r.Label]; dup {
			x.errs.Add(r.Pos, fmt.Sprintf("note [^%s] is referenced twice (first at %s)", r.Label, first.Pos))
			r.Number = first.Number
			continue
		}
		firstRef[r.Label] = r
		d := byLabel[r.Label]
		if d == nil {
			if defsKnown {
				x.errs.Add(r.Pos, fmt.Sprintf("note [^%s] is referenced but not defined in %s", r.Label, EndnotesFile))
			}
			continue
		}
		r.Number = len(out) + 1
		d.Number = r.Number
		for k := range d.Paragraphs {
			d.Paragraphs[k].ID = fmt.Sprintf("note-%d-%d", d.Number, k+1)
		}
		out = append(out, *d)
	}
	if refsKnown {
		for label, d := range byLabel {
			if firstRef[label] == nil {
				x.errs.Add(d.Pos, fmt.Sprintf("note [^%s] is defined but never referenced", label))
			}
		}
	}
	return out
}
