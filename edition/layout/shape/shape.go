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
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
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

	mu    sync.Mutex // guards the shaper, its buffer and the cache
	hb    *harfbuzz.Font
	buf   *harfbuzz.Buffer
	feats []harfbuzz.Feature
	cache map[key][]Glyph
}

type key struct {
	text string
	f    Features
}

// Parse reads a TrueType or OpenType font: only the tables shaping needs
// (see shapingTables), so that glyph outlines are not parsed.
func Parse(data []byte) (*Face, error) {
	data, err := shapingTables(data)
	if err != nil {
		return nil, err
	}
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	upem := float64(face.Upem())
	if upem == 0 {
		return nil, fmt.Errorf("unitsPerEm is 0")
	}
	return &Face{face: face, upem: upem, hb: harfbuzz.NewFont(face),
		buf: harfbuzz.NewBuffer(), cache: map[key][]Glyph{}}, nil
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

// thousandths converts font units to thousandths of an em, rounded as
// gofpdf rounds the widths it writes.
func (f *Face) thousandths(v float64) int {
	return int(math.Round(1000 / f.upem * v))
}

// Covers reports whether the font maps r to a glyph.
func (f *Face) Covers(r rune) bool {
	_, ok := f.face.NominalGlyph(r)
	return ok
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
// it.
func (f *Face) Shape(text string, feat Features) []Glyph {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := key{text, feat}
	if g, ok := f.cache[k]; ok {
		return g
	}
	g := f.shape(text, feat)
	f.cache[k] = g
	return g
}

func (f *Face) shape(text string, feat Features) []Glyph {
	if text == "" {
		return nil
	}
	runes := []rune(text)
	b := f.buf
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
	f.feats = append(f.feats[:0], on(tagLiga, feat&Liga != 0), on(tagClig, feat&Liga != 0))
	if feat&Smcp != 0 {
		f.feats = append(f.feats, on(tagSmcp, true))
	}
	if feat&C2sc != 0 {
		f.feats = append(f.feats, on(tagC2sc, true))
	}
	b.Shape(f.hb, f.feats)

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
