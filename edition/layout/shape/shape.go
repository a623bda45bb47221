// Package shape sets text as the glyphs a font draws for it: standard
// ligatures, real small capitals and kerning, read from the font's
// OpenType tables (GSUB, GPOS, kern) by github.com/go-text/typesetting,
// whose HarfBuzz port does the shaping.
//
// A Face is parsed once per font and shapes each (text, features) pair
// once: results are kept, since a book repeats its words. Advances are in
// thousandths of an em, each glyph's width rounded as a PDF's /W array
// holds it (round(advance × 1000 / unitsPerEm)) plus the kerning rounded
// the same way, so that what a line breaker adds up is what a PDF viewer
// draws. The package knows nothing of PDF; it imports no drawing code.
package shape

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"

	"edition/internal/textmap"
)

// Features are the optional OpenType features a run is shaped with. The
// font's required features (ccmp, locl, mark and mkmk positioning) and its
// kerning always apply.
type Features uint8

const (
	// Liga turns on standard ligatures (ff, fi, fl, ffi, ffl). Running text
	// has them; letter-spaced text must not.
	Liga Features = 1 << iota
	// Smcp sets lower-case letters as small capitals.
	Smcp
	// C2sc sets capitals as small capitals.
	C2sc
)

// Glyph is one glyph of a shaped run.
type Glyph struct {
	// ID is the glyph's index in the font file.
	ID int
	// Text is the text the glyph's cluster stands for, on the cluster's
	// first glyph ("fi" for the fi ligature, "o" for a small capital o);
	// "" on the cluster's other glyphs.
	Text string
	// Advance is how far the pen moves after the glyph, XOffset and
	// YOffset how far the glyph is shifted from the pen, in thousandths of
	// an em.
	Advance, XOffset, YOffset int
}

// Width returns the advance of glyphs in thousandths of an em.
func Width(glyphs []Glyph) int {
	w := 0
	for _, g := range glyphs {
		w += g.Advance
	}
	return w
}

// Face is one font, ready to shape text. Its methods may be called from
// several goroutines.
type Face struct {
	face *font.Face
	upem float64
	// Ascent, Descent (negative), CapHeight and XHeight are the font's
	// vertical metrics in thousandths of an em: hhea's ascender and
	// descender, OS/2's capital and x-heights (0 without OS/2 version 2).
	// Charis SIL: 1196, −438, 671, 482.
	Ascent, Descent, CapHeight, XHeight int

	// active[g] tells whether a lookup the shaper may apply without Smcp
	// or C2sc starts at glyph g: always, or only when the glyph after g is
	// in the set sets[follows[g]] (a ligature's second components, a
	// context's second glyphs, the glyphs a cursive attachment joins to
	// g); fast is false when a table other than GSUB and GPOS could change
	// glyphs or advances (see plain).
	active  []activity
	follows []int32 // for each glyph followed, its set's index in sets
	sets    []glyphSet
	unions  map[[2]int32]int32 // the union of two sets, by their indices, while findActive runs
	fast    bool

	// shapers are the shapers not in use. go-text's faces and HarfBuzz
	// fonts keep caches as they are used, so each goroutine shaping at a
	// time takes a shaper of its own; the parsed font under them is only
	// read and is shared.
	mu      sync.Mutex
	shapers []*shaper
	// cache holds what has been shaped, by the features' bits, then the
	// text.
	cache [8]textmap.Map[[]Glyph]

	// marks are the glyphs the font's mark attachment lookups position,
	// which a Parse leaves out (see withoutMarkAttachment); full returns
	// the face with them, parsed the first time a text shaped without
	// them has a glyph of marks. Both are nil for a face with them.
	marks glyphSet
	full  func() (*Face, error)
}

// shaper is what one goroutine shapes with: a go-text face (with its
// character map cache), a HarfBuzz font over it (with its lookup
// accelerators), a buffer (with its shaping plans) and the features'
// scratch space.
type shaper struct {
	face  *font.Face
	hb    *harfbuzz.Font
	buf   *harfbuzz.Buffer
	feats []harfbuzz.Feature
}

