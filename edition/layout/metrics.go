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
}

// Width returns the advance of r's glyph in thousandths of an em, 0 for a
// missing glyph.
func (m *Metrics) Width(r rune) int {
	return m.RuneWidth(r)
}

// parseMetrics reads a TrueType or OpenType font.
func parseMetrics(font []byte) (*Metrics, error) {
	f, err := shape.Parse(font)
	if err != nil {
		return nil, err
	}
	return &Metrics{f}, nil
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
