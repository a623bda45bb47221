package cover

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"edition/fonts"
)

// The faces of Charis SIL the cover is set in, parsed once.
var parsed = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	var fs [2]*sfnt.Font
	for i, data := range [][]byte{fonts.Regular, fonts.Italic} {
		f, err := sfnt.Parse(data)
		if err != nil {
			return fs, fmt.Errorf("cover: parse Charis SIL: %w", err)
		}
		fs[i] = f
	}
	return fs, nil
})

const (
	roman  = 0
	italic = 1
)

// refSize is the size, in pixels, at which text is measured; widths at other
// sizes are scaled from it, since unhinted advances scale linearly.
const refSize = 1024

// ligatures are the f-ligatures Charis SIL maps to code points, applied to
// text set without letter-spacing so that "fi" in "Official" does not
// collide.
var ligatures = strings.NewReplacer("ffi", "\ufb03", "ffl", "\ufb04", "ff", "\ufb00", "fi", "\ufb01", "fl", "\ufb02")

// style is one kind of text on the cover: a face at a size, with or without
// letter-spaced capitals, in one ink.
type style struct {
	font  int
	face  *face
	size  float64
	track fixed.Int26_6 // added between letters
	caps  bool
	ink   int // index into the canvas's ramps
}

// fonter makes the styles of one cover and measures text for line breaking.
type fonter struct {
	fonts  [2]*sfnt.Font
	ref    [2]*face // at refSize, for measuring
	liga   [2]bool  // whether the face has the ligature code points
	faces  map[faceKey]*face
	widths map[widthKey]float64 // at refSize, without tracking
	titles map[float64]titleSet // by scale
}

type widthKey struct {
	font int
	caps bool
	s    string
}

type faceKey struct {
	font int
	size float64
}

func newFonter() (*fonter, error) {
	fs, err := parsed()
	if err != nil {
		return nil, err
	}
	f := &fonter{fonts: fs, faces: map[faceKey]*face{}, widths: map[widthKey]float64{}, titles: map[float64]titleSet{}}
	for i := range fs {
		if f.ref[i], err = f.face(i, refSize); err != nil {
			return nil, err
		}
		var buf sfnt.Buffer
		f.liga[i] = true
		for _, r := range "\ufb00\ufb01\ufb02\ufb03\ufb04" {
			if x, err := fs[i].GlyphIndex(&buf, r); err != nil || x == 0 {
				f.liga[i] = false
			}
		}
	}
	return f, nil
}

func (f *fonter) face(font int, size float64) (*face, error) {
	k := faceKey{font, size}
	if fc := f.faces[k]; fc != nil {
		return fc, nil
	}
	fc := newFace(f.fonts[font], size)
	f.faces[k] = fc
	return fc, nil
}

// style returns the style of the given font and size; tracking is in ems.
func (f *fonter) style(font int, size, tracking float64, caps bool, ink int) (*style, error) {
	fc, err := f.face(font, size)
	if err != nil {
		return nil, err
	}
	return &style{font: font, face: fc, size: size, track: fixed.Int26_6(tracking*size*64 + 0.5), caps: caps, ink: ink}, nil
}

// prepare returns s as the style sets it: in capitals, or with ligatures.
func (f *fonter) prepare(st *style, s string) string {
	if st.caps {
		return strings.ToUpper(s)
	}
	if st.track == 0 && f.liga[st.font] {
		return ligatures.Replace(s)
	}
	return s
}

// width estimates the advance width of s in the given font, size and
// tracking (in ems), scaled from the reference size. Line breaking uses it;
// the final lines are measured exactly by extent.
func (f *fonter) width(font int, size, tracking float64, caps bool, s string) float64 {
	n := utf8.RuneCountInString(s)
	w := f.refWidth(font, caps, tracking == 0, s) * size / refSize
	if n > 1 {
		w += tracking * size * float64(n-1)
	}
	return w
}

// refWidth is the advance width of s at refSize, remembered.
func (f *fonter) refWidth(font int, caps, liga bool, s string) float64 {
	k := widthKey{font, caps, s}
	if !liga {
		k.s = "\x00" + s
	}
	if w, ok := f.widths[k]; ok {
		return w
	}
	if caps {
		s = strings.ToUpper(s)
	} else if liga && f.liga[font] {
		s = ligatures.Replace(s)
	}
	fc := f.ref[font]
	var x fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			x += fc.kern(prev, r)
		}
		x += fc.advance(r)
		prev = r
	}
	w := float64(x) / 64
	f.widths[k] = w
	return w
}

// extent measures s, already prepared, as st sets it: its advance width and
// the horizontal extent of its ink, relative to the pen's start.
func extent(st *style, s string) (adv, inkMin, inkMax fixed.Int26_6) {
	var x fixed.Int26_6
	prev := rune(-1)
	first := true
	for _, r := range s {
		if prev >= 0 {
			x += st.face.kern(prev, r) + st.track
		}
		b, a := st.face.bounds(r)
		if b.Max.X > b.Min.X {
			if first || x+b.Min.X < inkMin {
				inkMin = x + b.Min.X
			}
			if first || x+b.Max.X > inkMax {
				inkMax = x + b.Max.X
			}
			first = false
		}
		x += a
		prev = r
	}
	return x, inkMin, inkMax
}

