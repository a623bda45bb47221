package layout

import "edition/edition/layout/shape"

// Metrics are one face of the family, ready to set and measure text: the
// face as package shape reads it (its OpenType features — ligatures, small
// capitals, kerning — and its vertical metrics). Advances are rounded as a
// PDF's /W array holds them, round(advance × 1000 / unitsPerEm) thousandths
// of an em, so that where a word is placed and where a viewer ends it agree
// to the hundredth of a point.
type Metrics struct {
	*shape.Face
	// common holds, for the characters below len(common) (Latin, Greek,
	// Cyrillic, punctuation: all the book's), each one's advance plus one,
	// 0 for a character the font lacks: Width and Covers are asked for
	// every character and space set, many times over as make-up sets
	// paragraphs again.
	common [0x3000]uint16
}

// Width returns the advance of r's glyph in thousandths of an em, 0 for a
// missing glyph.
func (m *Metrics) Width(r rune) int {
	if r >= 0 && int(r) < len(m.common) {
		return max(int(m.common[r])-1, 0)
	}
	return m.RuneWidth(r)
}

// Covers reports whether the font has a glyph for r.
func (m *Metrics) Covers(r rune) bool {
	if r >= 0 && int(r) < len(m.common) {
		return m.common[r] != 0
	}
	return m.Face.Covers(r)
}

// parseMetrics reads a TrueType or OpenType font.
func parseMetrics(font []byte) (*Metrics, error) {
	f, err := shape.Parse(font)
	if err != nil {
		return nil, err
	}
	m := &Metrics{Face: f}
	for r := range m.common {
		if f.Covers(rune(r)) {
			m.common[r] = uint16(f.RuneWidth(rune(r)) + 1)
		}
	}
	return m, nil
}

// shapeRun sets s in face m at size as glyphs — with standard ligatures
// unless the run is tracked (letter-spaced) or set in small capitals, plus
// the features extra — and returns them with the run's advance in points,
// track points after every glyph included.
func shapeRun(m *Metrics, s string, size, track float64, extra shape.Features) ([]shape.Glyph, float64) {
	feat := extra
	if track == 0 && extra&(shape.Smcp|shape.C2sc) == 0 {
		feat |= shape.Liga
	}
	gs := m.Shape(s, feat)
	return gs, float64(shape.Width(gs))*size/1000 + float64(len(gs))*track
}