// get takes a shaper, made anew when every one made is in use.
func (f *Face) get() *shaper {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n := len(f.shapers); n > 0 {
		s := f.shapers[n-1]
		f.shapers = f.shapers[:n-1]
		return s
	}
	face := font.NewFace(f.face.Font)
	return &shaper{face: face, hb: harfbuzz.NewFont(face), buf: harfbuzz.NewBuffer()}
}

// put gives s back for another call.
func (f *Face) put(s *shaper) {
	f.mu.Lock()
	f.shapers = append(f.shapers, s)
	f.mu.Unlock()
}

// Parse reads a TrueType or OpenType font: only the tables shaping needs
// (see shapingTables), so that glyph outlines are not parsed, and, when
// the font has mark attachment lookups, without them (see
// withoutMarkAttachment): the face with them is parsed from data the
// first time a text needs it, so data must not change after Parse.
func Parse(data []byte) (*Face, error) {
	needed, err := shapingTables(data)
	if err != nil {
		return nil, err
	}
	marks := withoutMarkAttachment(needed)
	f, err := parse(needed)
	if err != nil || marks == nil {
		return f, err
	}
	f.marks = marks
	f.full = sync.OnceValues(func() (*Face, error) { return parseWhole(data) })
	return f, nil
}

// parseWhole reads the font file data as Parse does, with its mark
// attachment lookups.
func parseWhole(data []byte) (*Face, error) {
	needed, err := shapingTables(data)
	if err != nil {
		return nil, err
	}
	return parse(needed)
}

// parse reads data, a font file holding the needed tables.
func parse(data []byte) (*Face, error) {
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	upem := float64(face.Upem())
	if upem == 0 {
		return nil, fmt.Errorf("unitsPerEm is 0")
	}
	f := &Face{face: face, upem: upem}
	f.shapers = []*shaper{{face: face, hb: harfbuzz.NewFont(face), buf: harfbuzz.NewBuffer()}}
	f.findActive()
	f.unions = nil
	if err := f.vertical(data); err != nil {
		return nil, err
	}
	return f, nil
}

// withoutMarkAttachment changes data, a font file, so that its GPOS mark
// attachment lookups (mark to base, mark to ligature, mark to mark,
// directly or through an extension) have no subtables, and returns the
// glyphs those lookups position: their subtables' first coverage. It
// changes nothing and returns nil when the font has no such lookup or its
// GPOS table cannot be read this way.
//
// Such a lookup moves only a glyph of that coverage (a mark, attached to
// the glyph before), and positioning changes no glyph, so a text none of
// whose glyphs, once substituted, is in the coverage is shaped the same
// without those lookups — and parsing their anchors was nearly half the
// time of a Parse of Charis SIL, whose lookups attach its marks to every
// letter. Face.Shape shapes such a text again with the whole font
// (Face.full, see needsMarks).
func withoutMarkAttachment(data []byte) glyphSet {
	be := binary.BigEndian
	var gpos []byte
	var at int
	for i := range int(be.Uint16(data[4:])) {
		rec := data[12+16*i:]
		if string(rec[:4]) == "GPOS" {
			at = int(be.Uint32(rec[8:]))
			gpos = data[at : at+int(be.Uint32(rec[12:]))]
		}
	}
	u16 := func(b []byte, off int) (int, bool) {
		if off < 0 || off+2 > len(b) {
			return 0, false
		}
		return int(be.Uint16(b[off:])), true
	}
	list, ok := u16(gpos, 8)
	if !ok {
		return nil
	}
	count, ok := u16(gpos, list)
	if !ok {
		return nil
	}
	var marks []int
	var empty []int // the offsets in gpos of the lookups to empty
	for i := range count {
		lo, ok := u16(gpos, list+2+2*i)
		if !ok {
			return nil
		}
		lk := list + lo
		typ, ok1 := u16(gpos, lk)
		n, ok2 := u16(gpos, lk+4)
		if !ok1 || !ok2 {
			return nil
		}
		found := false
		for k := range n {
			so, ok := u16(gpos, lk+6+2*k)
			if !ok {
				return nil
			}
			st, t := lk+so, typ
			if typ == 9 { // an extension: its type, and where its subtable is
				et, ok1 := u16(gpos, st+2)
				if !ok1 || st+8 > len(gpos) {
					return nil
				}
				t, st = et, st+int(be.Uint32(gpos[st+4:]))
			}
			if t < 4 || t > 6 {
				if found {
					return nil // a lookup of mixed types: left as it is
				}
				continue
			}
			if k > 0 && !found {
				return nil
			}
			found = true
			co, ok := u16(gpos, st+2)
			if !ok || st+co > len(gpos) {
				return nil
			}
			cov, _, err := tables.ParseCoverage(gpos[st+co:])
			if err != nil {
				return nil
			}
			switch c := cov.(type) {
			case tables.Coverage1:
				for _, g := range c.Glyphs {
					marks = append(marks, int(g))
				}
			case tables.Coverage2:
				for _, r := range c.Ranges {
					for g := int(r.StartGlyphID); g <= int(r.EndGlyphID); g++ {
						marks = append(marks, g)
					}
				}
			default:
				return nil
			}
		}
		if found {
			empty = append(empty, lk)
		}
	}
	if len(empty) == 0 {
		return nil
	}
	for _, lk := range empty {
		// No subtables, and no mark filtering set after them.
		flag := be.Uint16(data[at+lk+2:])
		be.PutUint16(data[at+lk+2:], flag&^0x0010)
		be.PutUint16(data[at+lk+4:], 0)
	}
	return newGlyphSet(marks)
}

