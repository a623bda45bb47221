package load

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"edition/edition"
)

// Covers reports whether the print font can set r in roman (italic false)
// or in italic.
type Covers func(r rune, italic bool) bool

// CheckGlyphs reports every character of b that the print edition could not
// set, at the exact line and column of the character in the source files
// read from fsys (named as FSAt names them with dir): the text of every
// section, turn, direction and note in the face it is set in (emphasis in
// italic), and the metadata the title pages print, in both faces. It needs
// no layout, so `edition check` finds what the print edition would reject.
//
// A character typography does not make (it makes only quotation marks,
// dashes, ellipses and spaces, all in the font) stands in the source as it
// stands in the book: the n-th such character of a run of text is the n-th
// in the source from where the run starts.
func CheckGlyphs(b *edition.Book, fsys fs.FS, dir string, covers Covers) error {
	g := &glyphs{fsys: fsys, dir: dir, covers: covers, files: map[string]*srcFile{}}
	for r := range rune(utf8.RuneSelf) {
		g.ascii[0][r], g.ascii[1][r] = covers(r, false), covers(r, true)
	}
	for _, s := range []*edition.Section{&b.Preface, &b.Colophon} {
		if s.Absent() {
			continue
		}
		g.inlines(s.Title, false, edition.Pos{})
		for i := range s.Paragraphs {
			g.inlines(s.Paragraphs[i].Content, false, s.Paragraphs[i].Pos)
		}
		if s.Signature != nil {
			g.inlines(s.Signature.Content, true, s.Signature.Pos)
		}
	}
	for _, iv := range b.Interviews {
		g.inlines(iv.Title, false, edition.Pos{})
		for _, t := range iv.Turns {
			if t.Direction != "" {
				g.text(t.Direction, true, t.Pos)
			}
			for i := range t.Paragraphs {
				g.inlines(t.Paragraphs[i].Content, false, t.Paragraphs[i].Pos)
			}
		}
	}
	g.inlines(b.NotesTitle, false, edition.Pos{})
	for _, n := range b.Notes {
		for i := range n.Paragraphs {
			g.inlines(n.Paragraphs[i].Content, false, n.Paragraphs[i].Pos)
		}
	}
	g.metadata(&b.Meta)
	return g.errs.Err()
}

type glyphs struct {
	fsys   fs.FS
	dir    string
	covers Covers
	files  map[string]*srcFile // by the name positions show
	errs   edition.ErrorList
	// ascii says which ASCII characters, most of a book, covers covers
	// in roman ([0]) and italic ([1]), asked once.
	ascii [2][utf8.RuneSelf]bool
}

func (g *glyphs) inlines(content []edition.Inline, italic bool, at edition.Pos) {
	for _, in := range content {
		switch n := in.(type) {
		case *edition.Text:
			pos := n.Pos
			if pos.File == "" {
				pos = at
			}
			g.text(n.Text, italic, pos)
			at = pos
		case *edition.Emphasis:
			g.inlines(n.Content, !italic, at)
		case *edition.Quoted:
			g.inlines(n.Content, italic, at)
		case *edition.Foreign:
			g.inlines(n.Content, italic, at)
		case *edition.Link:
			g.inlines(n.Content, italic, at)
		case *edition.Direction:
			// Set in italics (roman within emphasis), as the print
			// edition sets it.
			g.inlines(n.Content, !italic, at)
		}
	}
}

// text reports the characters of s the font lacks, s starting at pos.
func (g *glyphs) text(s string, italic bool, pos edition.Pos) {
	ascii := &g.ascii[0]
	if italic {
		ascii = &g.ascii[1]
	}
	var seen map[rune]int // how many of each missing character are behind
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && ascii[c] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= utf8.RuneSelf && g.covers(r, italic) {
			continue
		}
		if seen == nil {
			seen = map[rune]int{}
		}
		at := g.locate(pos, r, seen[r])
		seen[r]++
		g.errs.Add(at, missing(r, italic))
	}
}

func missing(r rune, italic bool) string {
	face := "roman"
	if italic {
		face = "italic"
	}
	return fmt.Sprintf("character %q (U+%04X) is not in the print font (Charis SIL, %s): the PDF cannot set it", r, r, face)
}

// file returns the source file whose positions are named name, or nil.
func (g *glyphs) file(name string) *srcFile {
	if f, ok := g.files[name]; ok {
		return f
	}
	var f *srcFile
	base := filepath.Base(name)
	if filepath.Join(g.dir, base) == name || (g.dir == "" && base == name) {
		if src, err := fs.ReadFile(g.fsys, base); err == nil {
			f = newSrcFile(name, src)
		}
	}
	g.files[name] = f
	return f
}

// locate returns the position of the n-th r (from 0) at or after pos in its
// file, or pos itself when the file does not hold it there.
func (g *glyphs) locate(pos edition.Pos, r rune, n int) edition.Pos {
	f := g.file(pos.File)
	if f == nil || pos.Line < 1 || pos.Line > len(f.lines) {
		return pos
	}
	off := f.lines[pos.Line-1]
	for c := 1; c < pos.Col && off < len(f.src); c++ {
		_, size := utf8.DecodeRune(f.src[off:])
		off += size
	}
	for off < len(f.src) {
		c, size := utf8.DecodeRune(f.src[off:])
		if c == r {
			if n == 0 {
				return f.pos(off)
			}
			n--
		}
		off += size
	}
	return pos
}

// metadata reports the characters of the printed metadata the font lacks,
// at each place metadata.yaml holds them outside a comment.
func (g *glyphs) metadata(m *edition.Metadata) {
	strs := []string{m.Title, m.Subtitle, m.ShortTitle, m.Rights, m.Interview.Place,
		m.Publisher.Name, m.Publisher.Place, m.EditionStatement, m.Series.Title, m.Series.Number, m.ISBN, m.Identifier, m.Version}
	for _, p := range m.People {
		strs = append(strs, p.Name, p.Speaker, strings.ToUpper(p.Speaker))
	}
	for _, s := range m.Sources {
		strs = append(strs, s.Title, s.Container, s.Volume, s.URL)
	}
	bad := map[rune]bool{}
	for _, s := range strs {
		for _, r := range s {
			if !g.covers(r, false) || !g.covers(r, true) {
				bad[r] = true
			}
		}
	}
	if len(bad) == 0 {
		return
	}
	f := g.file(m.Pos.File)
	if f == nil {
		for r := range bad {
			g.errs.Add(m.Pos, missing(r, g.covers(r, false)))
		}
		return
	}
	found := map[rune]bool{}
	for i, start := range f.lines {
		end := len(f.src)
		if i+1 < len(f.lines) {
			end = f.lines[i+1]
		}
		line := string(f.src[start:end])
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if k := strings.Index(line, " #"); k >= 0 {
			line = line[:k]
		}
		for k, r := range line {
			if bad[r] {
				found[r] = true
				g.errs.Add(f.pos(start+k), missing(r, g.covers(r, false)))
			}
		}
	}
	for r := range bad {
		if !found[r] {
			g.errs.Add(m.Pos, missing(r, g.covers(r, false)))
		}
	}
}
