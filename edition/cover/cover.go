// Package cover draws the edition's cover from its metadata: the title, the
// subtitle and the people with their parts in the book, composed on a fixed
// grid and set in the book's own face, Charis SIL, as a PNG image.
//
// The cover is a raster image because reading systems' library views
// (Kindle, Kobo) show no SVG cover, and an SVG's text is set in whatever
// fonts the reading system has. The text is measured with the font's own
// advances and kerning, so every line is known to fit its margins; titles
// are broken into balanced lines and names set in letter-spaced capitals,
// glyph by glyph.
//
// The image is paletted — two backgrounds and, for each ink, a ramp of
// antialiasing levels — which keeps the file small and the encoding fast.
// The same book always gives the same bytes.
package cover

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"math"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/math/fixed"

	"edition/edition"
	"edition/edition/cite"
)

// MediaType is the media type of the image PNG returns.
const MediaType = "image/png"

// Width and Height are the cover's size in pixels: the 1:1.5 shape e-book
// retailers ask for.
const (
	Width  = 1600
	Height = 2400
)

// Margin is the width, in pixels, of the margins at the left and right of
// the cover, which no text or rule enters.
const Margin = 160

// The design: a dark band across the top carries the title and subtitle in
// light type; below it, on paper, the speakers with their parts, and at the
// foot the translator's credit. All text pairs exceed WCAG's 4.5:1 contrast
// ratio (paper on band 11.3:1, ink on paper 13.2:1, role ink on paper 8.1:1;
// TestContrast checks them).
var (
	paper      = color.RGBA{0xf4, 0xef, 0xe4, 0xff}
	band       = color.RGBA{0x5c, 0x1a, 0x1b, 0xff}
	ink        = color.RGBA{0x2a, 0x25, 0x22, 0xff}
	roleInk    = color.RGBA{0x4f, 0x45, 0x3f, 0xff}
	rule       = color.RGBA{0x9c, 0x7a, 0x4a, 0xff}
	ruleOnBand = color.RGBA{0xc9, 0xa4, 0x6a, 0xff}
)

// Palette entries of the backgrounds and solid rules.
const (
	paperIndex = iota
	bandIndex
	ruleIndex
	ruleOnBandIndex
)

// Inks: index into the canvas's ramps.
const (
	inkOnBand = iota
	inkOnPaper
	roleOnPaper
)

// A laid-out cover: lines of text and rules at their places.
type layout struct {
	bandHeight int
	lines      []placed
	rules      []placedRule
}

type placed struct {
	st   *style
	text string // prepared
	x    fixed.Int26_6
	y    int // baseline
}

type placedRule struct {
	r     image.Rectangle
	index uint8
}

// An item is one line of a block of text before it is placed: its style,
// its prepared text and the distance from the previous item's baseline to
// its own. A rule item has no style.
type item struct {
	st   *style
	text string
	gap  float64
	rule int // the width of a rule, when st is nil
	fits bool
}

// block is a column of centred items.
type block []item

// height is the block's height from the cap height of its first line to the
// baseline of its last.
func (b block) height() float64 {
	if len(b) == 0 {
		return 0
	}
	h := 0.0
	if b[0].st != nil {
		h = capHeight(b[0].st)
	}
	for _, it := range b[1:] {
		h += it.gap
	}
	return h
}

// fits reports whether every line of b is within the margins.
func (b block) fits() bool {
	for _, it := range b {
		if !it.fits {
			return false
		}
	}
	return true
}

// place puts b's first cap height at top, centring each line, and appends
// it to l.
func (l *layout) place(b block, top float64) {
	if len(b) == 0 {
		return
	}
	y := top
	if b[0].st != nil {
		y += capHeight(b[0].st)
	}
	for i, it := range b {
		if i > 0 {
			y += it.gap
		}
		base := int(math.Round(y))
		if it.st == nil {
			idx := uint8(ruleIndex)
			if base < l.bandHeight {
				idx = ruleOnBandIndex
			}
			l.rules = append(l.rules, placedRule{image.Rect(Width/2-it.rule/2, base-2, Width/2+it.rule/2, base+2), idx})
			continue
		}
		adv, _, _ := extent(it.st, it.text)
		l.lines = append(l.lines, placed{st: it.st, text: it.text, x: fixed.I(Width)/2 - adv/2, y: base})
	}
}

// measure is the maximum width of a line; the title, the largest text,
// keeps a little further from the edges.
const (
	measure      = Width - 2*Margin
	titleMeasure = measure - 100
)

// lines breaks s into balanced lines in st and appends them to b, the first
// gap after the previous item and lead between them.
func (f *fonter) lines(b block, st *style, s string, gap, lead float64) block {
	b, _ = f.linesIn(b, st, s, gap, lead, measure)
	return b
}