// needed are the tables shaping reads: the character map, the metrics,
// the layout tables and the old kerning table. Outlines (glyf, loca, CFF)
// and glyph names (post) are left out: parsing them was nine tenths of the
// time of a Parse.
var needed = map[string]bool{"cmap": true, "head": true, "hhea": true, "hmtx": true, "maxp": true,
	"OS/2": true, "GSUB": true, "GPOS": true, "GDEF": true, "kern": true}

// shapingTables returns a font file holding only the needed tables of
// data, a TrueType or OpenType font.
func shapingTables(data []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, fmt.Errorf("font file too short")
	}
	n := int(be.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("font table directory truncated")
	}
	type table struct {
		rec  []byte
		body []byte
	}
	var keep []table
	for i := range n {
		rec := data[12+16*i : 28+16*i]
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(data) {
			return nil, fmt.Errorf("font table %q out of range", rec[:4])
		}
		if needed[string(rec[:4])] {
			keep = append(keep, table{rec, data[off : off+length]})
		}
	}
	size := 12 + 16*len(keep)
	for _, t := range keep {
		size += (len(t.body) + 3) &^ 3
	}
	out := make([]byte, 12+16*len(keep), size)
	copy(out, data[:4])
	be.PutUint16(out[4:], uint16(len(keep)))
	for i, t := range keep {
		rec := out[12+16*i:]
		copy(rec, t.rec[:8]) // tag and checksum
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(t.body)))
		out = append(out, t.body...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// vertical reads the vertical metrics from data, a font file with the
// needed tables.
func (f *Face) vertical(data []byte) error {
	be := binary.BigEndian
	table := func(tag string) []byte {
		for i := range int(be.Uint16(data[4:])) {
			rec := data[12+16*i:]
			if string(rec[:4]) == tag {
				off, n := be.Uint32(rec[8:]), be.Uint32(rec[12:])
				return data[off : off+n]
			}
		}
		return nil
	}
	hhea := table("hhea")
	if len(hhea) < 8 {
		return fmt.Errorf("no hhea table")
	}
	// Rounded as the print layout has always rounded them (half up, then
	// towards zero), so that pages keep their depths.
	v := func(b []byte) int { return int(float64(int16(be.Uint16(b)))*1000/f.upem + 0.5) }
	f.Ascent, f.Descent = v(hhea[4:]), v(hhea[6:])
	if os2 := table("OS/2"); len(os2) >= 90 && be.Uint16(os2) >= 2 {
		f.XHeight, f.CapHeight = v(os2[86:]), v(os2[88:])
	}
	return nil
}

// thousandths converts font units to thousandths of an em, rounded as
// gofpdf rounds the widths it writes.
func (f *Face) thousandths(v float64) int {
	return int(math.Round(1000 / f.upem * v))
}

// Forget drops what f has shaped (see cache), keeping the parsed font:
// the texts of the next book are shaped anew.
func (f *Face) Forget() {
	for i := range f.cache {
		f.cache[i].Clear()
	}
}

// Covers reports whether the font maps r to a glyph. (It takes a shaper:
// go-text's cmap lookup fills a cache.)
func (f *Face) Covers(r rune) bool {
	s := f.get()
	defer f.put(s)
	_, ok := s.face.NominalGlyph(r)
	return ok
}

// RuneWidth returns the advance of r's glyph in thousandths of an em, 0
// when the font has none.
func (f *Face) RuneWidth(r rune) int {
	s := f.get()
	defer f.put(s)
	g, ok := s.face.NominalGlyph(r)
	if !ok {
		return 0
	}
	return f.GlyphWidth(int(g))
}

// GlyphWidth returns glyph g's advance in thousandths of an em, without
// kerning: the width a PDF's /W array gives it.
func (f *Face) GlyphWidth(g int) int {
	if g < 0 || g > 0xFFFF {
		return 0
	}
	return f.thousandths(float64(f.face.HorizontalAdvance(font.GID(g))))
}

var (
	tagLiga = ot.MustNewTag("liga")
	tagClig = ot.MustNewTag("clig")
	tagSmcp = ot.MustNewTag("smcp")
	tagC2sc = ot.MustNewTag("c2sc")
)

// Shape returns the glyphs that set text with the features feat, left to
// right in the Latin script. The slice is shared: callers must not change
// it. Goroutines shape at the same time, each with a shaper of its own;
// when two shape the same text at once, both get the glyphs the first to
// finish kept.
func (f *Face) Shape(text string, feat Features) []Glyph {
	c := &f.cache[feat&7]
	if g, ok := c.GetString(text); ok {
		return g
	}
	s := f.get()
	g := f.shape(s, text, feat)
	f.put(s)
	if f.marks != nil && f.needsMarks(text, g) {
		full, err := f.full()
		if err != nil {
			// Parse read the rest of the font; the shipped faces are
			// parsed whole by TestWithoutMarkAttachment.
			panic(fmt.Sprintf("shape: the font's mark attachment lookups cannot be read: %v", err))
		}
		s := full.get()
		g = full.shape(s, text, feat)
		full.put(s)
	}
	return c.Keep(text, g)
}

// needsMarks reports whether text, shaped as g by a face parsed without
// its mark attachment lookups, may be shaped otherwise with them: when a
// glyph of g is one they position, or when text holds a default-ignorable
// character (a superset: format characters, variation selectors and the
// others Unicode lists), whose glyph HarfBuzz positions and then hides,
// drawing the space's glyph or none in its place.
func (f *Face) needsMarks(text string, g []Glyph) bool {
	for _, g := range g {
		if f.marks.has(g.ID) {
			return true
		}
	}
	for _, r := range text {
		if r >= 0xAD && unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector) {
			return true
		}
	}
	return false
}

