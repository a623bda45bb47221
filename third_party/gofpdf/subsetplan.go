package gofpdf

// This file is a patch of the project (see PATCHES.md, patch 24): a UTF-8
// font's subset made ahead of Output, on another goroutine while the
// document is still being drawn, from the glyphs the caller knows will be
// drawn with the font.

import (
	"sync"
	"unicode/utf8"
)

// SubsetPlan is the subset of a UTF-8 font planned ahead of Output: see
// PlanSubset.
type SubsetPlan struct {
	mu    sync.Mutex
	state int // planPending, planMaking or planDropped
	done  chan struct{}
	file  utf8FontFile // a copy of the font's, with a reader of its own
	name0 string       // the name Output gives a subset of a font without a PostScript name
	// Made by Make: the glyphs and characters the subset holds (as
	// cidTable.usedGlyphs gives them), and the subset.
	glyphs map[int]bool
	chars  map[int]int
	subset subsetStream
	used   bool // Output wrote what Make made
}

// subsetStream is a UTF-8 font's subset as Output writes it: its size, its
// compressed stream, its tagged name, and the map from the font's glyphs
// to the subset's that the CIDToGIDMap is written from.
type subsetStream struct {
	size   int
	font   []byte
	name   string
	newGID map[int]int
}

// cutSubset makes the subset of utf for glyphs and chars (see
// generateCutFont), which Output writes; name0 names it if the font has no
// PostScript name. It sets utf's state of a subset being made.
func cutSubset(utf *utf8FontFile, glyphs map[int]bool, chars map[int]int, name0 string) subsetStream {
	subset := utf.generateCutFont(nil, glyphs, chars)
	return subsetStream{
		size:   len(subset),
		font:   sliceCompress(subset),
		name:   subsetName(subset, utf.psName, name0),
		newGID: utf.newGID,
	}
}

const (
	planPending = iota // Make not called yet
	planMaking         // Make called: done is closed when it has finished
	planDropped        // Output came first: Make does nothing
)

// PlanSubset plans the subset of the UTF-8 font familyStr/styleStr ahead
// of Output: the plan's Make, called on another goroutine while the
// document is drawn, makes the subset and its compressed stream for the
// glyphs the caller expects to draw with the font. Output writes what Make
// made if the glyphs drawn with the font turn out to be the same set (with
// the same texts where a glyph stands for its own character, which keeps
// its code point as CID), and otherwise makes the subset as it does
// without a plan, so that the document's bytes are the same either way.
// PlanSubset returns nil if the document has no such UTF-8 font. It must
// be called on the goroutine that draws the document, before Output.
func (f *Fpdf) PlanSubset(familyStr, styleStr string) *SubsetPlan {
	key := getFontKey(familyStr, styleStr)
	font, ok := f.fonts[key]
	if !ok || font.Tp != "UTF8" || font.utf8File == nil {
		return nil
	}
	p := &SubsetPlan{file: *font.utf8File, name0: "utf8" + font.Name, done: make(chan struct{})}
	p.file.fileReader = &fileReader{array: font.utf8File.fileReader.array}
	font.plan = p
	f.fonts[key] = font
	return p
}

// Make makes the planned subset for glyphs, each glyph to be drawn with
// the font and the text it stands for (a glyph may be given more than
// once). It may be called on any goroutine, at most once, and glyphs must
// not change while it runs. If Output has begun to write the fonts before
// Make is called, Make does nothing; if Make has begun first, Output waits
// for it.
func (p *SubsetPlan) Make(glyphs []Glyph) {
	p.mu.Lock()
	if p.state != planPending {
		p.mu.Unlock()
		return
	}
	p.state = planMaking
	p.mu.Unlock()
	defer close(p.done)

	p.glyphs, p.chars = map[int]bool{}, map[int]int{}
	for _, g := range glyphs {
		p.glyphs[g.ID] = true
		if c, ok := codePointCID(&p.file, g.ID, g.Text); ok {
			p.chars[c] = g.ID
		}
	}
	p.subset = cutSubset(&p.file, p.glyphs, p.chars, p.name0)
}

// fits reports whether Make made the subset for the glyphs and characters
// Output found drawn, waiting for Make if it has begun; a plan whose Make
// has not begun is dropped.
func (p *SubsetPlan) fits(glyphs map[int]bool, chars map[int]int) bool {
	p.mu.Lock()
	state := p.state
	if state == planPending {
		p.state = planDropped
	}
	p.mu.Unlock()
	if state != planMaking {
		return false
	}
	<-p.done
	if len(p.glyphs) != len(glyphs) || len(p.chars) != len(chars) {
		return false
	}
	for g := range glyphs {
		if !p.glyphs[g] {
			return false
		}
	}
	for c, g := range chars {
		if pg, ok := p.chars[c]; !ok || pg != g {
			return false
		}
	}
	return true
}

// Used reports whether Output wrote the subset Make made, rather than one
// of its own. It is for tests, after Output.
func (p *SubsetPlan) Used() bool { return p.used }

// codePointCID returns the code point a glyph standing for text keeps as
// its CID: text's one character, when the font's cmap gives it that glyph.
func codePointCID(font *utf8FontFile, gid int, text string) (int, bool) {
	r, n := utf8.DecodeRuneInString(text)
	if n != len(text) || r == utf8.RuneError || r <= 0 || r > 0xFFFF {
		return 0, false
	}
	if g := font.glyphOf(int(r)); g == 0 || g != gid {
		return 0, false
	}
	return int(r), true
}