// linesIn is lines with lines no wider than max; it also returns how many
// lines end with a weak word.
func (f *fonter) linesIn(b block, st *style, s string, gap, lead, max float64) (block, int) {
	space := f.width(st.font, st.size, 0, st.caps, " ") + 2*float64(st.track)/64
	ws := words(s)
	tracking := float64(st.track) / 64 / st.size
	ls, weak := balanceWeak(ws, func(w string) float64 { return f.width(st.font, st.size, tracking, st.caps, w) }, space, max)
	for i, l := range ls {
		text := f.prepare(st, l)
		adv, lo, hi := extent(st, text)
		x := fixed.I(Width)/2 - adv/2
		edge := fixed.Int26_6((Width - max) / 2 * 64)
		fits := x+lo >= edge && x+hi <= fixed.I(Width)-edge
		g := lead
		if i == 0 {
			g = gap
		}
		b = append(b, item{st: st, text: text, gap: g, fits: fits})
	}
	return b, weak
}

// compose lays out the cover of c with the sizes of the title and subtitle
// multiplied by ts and those of the people and the credit by ps, and
// reports whether everything fits.
func (f *fonter) compose(c cite.Citation, ts, ps float64) (*layout, bool, error) {
	l := &layout{}
	ok := true

	// The title, as large as fits in the band's budget, and the subtitle.
	title, titleSize, err := f.title(c.Title, ts)
	if err != nil || title == nil {
		return nil, false, err
	}
	ok = ok && title.fits()
	if c.Subtitle != "" {
		size := math.Round(math.Max(40*ts, math.Min(64*ts, titleSize*0.42)))
		st, err := f.style(italic, size, 0, false, inkOnBand)
		if err != nil {
			return nil, false, err
		}
		title = append(title, item{gap: titleSize * 0.62, rule: 160, fits: true})
		title = f.lines(title, st, c.Subtitle, titleSize*0.38+capHeight(st), st.size*1.3)
		ok = ok && title.fits()
	}
	const pad = 150
	l.bandHeight = int(math.Max(Height*2/5, math.Ceil(title.height()+2*pad)))
	l.place(title, (float64(l.bandHeight)-title.height())/2)

	// The translator's credit at the foot: the statement in italic, the
	// names in capitals.
	var foot block
	credit := c.TranslationCredit()
	statement, names := splitCredit(credit, c.Translators)
	italicSt, err := f.style(italic, math.Round(46*ps), 0, false, inkOnPaper)
	if err != nil {
		return nil, false, err
	}
	capsSt, err := f.style(roman, math.Round(46*ps), 0.12, true, inkOnPaper)
	if err != nil {
		return nil, false, err
	}
	if credit != "" {
		foot = append(foot, item{rule: 240, fits: true})
		foot = f.lines(foot, italicSt, statement, 80*ps+capHeight(italicSt), 62*ps)
		if names != "" {
			foot = f.lines(foot, capsSt, names, 84*ps, 66*ps)
		}
		ok = ok && foot.fits()
	}
	footTop := float64(Height) - 190 - foot.height()
	l.place(foot, footTop)

	// The creators, each with their part, and the place and date when the
	// subtitle does not give them, centred on the paper between band and
	// foot.
	var people block
	nameSt, err := f.style(roman, math.Round(76*ps), 0.12, true, inkOnPaper)
	if err != nil {
		return nil, false, err
	}
	roleSt, err := f.style(italic, math.Round(52*ps), 0, false, roleOnPaper)
	if err != nil {
		return nil, false, err
	}
	for i, n := range c.Creators {
		gap := 190 * ps
		if i == 0 {
			gap = 0
		}
		people = f.lines(people, nameSt, n.Display, gap, 92*ps)
		if role := strings.ToLower(n.RoleSummary()); role != "" {
			people = f.lines(people, roleSt, role, 86*ps, 64*ps)
		}
	}
	if where := c.PlaceAndDate(); where != "" {
		gap := 200 * ps
		if len(people) == 0 {
			gap = 0
		}
		people = f.lines(people, italicSt, where, gap, 62*ps)
	}
	ok = ok && people.fits()
	space := footTop - float64(l.bandHeight)
	if people.height()+2*90 > space {
		ok = false
	}
	l.place(people, float64(l.bandHeight)+(space-people.height())/2)
	return l, ok, nil
}