// shape sets text with s.
func (f *Face) shape(s *shaper, text string, feat Features) []Glyph {
	if text == "" {
		return nil
	}
	if g, ok := f.plain(s, text, feat); ok {
		return g
	}
	return f.harfBuzz(s, text, feat)
}

// harfBuzz shapes text with HarfBuzz.
func (f *Face) harfBuzz(s *shaper, text string, feat Features) []Glyph {
	runes := []rune(text)
	b := s.buf
	b.Clear()
	b.AddRunes(runes, 0, len(runes))
	b.Props = harfbuzz.SegmentProperties{Direction: harfbuzz.LeftToRight, Script: language.Latin, Language: language.NewLanguage("en")}
	on := func(tag ot.Tag, yes bool) harfbuzz.Feature {
		v := uint32(0)
		if yes {
			v = 1
		}
		return harfbuzz.Feature{Tag: tag, Value: v, Start: harfbuzz.FeatureGlobalStart, End: harfbuzz.FeatureGlobalEnd}
	}
	s.feats = append(s.feats[:0], on(tagLiga, feat&Liga != 0), on(tagClig, feat&Liga != 0))
	if feat&Smcp != 0 {
		s.feats = append(s.feats, on(tagSmcp, true))
	}
	if feat&C2sc != 0 {
		s.feats = append(s.feats, on(tagC2sc, true))
	}
	b.Shape(s.hb, s.feats)

	out := make([]Glyph, len(b.Info))
	// byteAt[i] is the byte offset in text of rune i.
	byteAt := make([]int, len(runes)+1)
	for i, at := 0, 0; i < len(runes); i++ {
		byteAt[i] = at
		at += utf8.RuneLen(runes[i])
	}
	byteAt[len(runes)] = len(text)
	for i := range b.Info {
		info, pos := b.Info[i], b.Pos[i]
		gid := int(info.Glyph)
		adv := f.GlyphWidth(gid)
		if kern := float64(pos.XAdvance) - float64(f.face.HorizontalAdvance(info.Glyph)); kern != 0 {
			adv += f.thousandths(kern)
		}
		g := Glyph{ID: gid, Advance: adv, XOffset: f.thousandths(float64(pos.XOffset)), YOffset: f.thousandths(float64(pos.YOffset))}
		if i == 0 || b.Info[i-1].Cluster != info.Cluster {
			end := len(runes)
			for j := i + 1; j < len(b.Info); j++ {
				if c := b.Info[j].Cluster; c != info.Cluster {
					end = c
					break
				}
			}
			g.Text = text[byteAt[info.Cluster]:byteAt[end]]
		}
		out[i] = g
	}
	return out
}

