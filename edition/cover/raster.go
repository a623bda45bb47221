package cover

import (
	"image"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A face is one font at one size, unhinted: it measures and rasterises
// glyphs. It reads the font with golang.org/x/image/font/sfnt and
// rasterises outlines itself (rather than with golang.org/x/image/vector,
// which would bring in golang.org/x/sys), with the signed-area accumulation
// method of font-rs: each edge adds its area to a buffer whose running sum,
// row by row, is the coverage.
type face struct {
	f    *sfnt.Font
	ppem fixed.Int26_6
	buf  sfnt.Buffer
	idx  map[rune]sfnt.GlyphIndex
	box  map[rune]box // bounds and advances, remembered
	acc  []float32
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

// glyph rasterises r with its origin at dot. It returns the pixels the
// glyph covers and their accumulated signed areas, row by row (stride
// dr.Dx()): the absolute value of the running sum of acc, clamped to 1, is
// each pixel's coverage. acc is valid until the next call.
func (fc *face) glyph(dot fixed.Point26_6, r rune) (dr image.Rectangle, acc []float32) {
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
	n := w*h + 2
	if cap(fc.acc) < n {
		fc.acc = make([]float32, n)
	}
	acc = fc.acc[:n]
	clear(acc)
	bx, by := dot.X-fixed.I(dr.Min.X), dot.Y-fixed.I(dr.Min.Y)
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X+bx) / 64, float32(p.Y+by) / 64
	}
	var x, y, sx, sy float32 // the pen, the contour's start
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if x != sx || y != sy {
				line(acc, w, h, x, y, sx, sy)
			}
			x, y = pt(s.Args[0])
			sx, sy = x, y
		case sfnt.SegmentOpLineTo:
			x1, y1 := pt(s.Args[0])
			line(acc, w, h, x, y, x1, y1)
			x, y = x1, y1
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			dx, dy := x-2*x1+x2, y-2*y1+y2
			steps := 1
			if d := dx*dx + dy*dy; d > 0.333 {
				steps = 1 + int(math.Sqrt(math.Sqrt(3*float64(d))))
			}
			px, py := x, y
			for i := 1; i <= steps; i++ {
				t := float32(i) / float32(steps)
				u := 1 - t
				qx := u*u*x + 2*u*t*x1 + t*t*x2
				qy := u*u*y + 2*u*t*y1 + t*t*y2
				line(acc, w, h, px, py, qx, qy)
				px, py = qx, qy
			}
			x, y = x2, y2
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			ax, ay := x-2*x1+x2, y-2*y1+y2
			bx, by := x1-2*x2+x3, y1-2*y2+y3
			d := max(ax*ax+ay*ay, bx*bx+by*by)
			steps := 1
			if d > 0.333 {
				steps = 1 + int(math.Sqrt(math.Sqrt(3*float64(d))))
			}
			px, py := x, y
			for i := 1; i <= steps; i++ {
				t := float32(i) / float32(steps)
				u := 1 - t
				qx := u*u*u*x + 3*u*u*t*x1 + 3*u*t*t*x2 + t*t*t*x3
				qy := u*u*u*y + 3*u*u*t*y1 + 3*u*t*t*y2 + t*t*t*y3
				line(acc, w, h, px, py, qx, qy)
				px, py = qx, qy
			}
			x, y = x3, y3
		}
	}
	if x != sx || y != sy {
		line(acc, w, h, x, y, sx, sy)
	}
	return dr, acc[:w*h]
}

// line adds the signed area of the edge (x0,y0)–(x1,y1) to acc, a w×h
// buffer (plus two cells, which catch an edge's spill past the last
// column). The running sum of acc is then the winding coverage.
func line(acc []float32, w, h int, x0, y0, x1, y1 float32) {
	if y0 == y1 {
		return
	}
	dir := float32(1)
	if y0 > y1 {
		dir = -1
		x0, y0, x1, y1 = x1, y1, x0, y0
	}
	dxdy := (x1 - x0) / (y1 - y0)
	x := x0
	if y0 < 0 {
		x -= y0 * dxdy
		y0 = 0
	}
	if y1 > float32(h) {
		y1 = float32(h)
	}
	for yi := int(y0); yi < h && float32(yi) < y1; yi++ {
		row := yi * w
		dy := min(float32(yi+1), y1) - max(float32(yi), y0)
		xnext := x + dxdy*dy
		d := dy * dir
		xa, xb := x, xnext
		if xa > xb {
			xa, xb = xb, xa
		}
		xaf := float32(math.Floor(float64(xa)))
		xai := int(xaf)
		xbc := float32(math.Ceil(float64(xb)))
		xbi := int(xbc)
		if xai < 0 {
			xai, xaf = 0, 0 // the bounds enclose the outline; guard rounding
		}
		if xbi <= xai+1 {
			m := 0.5*(x+xnext) - xaf
			acc[row+xai] += d - d*m
			acc[row+xai+1] += d * m
		} else {
			s := 1 / (xb - xa)
			f0 := xa - xaf
			a0 := 0.5 * s * (1 - f0) * (1 - f0)
			f1 := xb - xbc + 1
			am := 0.5 * s * f1 * f1
			acc[row+xai] += d * a0
			if xbi == xai+2 {
				acc[row+xai+1] += d * (1 - a0 - am)
			} else {
				a1 := s * (1.5 - f0)
				acc[row+xai+1] += d * (a1 - a0)
				for xi := xai + 2; xi < xbi-1; xi++ {
					acc[row+xi] += d * s
				}
				a2 := a1 + float32(xbi-xai-3)*s
				acc[row+xbi-1] += d * (1 - a2 - am)
			}
			acc[row+xbi] += d * am
		}
		x = xnext
	}
}
