package layout

import (
	"sync"
	"sync/atomic"

	"edition/edition/layout/shape"
)

// Metrics are one face of the family, ready to set and measure text: the
// face as package shape reads it (its OpenType features — ligatures, small
// capitals, kerning — and its vertical metrics). Advances are rounded as a
// PDF's /W array holds them, round(advance × 1000 / unitsPerEm) thousandths
// of an em, so that where a word is placed and where a viewer ends it agree
// to the hundredth of a point.
type Metrics struct {
	*shape.Face
	// blocks hold, for the characters below 0x3000 (Latin, Greek,
	// Cyrillic, punctuation: all the book's), 256 to a block, each one's
	// advance plus one, 0 for a character the font lacks: Width and Covers
	// are asked for every character and space set, many times over as
	// make-up sets paragraphs again. A block is filled from the font's cmap
	// the first time one of its characters is asked for, so that a run pays
	// only for the blocks its text uses.
	blocks [0x3000 / blockSize]widthBlock
	mu     sync.Mutex // held while a block is filled
}

// blockSize is the number of characters in one block of Metrics' table.
const blockSize = 256

// widthBlock is one block of Metrics' table; ready is set once w is filled.
type widthBlock struct {
	ready atomic.Bool
	w     [blockSize]uint16
}

// Width returns the advance of r's glyph in thousandths of an em, 0 for a
// missing glyph.
func (m *Metrics) Width(r rune) int {
	if uint(r) < uint(len(m.blocks)*blockSize) {
		b := &m.blocks[uint(r)/blockSize]
		if !b.ready.Load() {
			m.fill(uint(r) / blockSize)
		}
		return max(int(b.w[uint(r)%blockSize])-1, 0)
	}
	return m.RuneWidth(r)
}

// Covers reports whether the font has a glyph for r.
func (m *Metrics) Covers(r rune) bool {
	if uint(r) < uint(len(m.blocks)*blockSize) {
		b := &m.blocks[uint(r)/blockSize]
		if !b.ready.Load() {
			m.fill(uint(r) / blockSize)
		}
		return b.w[uint(r)%blockSize] != 0
	}
	return m.Face.Covers(r)
}

// fill fills block i of the table, unless another goroutine has filled it
// meanwhile: the metrics of a face are shared by every goroutine of the
// process.
func (m *Metrics) fill(i uint) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b := &m.blocks[i]
	if b.ready.Load() {
		return
	}
	first := rune(i * blockSize)
	for j := range b.w {
		if r := first + rune(j); m.Face.Covers(r) {
			b.w[j] = uint16(m.RuneWidth(r) + 1)
		}
	}
	b.ready.Store(true)
}

// parseMetrics reads a TrueType or OpenType font.
func parseMetrics(font []byte) (*Metrics, error) {
	f, err := shape.Parse(font)
	if err != nil {
		return nil, err
	}
	return &Metrics{Face: f}, nil
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