// offByDefault are the features a HarfBuzz shaper leaves off in
// horizontal Latin text unless asked: their lookups never apply here but
// for smcp and c2sc, which Features can ask for. Fraction features apply
// only around U+2044, which plain refuses.
var offByDefault = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`smcp c2sc pcap c2pc unic dlig hlig salt aalt swsh cswh
		onum lnum pnum tnum sups subs sinf ordn zero case cpsp titl hist afrc ornm nalt
		frac numr dnom jalt mgrk lfbd rtbd opbd ital expt fwid hwid pwid qwid twid palt
		vert vrt2 vkrn vpal valt vhal halt`) {
		offByDefault[t] = true
	}
	for i := 1; i <= 20; i++ {
		offByDefault[fmt.Sprintf("ss%02d", i)] = true
	}
	for i := 1; i <= 99; i++ {
		offByDefault[fmt.Sprintf("cv%02d", i)] = true
	}
}

// activity is whether a lookup may start at a glyph.
type activity uint8

const (
	never activity = iota
	always
	followed // only when followed by a glyph of Face.after
)

// glyphSet is a set of glyphs, a bit each.
type glyphSet []uint64

// newGlyphSet returns the set of gs.
func newGlyphSet(gs []int) glyphSet {
	var s glyphSet
	for _, g := range gs {
		for len(s) <= g/64 {
			s = append(s, 0)
		}
		s[g/64] |= 1 << (g % 64)
	}
	return s
}

// has reports whether g is in s.
func (s glyphSet) has(g int) bool { return g/64 < len(s) && s[g/64]&(1<<(g%64)) != 0 }

// union returns the set of the glyphs of s and t.
func (s glyphSet) union(t glyphSet) glyphSet {
	u := slices.Clone(s)
	for len(u) < len(t) {
		u = append(u, 0)
	}
	for i, w := range t {
		u[i] |= w
	}
	return u
}

// Lookup flags that make a lookup skip glyphs other than marks, so that the
// glyph "after" g for it may be further on (OpenType's LookupFlag).
const skipsNonMarks = 0x0002 | 0x0004 // ignoreBaseGlyphs, ignoreLigatures

