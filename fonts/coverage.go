package fonts

import (
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Coverage tells which characters a face has a glyph for, from the face's
// cmap, without laying anything out.
type Coverage struct {
	mu   sync.Mutex
	f    *sfnt.Font
	buf  sfnt.Buffer
	seen map[rune]bool
}

// NewCoverage reads the cmap of the TrueType font data (one of Regular,
// Italic, Bold, BoldItalic).
func NewCoverage(data []byte) (*Coverage, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &Coverage{f: f, seen: map[rune]bool{}}, nil
}

// Has reports whether the face maps r to a glyph other than .notdef. It is
// safe for concurrent use.
func (c *Coverage) Has(r rune) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if has, ok := c.seen[r]; ok {
		return has
	}
	i, err := c.f.GlyphIndex(&c.buf, r)
	has := err == nil && i != 0
	c.seen[r] = has
	return has
}