// A canvas is the cover image: a paletted image whose palette holds the
// background colours and, for each ink, a ramp of antialiasing levels from
// its background to the ink. Text is composited by choosing the level of
// the glyph's coverage, so the image stays paletted and small.
type canvas struct {
	img   *image.Paletted
	ramps []ramp
}

// A ramp is one ink on one background: level k of n (1…n) is palette entry
// base+k-1; level 0 is the background entry bg.
type ramp struct {
	bg, base uint8
	n        int
}

// levels is the number of antialiasing levels per ink.
const levels = 63

// pixels reuses the canvases' pixel buffers, which are large enough that
// allocating and clearing them anew costs as much as drawing the text.
var pixels sync.Pool

// newCanvas makes a canvas of the given size filled with palette entry 0.
// backgrounds are solid colours; inks pair a background index with a text
// colour. Its pixels come from a pool; release returns them.
func newCanvas(w, h int, backgrounds []color.RGBA, inks [][2]int, colours []color.RGBA) *canvas {
	pal := make(color.Palette, 0, len(backgrounds)+len(inks)*levels)
	for _, c := range backgrounds {
		pal = append(pal, c)
	}
	c := &canvas{}
	for _, ink := range inks {
		bg, fg := backgrounds[ink[0]], colours[ink[1]]
		r := ramp{bg: uint8(ink[0]), base: uint8(len(pal)), n: levels}
		for k := 1; k <= levels; k++ {
			pal = append(pal, color.RGBA{
				R: mix(bg.R, fg.R, k), G: mix(bg.G, fg.G, k), B: mix(bg.B, fg.B, k), A: 255,
			})
		}
		c.ramps = append(c.ramps, r)
	}
	var pix []uint8
	if p, _ := pixels.Get().(*[]uint8); p != nil && len(*p) == w*h {
		pix = *p
		clear(pix)
	} else {
		pix = make([]uint8, w*h)
	}
	c.img = &image.Paletted{Pix: pix, Stride: w, Rect: image.Rect(0, 0, w, h), Palette: pal}
	return c
}

// release returns the canvas's pixels to the pool; the canvas is not used
// again.
func (c *canvas) release() {
	pix := c.img.Pix
	pixels.Put(&pix)
	c.img = nil
}

func mix(a, b uint8, k int) uint8 {
	return uint8((int(a)*(levels-k) + int(b)*k + levels/2) / levels)
}

// fill paints r with palette entry i.
func (c *canvas) fill(r image.Rectangle, i uint8) {
	r = r.Intersect(c.img.Rect)
	if r.Empty() {
		return
	}
	stride := c.img.Stride
	first := c.img.Pix[r.Min.Y*stride+r.Min.X : r.Min.Y*stride+r.Max.X]
	for x := range first {
		first[x] = i
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		copy(c.img.Pix[y*stride+r.Min.X:y*stride+r.Max.X], first)
	}
}

// text draws s, already prepared, in st with its pen starting at x on the
// baseline y.
func (c *canvas) text(st *style, s string, x fixed.Int26_6, y int) {
	rp := c.ramps[st.ink]
	dot := fixed.Point26_6{X: x, Y: fixed.I(y)}
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += st.face.kern(prev, r) + st.track
		}
		if dr, mask := st.face.glyph(dot, r); mask != nil {
			c.composite(dr, mask, rp)
		}
		dot.X += st.face.advance(r)
		prev = r
	}
}

// composite sets the pixels of dr to the ramp's level for their coverage
// in mask (stride dr.Dx(), 0 to 255), keeping the stronger of two
// overlapping glyphs.
func (c *canvas) composite(dr image.Rectangle, mask []uint8, rp ramp) {
	base, n := int(rp.base), rp.n
	w := dr.Dx()
	for y := 0; y < dr.Dy(); y++ {
		py := dr.Min.Y + y
		if py < 0 || py >= c.img.Rect.Max.Y {
			continue
		}
		row := mask[y*w : y*w+w]
		dst := c.img.Pix[py*c.img.Stride:][:c.img.Stride]
		for x, a := range row {
			lv := (int(a)*n + 127) / 255
			if lv == 0 {
				continue
			}
			px := dr.Min.X + x
			if px < 0 || px >= len(dst) {
				continue
			}
			cur := 0
			if p := int(dst[px]); p >= base && p < base+n {
				cur = p - base + 1
			}
			if lv > cur {
				dst[px] = uint8(base + lv - 1)
			}
		}
	}
}

// capHeight returns a style's cap height in pixels.
func capHeight(st *style) float64 {
	return st.face.capHeight()
}