// findActive marks every glyph at which a lookup of a feature not off by
// default starts: the first glyph of a ligature, a pair, a context or a
// substitution, a mark to be positioned, a glyph a cursive attachment
// joins the next to. Where the lookup can only apply when a given glyph
// follows — a ligature's second component, the second glyph of a context,
// a glyph with a cursive entry after one with an exit — the glyph is
// marked as followed, with those pairs in after; text without marks
// (which plain refuses) holds nothing a lookup could skip to find them. A
// lookup whose coverage cannot be read, feature variations, or an
// old-style kerning table turn plain shaping off.
func (f *Face) findActive() {
	f.fast = len(f.face.Kern) == 0 && len(f.face.Morx) == 0 && len(f.face.Kerx) == 0 &&
		f.face.GSUB.FeatureVariations == nil && f.face.GPOS.FeatureVariations == nil
	lookups := func(features []font.Feature, each func(i int)) {
		for _, ft := range features {
			if offByDefault[ft.Tag.String()] {
				continue
			}
			for _, i := range ft.LookupListIndices {
				each(int(i))
			}
		}
	}
	gsub, gpos := &f.face.GSUB, &f.face.GPOS
	lookups(gsub.Features, func(i int) {
		if i >= len(gsub.Lookups) {
			return
		}
		lk := &gsub.Lookups[i]
		for _, st := range lk.Subtables {
			if lk.Flag&skipsNonMarks != 0 {
				f.mark(st.Cov())
				continue
			}
			switch st := st.(type) {
			case tables.LigatureSubs:
				f.firsts(st.Coverage, len(st.LigatureSets), func(k int, add func(int)) {
					for _, l := range st.LigatureSets[k].Ligatures {
						add(secondGlyph(l.ComponentGlyphIDs))
					}
				})
			case tables.ContextualSubs:
				f.context(st)
			default:
				f.mark(st.Cov())
			}
		}
	})
	lookups(gpos.Features, func(i int) {
		if i >= len(gpos.Lookups) {
			return
		}
		lk := &gpos.Lookups[i]
		for _, st := range lk.Subtables {
			if c, ok := st.(tables.CursivePos); ok && lk.Flag&skipsNonMarks == 0 {
				f.cursive(c)
				continue
			}
			f.mark(st.Cov())
		}
	})
}

// coverage calls each for every glyph of c, in coverage index order; a
// coverage of a format it does not know turns plain shaping off.
func (f *Face) coverage(c tables.Coverage, each func(g int)) {
	switch c := c.(type) {
	case tables.Coverage1:
		for _, g := range c.Glyphs {
			each(int(g))
		}
	case tables.Coverage2:
		for _, r := range c.Ranges {
			for g := int(r.StartGlyphID); g <= int(r.EndGlyphID); g++ {
				each(g)
			}
		}
	default:
		f.fast = false
	}
}

// mark marks every glyph of c as always active.
func (f *Face) mark(c tables.Coverage) { f.coverage(c, func(g int) { f.setActive(g, always) }) }

// follow marks g as active when a glyph of f.sets[set] follows it.
func (f *Face) follow(g int, set int32) {
	f.setActive(g, followed)
	for len(f.follows) <= g {
		f.follows = append(f.follows, 0)
	}
	switch old := f.follows[g]; {
	case old == 0 || old == set:
		f.follows[g] = set
	default: // a glyph two lookups may start at: the two sets as one
		// Glyphs of one coverage meet the same sets in the same order:
		// each union is made once and shared.
		key := [2]int32{old, set}
		u, ok := f.unions[key]
		if !ok {
			f.sets = append(f.sets, f.sets[old].union(f.sets[set]))
			u = int32(len(f.sets) - 1)
			if f.unions == nil {
				f.unions = map[[2]int32]int32{}
			}
			f.unions[key] = u
		}
		f.follows[g] = u
	}
}

// firsts marks the k-th glyph of cov, for k < n, as active when followed
// by a second glyph that seconds(k, add) adds, or always if it adds -1 (a
// rule of one glyph).
func (f *Face) firsts(cov tables.Coverage, n int, seconds func(k int, add func(second int))) {
	k := 0
	f.coverage(cov, func(g int) {
		if k < n {
			var second []int
			seconds(k, func(h int) {
				if h < 0 {
					f.setActive(g, always)
				} else {
					second = append(second, h)
				}
			})
			f.follow(g, f.addSet(second))
		}
		k++
	})
}

