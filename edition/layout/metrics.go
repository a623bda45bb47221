package layout

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Metrics are the advance widths of one TrueType font, read from its cmap and
// hmtx tables by a small reader of our own. Widths are kept exactly as gofpdf
// writes them into the PDF's /W array: round(advance × 1000 / unitsPerEm)
// thousandths of an em, so that where we place a word and where the viewer
// ends it agree to the hundredth of a point. Like gofpdf, only the Basic
// Multilingual Plane (cmap format 4) is read.
type Metrics struct {
	widths [0x10000]uint16 // thousandths of an em; 0 with has false: missing
	has    [0x10000]bool
	// Ascent, Descent (negative), CapHeight and XHeight are in thousandths
	// of an em.
	Ascent, Descent, CapHeight, XHeight int
}

// Width returns r's advance in thousandths of an em, 0 for a missing glyph.
func (m *Metrics) Width(r rune) int {
	if r < 0 || r > 0xFFFF {
		return 0
	}
	return int(m.widths[r])
}

// Covers reports whether the font has a glyph for r.
func (m *Metrics) Covers(r rune) bool {
	return r >= 0 && r <= 0xFFFF && m.has[r]
}

// StringWidth returns the advance of s in thousandths of an em.
func (m *Metrics) StringWidth(s string) int {
	w := 0
	for _, r := range s {
		w += m.Width(r)
	}
	return w
}

type ttfTables map[string][]byte

func readTables(font []byte) (ttfTables, error) {
	if len(font) < 12 {
		return nil, errors.New("font file too short")
	}
	if v := binary.BigEndian.Uint32(font); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("not a TrueType font with glyf outlines (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	t := ttfTables{}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, errors.New("truncated table directory")
		}
		tag := string(font[rec : rec+4])
		off := int(binary.BigEndian.Uint32(font[rec+8:]))
		length := int(binary.BigEndian.Uint32(font[rec+12:]))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, fmt.Errorf("table %q out of range", tag)
		}
		t[tag] = font[off : off+length]
	}
	for _, need := range []string{"head", "hhea", "hmtx", "cmap", "maxp"} {
		if t[need] == nil {
			return nil, fmt.Errorf("no %s table", need)
		}
	}
	return t, nil
}

// parseMetrics reads the widths of every BMP character of a TrueType font.
func parseMetrics(font []byte) (*Metrics, error) {
	t, err := readTables(font)
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	upem := int(be.Uint16(t["head"][18:]))
	if upem == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	numH := int(be.Uint16(t["hhea"][34:]))
	numGlyphs := int(be.Uint16(t["maxp"][4:]))
	hmtx := t["hmtx"]
	advance := func(g int) int {
		if g >= numGlyphs {
			return 0
		}
		if g >= numH {
			g = numH - 1
		}
		if 4*g+2 > len(hmtx) {
			return 0
		}
		return int(be.Uint16(hmtx[4*g:]))
	}
	m := &Metrics{}
	scale := func(v int) int { return int(float64(v)*1000/float64(upem) + 0.5) }
	m.Ascent = scale(int(int16(be.Uint16(t["hhea"][4:]))))
	m.Descent = scale(int(int16(be.Uint16(t["hhea"][6:]))))
	if os2 := t["OS/2"]; len(os2) >= 90 && be.Uint16(os2) >= 2 {
		m.XHeight = scale(int(int16(be.Uint16(os2[86:]))))
		m.CapHeight = scale(int(int16(be.Uint16(os2[88:]))))
	}
	cmap := t["cmap"]
	var sub []byte
	for i := 0; i < int(be.Uint16(cmap[2:])); i++ {
		rec := 4 + 8*i
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if (platform == 3 && encoding == 1) || platform == 0 {
			if off+4 <= len(cmap) && be.Uint16(cmap[off:]) == 4 {
				sub = cmap[off:]
				break
			}
		}
	}
	if sub == nil {
		return nil, errors.New("no Unicode BMP cmap (format 4)")
	}
	segX2 := int(be.Uint16(sub[6:]))
	ends := sub[14:]
	starts := sub[16+segX2:]
	deltas := sub[16+2*segX2:]
	ranges := sub[16+3*segX2:]
	for s := 0; s < segX2/2; s++ {
		end := int(be.Uint16(ends[2*s:]))
		start := int(be.Uint16(starts[2*s:]))
		delta := int(be.Uint16(deltas[2*s:]))
		ro := int(be.Uint16(ranges[2*s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				at := 16 + 3*segX2 + 2*s + ro + 2*(c-start)
				if at+2 > len(sub) {
					continue
				}
				g = int(be.Uint16(sub[at:]))
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g == 0 {
				continue
			}
			m.has[c] = true
			m.widths[c] = uint16(scale(advance(g)))
		}
	}
	return m, nil
}
