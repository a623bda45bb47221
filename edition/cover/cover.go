// Package cover draws the edition's cover from its metadata: the title, the
// subtitle and the people with their parts in the book, composed on a fixed
// grid as an SVG image.
//
// The cover is SVG rather than a raster image because drawing text into a
// PNG needs a font rasteriser (golang.org/x/image/font), which this module
// does not require. SVG text is set by the reading system in its own serif,
// stays sharp at every size, and EPUBCheck accepts image/svg+xml as a
// cover-image.
package cover

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"edition/edition"
	"edition/edition/cite"
)

// MediaType is the media type of the image SVG returns.
const MediaType = "image/svg+xml"

// Width and Height are the cover's size in SVG user units: the 1:1.5 shape of
// the common e-book cover (1600 × 2400 pixels).
const (
	Width  = 1600
	Height = 2400
)

// The design: a dark band across the top two fifths carries the title and
// subtitle in light type; below it, on paper, the speakers, the place and
// date of the interview and, at the foot, the translator's credit.
const (
	paper  = "#f4efe4"
	band   = "#5c1a1b"
	onBand = "#f4efe4"
	ink    = "#2a2522"
	rule   = "#9c7a4a"
	fonts  = "'Charis SIL', Charis, Georgia, 'Times New Roman', serif"
	margin = 160
)

// line is one line of text to set, centred.
type line struct {
	text   string
	y      int
	size   int
	fill   string
	italic bool
	caps   bool // set in letter-spaced capitals
}

// SVG returns the cover of b as an SVG document.
func SVG(b *edition.Book) []byte {
	c := cite.Of(b)
	var lines []line

	// The title, as large as fits in at most four lines, in the band.
	titleSize := 150
	title := wrap(c.Title, titleSize, Width-2*margin)
	for len(title) > 3 && titleSize > 80 {
		titleSize -= 10
		title = wrap(c.Title, titleSize, Width-2*margin)
	}
	lead := titleSize * 6 / 5
	subSize := titleSize * 9 / 20
	subtitle := wrap(c.Subtitle, subSize, Width-2*margin)
	blockHeight := len(title)*lead + 60 + len(subtitle)*subSize*5/4
	bandHeight := Height * 2 / 5
	y := (bandHeight-blockHeight)/2 + titleSize
	for _, t := range title {
		lines = append(lines, line{text: t, y: y, size: titleSize, fill: onBand})
		y += lead
	}
	y += 60 - lead + subSize*5/4
	for _, t := range subtitle {
		lines = append(lines, line{text: t, y: y, size: subSize, fill: onBand, italic: true})
		y += subSize * 5 / 4
	}

	// The creators, each with their part, on paper.
	y = bandHeight + 300
	for _, n := range c.Creators {
		lines = append(lines, line{text: n.Display, y: y, size: 92, fill: ink, caps: true})
		y += 80
		lines = append(lines, line{text: strings.ToLower(n.RoleSummary()), y: y, size: 56, fill: ink, italic: true})
		y += 190
	}
	if where := placeAndDate(c); where != "" {
		lines = append(lines, line{text: where, y: y + 40, size: 64, fill: ink})
	}

	// The translator's credit at the foot.
	credit := wrap(c.TranslationCredit(), 54, Width-2*margin)
	y = Height - 180 - (len(credit)-1)*70
	for _, t := range credit {
		lines = append(lines, line{text: t, y: y, size: 54, fill: ink, italic: true})
		y += 70
	}

	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="cover-title">`+"\n", Width, Height, Width, Height)
	fmt.Fprintf(&buf, `<title id="cover-title">%s</title>`+"\n", esc(Description(b)))
	fmt.Fprintf(&buf, `<rect width="%d" height="%d" fill="%s"/>`+"\n", Width, Height, paper)
	fmt.Fprintf(&buf, `<rect width="%d" height="%d" fill="%s"/>`+"\n", Width, bandHeight, band)
	fmt.Fprintf(&buf, `<rect x="%d" y="%d" width="%d" height="6" fill="%s"/>`+"\n", margin, bandHeight+24, Width-2*margin, rule)
	fmt.Fprintf(&buf, `<rect x="%d" y="%d" width="%d" height="3" fill="%s"/>`+"\n", Width/2-200, Height-360-(len(credit)-1)*70, 400, rule)
	fmt.Fprintf(&buf, `<g font-family="%s" text-anchor="middle">`+"\n", fonts)
	for _, l := range lines {
		text := l.text
		attrs := fmt.Sprintf(`x="%d" y="%d" font-size="%d" fill="%s"`, Width/2, l.y, l.size, l.fill)
		if l.italic {
			attrs += ` font-style="italic"`
		}
		if l.caps {
			text = strings.ToUpper(text)
			attrs += fmt.Sprintf(` letter-spacing="%d"`, l.size/8)
		}
		fmt.Fprintf(&buf, "<text %s>%s</text>\n", attrs, esc(text))
	}
	buf.WriteString("</g>\n</svg>\n")
	return buf.Bytes()
}

// Description is the cover's text in reading order, for the alternative
// text of the cover image.
func Description(b *edition.Book) string {
	c := cite.Of(b)
	parts := []string{"Cover: " + c.FullTitle}
	for _, n := range c.Creators {
		parts = append(parts, n.Display+" ("+strings.ToLower(n.RoleSummary())+")")
	}
	if where := placeAndDate(c); where != "" {
		parts = append(parts, where)
	}
	if credit := c.TranslationCredit(); credit != "" {
		parts = append(parts, credit)
	}
	return strings.Join(parts, ". ") + "."
}

// placeAndDate is "Moscow, 28 June 1935", or as much of it as is known;
// empty when the subtitle already says when.
func placeAndDate(c cite.Citation) string {
	if d := c.Original.Long(); d != "" && strings.Contains(strings.ReplaceAll(c.Subtitle, "\u00a0", " "), d) {
		return ""
	}
	var parts []string
	if c.Place != "" {
		parts = append(parts, c.Place)
	}
	if d := c.Original.Long(); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, ", ")
}

// wrap breaks s into lines no wider than width at the given font size,
// estimating a serif's average advance as half the size for lower case and
// 0.7 for capitals. The reading system's font decides the real width, so the
// estimate errs wide.
func wrap(s string, size, width int) []string {
	if s == "" {
		return nil
	}
	var out []string
	var cur []string
	curWidth := 0
	space := size * 3 / 10
	// Only plain spaces break: a no-break space keeps "28 June" together.
	for _, w := range strings.Split(s, " ") {
		if w == "" {
			continue
		}
		ww := textWidth(w, size)
		if len(cur) > 0 && curWidth+space+ww > width {
			out = append(out, strings.Join(cur, " "))
			cur, curWidth = nil, 0
		}
		if len(cur) > 0 {
			curWidth += space
		}
		cur = append(cur, w)
		curWidth += ww
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

func textWidth(s string, size int) int {
	w := 0
	for _, r := range s {
		switch {
		case r == ' ':
			w += size * 3 / 10
		case r >= 'A' && r <= 'Z', r == 'M', r == 'W', r == 'm', r == 'w':
			w += size * 7 / 10
		case strings.ContainsRune("iljtf.,:;’'!|", r):
			w += size * 3 / 10
		default:
			w += size / 2
		}
	}
	return w
}

// esc escapes s as XML character data and attribute text.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