// cursive marks the glyphs with an exit anchor of c as active when
// followed by one with an entry anchor: cursive attachment joins such a
// glyph to the one just before it.
func (f *Face) cursive(c tables.CursivePos) {
	var exits, entries []int
	k := 0
	f.coverage(c.Cov(), func(g int) {
		if k < len(c.EntryExits) {
			if c.EntryExits[k].ExitAnchor != nil {
				exits = append(exits, g)
			}
			if c.EntryExits[k].EntryAnchor != nil {
				entries = append(entries, g)
			}
		}
		k++
	})
	joined := f.addSet(entries)
	for _, e := range exits {
		f.follow(e, joined)
	}
}

// context marks the glyphs a contextual substitution starts at: followed
// by its rules' second glyphs, or always for a rule of one glyph or rules
// by glyph classes.
func (f *Face) context(st tables.ContextualSubs) {
	switch c := st.Data.(type) {
	case tables.ContextualSubs1:
		f.firsts(c.Cov(), len(c.SeqRuleSet), func(k int, add func(int)) {
			for _, r := range c.SeqRuleSet[k].SeqRule {
				add(secondGlyph(r.InputSequence))
			}
		})
	case tables.ContextualSubs3:
		if len(c.Coverages) < 2 {
			f.mark(c.Cov())
			return
		}
		var second []int
		f.coverage(c.Coverages[1], func(h int) { second = append(second, h) })
		set := f.addSet(second)
		f.coverage(c.Coverages[0], func(g int) { f.follow(g, set) })
	default:
		f.mark(st.Cov())
	}
}

// secondGlyph is the glyph a rule's second glyph must be, given the rest
// of its glyphs after the first (a ligature's components, a context's
// input): the first of them, or -1 for a rule of one glyph.
func secondGlyph(rest []tables.GlyphID) int {
	if len(rest) == 0 {
		return -1
	}
	return int(rest[0])
}

// addSet adds the set of gs to f.sets and returns its index (never 0,
// which follows keeps for "none").
func (f *Face) addSet(gs []int) int32 {
	if len(f.sets) == 0 {
		f.sets = append(f.sets, nil)
	}
	f.sets = append(f.sets, newGlyphSet(gs))
	return int32(len(f.sets) - 1)
}

// setActive raises glyph g's activity to a: always stays always.
func (f *Face) setActive(g int, a activity) {
	for len(f.active) <= g {
		f.active = append(f.active, never)
	}
	f.active[g] = max(f.active[g], a)
}

// plain shapes text without HarfBuzz when HarfBuzz would do nothing but map
// each character to its glyph: when no feature's lookup can start at any
// of the glyphs (none is always active, none is followed by a glyph that
// lets a lookup start at it: see findActive), no character is a mark, a
// control, a format character, a space other than U+0020 or the fraction
// slash, and the text is in NFC. TestPlainIsHarfBuzz checks the two agree
// on the book's words and on every pair and triple of letters.
func (f *Face) plain(s *shaper, text string, feat Features) ([]Glyph, bool) {
	if !f.fast || feat&(Smcp|C2sc) != 0 || !norm.NFC.IsNormalString(text) {
		return nil, false
	}
	gdef := f.face.GDEF.GlyphClassDef
	out := make([]Glyph, 0, len(text))
	prev := -1 // the glyph before, when a lookup may start at it
	for i, r := range text {
		if r != ' ' && (r == 0x2044 || unicode.In(r, unicode.M, unicode.C, unicode.Z)) {
			return nil, false
		}
		gid, ok := s.face.NominalGlyph(r)
		if !ok {
			return nil, false
		}
		if prev >= 0 && f.sets[f.follows[prev]].has(int(gid)) {
			return nil, false
		}
		prev = -1
		if int(gid) < len(f.active) {
			switch f.active[gid] {
			case always:
				return nil, false
			case followed:
				prev = int(gid)
			}
		}
		if gdef != nil {
			if c, _ := gdef.Class(tables.GlyphID(gid)); c == 3 { // a mark
				return nil, false
			}
		}
		out = append(out, Glyph{ID: int(gid), Text: text[i : i+utf8.RuneLen(r)], Advance: f.GlyphWidth(int(gid))})
	}
	return out, true
}