// fit composes the cover of c as large as it fits: the title at full scale
// if it can be, with the people and the credit made smaller until they fit,
// and only then the title smaller too. It returns the smallest composition
// tried when nothing fits.
func (f *fonter) fit(c cite.Citation) (*layout, error) {
	var l *layout
	for ts := 1.0; ts > 0.25; ts -= 0.1 {
		for ps := 1.0; ps > 0.25; ps -= 0.05 {
			next, ok, err := f.compose(c, ts, ps)
			if err != nil {
				return nil, err
			}
			if next != nil {
				l = next
			}
			if ok {
				return l, nil
			}
		}
	}
	if l == nil {
		return nil, errors.New("cover: the title does not fit at any size")
	}
	return l, nil
}

// title sets the title as large as fits in the band's budget at scale ts:
// at most 150 px, on lines no wider than titleMeasure, in a block no taller
// than 620 px unless it cannot be. A slightly smaller title is better than
// one with a line ending in a weak word ("of", "by"). It returns nil when
// no size fits. The result is remembered; callers append to a copy.
func (f *fonter) title(s string, ts float64) (block, float64, error) {
	if t, ok := f.titles[ts]; ok {
		return slices.Clip(t.block), t.size, nil
	}
	var title block
	titleSize, weakEnds := 0.0, 0
	for size := math.Round(150 * ts); size >= 24; size -= 2 {
		st, err := f.style(roman, size, 0, false, inkOnBand)
		if err != nil {
			return nil, 0, err
		}
		b, weak := f.linesIn(nil, st, s, 0, size*1.12, titleMeasure)
		if title != nil && size < titleSize*0.9 {
			break
		}
		if !b.fits() || b.height() > 620*ts && size > 40 {
			continue
		}
		if title == nil || weak < weakEnds {
			title, titleSize, weakEnds = b, size, weak
		}
		if weakEnds == 0 {
			break
		}
	}
	f.titles[ts] = titleSet{title, titleSize}
	return slices.Clip(title), titleSize, nil
}

type titleSet struct {
	block block
	size  float64
}

// splitCredit splits the translation credit into the statement, ending in
// "by", and the translators' names, when it ends with them; else the whole
// credit is the statement.
func splitCredit(credit string, translators []cite.Name) (statement, names string) {
	i := strings.LastIndex(credit, " by ")
	if i < 0 {
		return credit, ""
	}
	names = credit[i+len(" by "):]
	for _, n := range translators {
		if !strings.Contains(names, n.Display) {
			return credit, ""
		}
	}
	return credit[:i+len(" by")], names
}

// encoders reuse the PNG encoder's buffers between covers.
var encoders = &png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pool{}}

type pool struct{ p sync.Pool }

func (p *pool) Get() *png.EncoderBuffer {
	b, _ := p.p.Get().(*png.EncoderBuffer)
	return b
}

func (p *pool) Put(b *png.EncoderBuffer) { p.p.Put(b) }

// PNG returns the cover of b as a PNG image of Width × Height pixels. The
// text is set as large as fits; a long title or many people make it
// smaller, never wider than the margins.
func PNG(b *edition.Book) ([]byte, error) {
	cv, err := draw(b)
	if err != nil {
		return nil, err
	}
	defer cv.release()
	var buf bytes.Buffer
	buf.Grow(128 << 10)
	if err := encoders.Encode(&buf, cv.img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// draw composes and draws the cover of b. The caller releases the canvas.
func draw(b *edition.Book) (*canvas, error) {
	c := cite.Of(b)
	f, err := newFonter()
	if err != nil {
		return nil, err
	}
	l, err := f.fit(c)
	if err != nil {
		return nil, err
	}
	cv := newCanvas(Width, Height,
		[]color.RGBA{paper, band, rule, ruleOnBand},
		[][2]int{{bandIndex, 0}, {paperIndex, 1}, {paperIndex, 2}},
		[]color.RGBA{paper, ink, roleInk})
	cv.fill(image.Rect(0, 0, Width, l.bandHeight), bandIndex)
	for _, r := range l.rules {
		cv.fill(r.r, r.index)
	}
	for _, p := range l.lines {
		cv.text(p.st, p.text, p.x, p.y)
	}
	return cv, nil
}

// Description is the cover's text in reading order, for the alternative
// text of the cover image.
func Description(b *edition.Book) string {
	c := cite.Of(b)
	parts := []string{"Cover: " + c.FullTitle}
	for _, n := range c.Creators {
		parts = append(parts, n.Display+" ("+strings.ToLower(n.RoleSummary())+")")
	}
	if where := c.PlaceAndDate(); where != "" {
		parts = append(parts, where)
	}
	if credit := c.TranslationCredit(); credit != "" {
		parts = append(parts, credit)
	}
	return strings.Join(parts, ". ") + "."
}
