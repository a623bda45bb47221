package cover

import (
	"image"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// A face is one font at one size, unhinted: it measures and rasterises
// glyphs. It reads the font with golang.org/x/image/font/sfnt and fills the
// outlines with golang.org/x/image/vector.
type face struct {
	f    *sfnt.Font
	ppem fixed.Int26_6
	buf  sfnt.Buffer
	idx  map[rune]sfnt.GlyphIndex
	box  map[rune]box // bounds and advances, remembered
	z    vector.Rasterizer
	mask *image.Alpha
}

func newFace(f *sfnt.Font, size float64) *face {
	return &face{f: f, ppem: fixed.Int26_6(size*64 + 0.5), idx: map[rune]sfnt.GlyphIndex{}, box: map[rune]box{}}
}

type box struct {
	bounds  fixed.Rectangle26_6
	advance fixed.Int26_6
}

func (fc *face) index(r rune) sfnt.GlyphIndex {
	if x, ok := fc.idx[r]; ok {
		return x
	}
	x, err := fc.f.GlyphIndex(&fc.buf, r)
	if err != nil {
		x = 0
	}
	fc.idx[r] = x
	return x
}

// advance is r's advance width.
func (fc *face) advance(r rune) fixed.Int26_6 {
	a, err := fc.f.GlyphAdvance(&fc.buf, fc.index(r), fc.ppem, font.HintingNone)
	if err != nil {
		return 0
	}
	return a
}

// kern is the kerning between r0 and r1 (from the font's kern table or
// GPOS pair adjustments).
func (fc *face) kern(r0, r1 rune) fixed.Int26_6 {
	k, err := fc.f.Kern(&fc.buf, fc.index(r0), fc.index(r1), fc.ppem, font.HintingNone)
	if err != nil {
		return 0
	}
	return k
}

// bounds is the box of r's ink, relative to its origin, and its advance.
func (fc *face) bounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6) {
	if b, ok := fc.box[r]; ok {
		return b.bounds, b.advance
	}
	b, a, err := fc.f.GlyphBounds(&fc.buf, fc.index(r), fc.ppem, font.HintingNone)
	if err != nil {
		b, a = fixed.Rectangle26_6{}, 0
	}
	fc.box[r] = box{b, a}
	return b, a
}

// capHeight is the height of the capitals, in pixels.
func (fc *face) capHeight() float64 {
	m, err := fc.f.Metrics(&fc.buf, fc.ppem, font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(m.CapHeight) / 64
}

// glyph rasterises r with its origin at dot, with golang.org/x/image/vector.
// It returns the pixels the glyph covers and its coverage mask over them
// (stride dr.Dx(), 0 none to 255 full). The mask is valid until the next
// call.
func (fc *face) glyph(dot fixed.Point26_6, r rune) (dr image.Rectangle, mask []uint8) {
	segs, err := fc.f.LoadGlyph(&fc.buf, fc.index(r), fc.ppem, nil)
	if err != nil || len(segs) == 0 {
		return image.Rectangle{}, nil
	}
	b := segs.Bounds().Add(dot)
	dr = image.Rect(b.Min.X.Floor(), b.Min.Y.Floor(), b.Max.X.Ceil(), b.Max.Y.Ceil())
	w, h := dr.Dx(), dr.Dy()
	if w <= 0 || h <= 0 {
		return image.Rectangle{}, nil
	}
	if fc.mask == nil || cap(fc.mask.Pix) < w*h {
		fc.mask = image.NewAlpha(image.Rect(0, 0, w, h))
	}
	fc.mask.Pix = fc.mask.Pix[:w*h]
	fc.mask.Stride, fc.mask.Rect = w, image.Rect(0, 0, w, h)
	clear(fc.mask.Pix)
	fc.z.Reset(w, h)
	bx, by := dot.X-fixed.I(dr.Min.X), dot.Y-fixed.I(dr.Min.Y)
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X+bx) / 64, float32(p.Y+by) / 64
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			fc.z.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			fc.z.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			fc.z.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			fc.z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	fc.z.ClosePath()
	fc.z.Draw(fc.mask, fc.mask.Rect, image.Opaque, image.Point{})
	return dr, fc.mask.Pix
}
