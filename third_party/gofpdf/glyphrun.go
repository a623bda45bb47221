package gofpdf

// This file is a patch of the project (see PATCHES.md): shaped glyph runs,
// the table of character identifiers (CIDs) of a UTF-8 font, and what
// putfonts writes from it — the ToUnicode CMap, the /W array, the
// CIDToGIDMap, the CIDSet and the subset's tagged name.

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Glyph is one glyph of a shaped run of text, drawn by GlyphRun.
type Glyph struct {
	// ID is the glyph's index in the font file.
	ID int
	// Text is the text the glyph stands for: the characters of its cluster
	// on the cluster's first glyph ("fi" for a ligature, "R" for a small
	// capital set from "R"), "" on the cluster's other glyphs.
	Text string
	// Advance moves the pen after the glyph; XOffset and YOffset shift the
	// glyph from the pen. All three are in thousandths of the font size.
	Advance, XOffset, YOffset float64
}

// glyphKey is what one CID of a UTF-8 font stands for: a glyph and its text.
type glyphKey struct {
	gid  int
	text string
}

// cidTable gives each (glyph, text) pair drawn in a UTF-8 font its CID, the
// two-byte code written in the content stream. Text drawn with Text, Cell
// and Write keeps gofpdf's code: the character's code point, standing for
// the glyph the font's cmap gives it. Any other pair (a ligature, a small
// capital, a glyph drawn for other text than its own character) gets a
// fresh CID: first from the UTF-16 surrogates U+D800–U+DFFF, which no Go
// string can hold as a character, then from code points the font does not
// map. CIDs are given in drawing order, so the same document gives the same
// codes.
type cidTable struct {
	byKey map[glyphKey]int
	byCID map[int]glyphKey
	next  int // the next fresh CID to try
	// byGlyph remembers, for each glyph index, the text and CID of the
	// last pair looked up with it: most glyphs stand for one text only, so
	// this spares hashing the pair (a CID, once given, never changes).
	byGlyph []lastCID
}

// lastCID is the CID last found for a glyph, and the text it stands for.
type lastCID struct {
	text string
	cid  int
	set  bool
}

func newCIDTable() *cidTable {
	return &cidTable{byKey: map[glyphKey]int{}, byCID: map[int]glyphKey{}, next: 0xD800}
}

// useText registers the characters of s, drawn by their code points.
func (t *cidTable) useText(font *utf8FontFile, s string) {
	for _, r := range s {
		c := int(r)
		if c == 0 || c > 0xFFFF {
			continue
		}
		if _, ok := t.byCID[c]; ok {
			continue
		}
		k := glyphKey{font.glyphOf(c), string(r)}
		t.byCID[c] = k
		if _, ok := t.byKey[k]; !ok {
			t.byKey[k] = c
		}
	}
}

// cid returns the CID of glyph gid standing for text, giving it one if it
// has none yet; ok is false when the font's 65,536 codes are used up.
func (t *cidTable) cid(font *utf8FontFile, gid int, text string) (int, bool) {
	if gid >= 0 && gid < len(t.byGlyph) {
		// Most texts are one byte, compared as such: the page model's
		// strings of the same text are seldom the same string.
		if l := &t.byGlyph[gid]; l.set && len(l.text) == len(text) && (len(text) == 1 && l.text[0] == text[0] || l.text == text) {
			return l.cid, true
		}
	}
	c, ok := t.newCID(font, gid, text)
	if ok && gid >= 0 && gid < len(font.glyphWidths) {
		if t.byGlyph == nil {
			t.byGlyph = make([]lastCID, len(font.glyphWidths))
		}
		t.byGlyph[gid] = lastCID{text: text, cid: c, set: true}
	}
	return c, ok
}

// newCID is cid without the byGlyph cache.
func (t *cidTable) newCID(font *utf8FontFile, gid int, text string) (int, bool) {
	k := glyphKey{gid, text}
	if c, ok := t.byKey[k]; ok {
		return c, true
	}
	// A character drawn with its own glyph keeps its code point.
	if r, ok := codePointCID(font, gid, text); ok {
		if _, taken := t.byCID[r]; !taken {
			t.byKey[k], t.byCID[r] = r, k
			return r, true
		}
	}
	for ; t.next <= 0xFFFF; t.next++ {
		c := t.next
		if c > 0xDFFF && c < 0xE000 {
			continue
		}
		if _, taken := t.byCID[c]; taken {
			continue
		}
		if font.glyphOf(c) != 0 && c >= 0xE000 {
			continue
		}
		t.next++
		t.byKey[k], t.byCID[c] = c, k
		return c, true
	}
	return 0, false
}

// cids returns the table's CIDs in increasing order.
func (t *cidTable) cids() []int {
	list := make([]int, 0, len(t.byCID))
	for c := range t.byCID {
		list = append(list, c)
	}
	sort.Ints(list)
	return list
}

// GlyphRun draws glyphs of the current font, which must be a UTF-8 font,
// with the pen starting at the baseline point (x, y), in user units. Each
// glyph is written as its CID (see cidTable), so that the PDF's ToUnicode
// map gives back the text each glyph stands for. The run is one text
// object with one TJ array: where a glyph's advance differs from its width
// in the font (kerning) or it is shifted sideways, the difference is a TJ
// adjustment; a glyph shifted up or down is set with a text rise (Ts). So
// the character spacing (Tc) and horizontal scaling (Tz) in force apply to
// the run as to any text. The text's colour is the current text colour.
func (f *Fpdf) GlyphRun(x, y float64, glyphs []Glyph) {
	f.GlyphRunFunc(x, y, len(glyphs), func(i int) Glyph { return glyphs[i] })
}

// GlyphRunFunc is GlyphRun for n glyphs that glyph(i) gives one by one, in
// order, for a caller holding its glyphs in a form of its own: no slice of
// Glyph is made for the run. glyph is not kept after the call.
func (f *Fpdf) GlyphRunFunc(x, y float64, n int, glyph func(i int) Glyph) {
	if f.err != nil || n <= 0 {
		return
	}
	if !f.isCurrentUTF8 {
		f.err = fmt.Errorf("GlyphRun needs a UTF-8 font")
		return
	}
	font := f.currentFont.utf8File
	t := f.currentFont.cids
	// The run is built in a buffer the document keeps for the next run.
	b := f.glyphRunBuf[:0]
	if f.colorFlag {
		b = append(b, "q "...)
		b = append(b, f.color.text.str...)
		b = append(b, ' ')
	}
	b = append(b, "BT 1 0 0 1 "...)
	b = appendFixed(b, x*f.k, 2)
	b = append(b, ' ')
	b = appendFixed(b, (f.h-y)*f.k, 2)
	b = append(b, " Tm ["...)
	adj := 0.0  // the TJ adjustment before the next glyph, in thousandths
	rise := 0.0 // the text rise in force, in thousandths of the size
	str := false // a string of codes is open
	for i := 0; i < n; i++ {
		g := glyph(i)
		if g.ID < 0 || g.ID >= len(font.glyphWidths) {
			f.err = fmt.Errorf("GlyphRun: glyph %d is not in the font", g.ID)
			return
		}
		c, ok := t.cid(font, g.ID, g.Text)
		if !ok {
			f.err = fmt.Errorf("GlyphRun: more than 65,536 (glyph, text) pairs in one font")
			return
		}
		adj -= g.XOffset
		if adj > 0.0005 || adj < -0.0005 {
			if str {
				b, str = append(b, ')'), false
			}
			b = append(b, ' ')
			b = appendFixed(b, adj, 3)
			b = append(b, ' ')
		}
		if g.YOffset != rise {
			rise = g.YOffset
			if str {
				b, str = append(b, ')'), false
			}
			b = append(b, "] TJ "...)
			b = appendFixed(b, rise*f.fontSizePt/1000, 3)
			b = append(b, " Ts ["...)
		}
		if !str {
			b, str = append(b, '('), true
		}
		// The code's two bytes, escaped as gofpdf escapes text (escape).
		for _, x := range [2]byte{byte(c >> 8), byte(c)} {
			switch x {
			case '(', ')', '\\':
				b = append(b, '\\', x)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, x)
			}
		}
		adj = float64(font.glyphWidths[g.ID]) - g.Advance + g.XOffset
	}
	if str {
		b = append(b, ')')
	}
	b = append(b, "] TJ"...)
	if rise != 0 {
		b = append(b, " 0 Ts"...)
	}
	b = append(b, " ET"...)
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	if f.state == 2 {
		f.pages[f.page].Write(b)
	} else {
		f.buffer.Write(b)
	}
	f.glyphRunBuf = b
}

// appendFixed appends v with at most prec decimals and no trailing zeros.
func appendFixed(b []byte, v float64, prec int) []byte {
	if prec >= 0 && prec < len(pow10) {
		if out, ok := appendFixedInt(b, v, prec); ok {
			return out
		}
	}
	return appendFixedFloat(b, v, prec)
}

// pow10 are the powers of ten appendFixedInt scales by.
var pow10 = [...]float64{1, 10, 100, 1000, 10000}

// appendFixedInt is appendFixed by integer arithmetic, for the numbers of
// a run, whose scaled value is well within an int: v·10^prec rounded to
// the nearest integer is what strconv rounds the exact value of v to,
// unless the product is within 10^-6 of a tie, where the product's own
// rounding error (below 2^-22 here) could decide; ok is false then, and
// for large numbers, infinities and NaN, which strconv formats.
func appendFixedInt(b []byte, v float64, prec int) ([]byte, bool) {
	neg := v < 0
	x := v * pow10[prec]
	if neg {
		x = -x
	}
	if !(x < 1<<31) {
		return b, false
	}
	n := uint32(x) // x ≥ 0: its floor
	switch f := x - float64(n); {
	case f > 0.5-1e-6 && f < 0.5+1e-6:
		return b, false
	case f > 0.5:
		n++
	}
	if n == 0 {
		return append(b, '0'), true
	}
	// The digits, from the last: the decimals without trailing zeros, the
	// point if there are any, the integer part, the sign.
	var buf [24]byte
	i := len(buf)
	decimals := false
	for k := 0; k < prec; k++ {
		d := n % 10
		n /= 10
		if d != 0 || decimals {
			decimals = true
			i--
			buf[i] = byte('0' + d)
		}
	}
	if decimals {
		i--
		buf[i] = '.'
	}
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return append(b, buf[i:]...), true
}

// appendFixedFloat is appendFixed by strconv.
func appendFixedFloat(b []byte, v float64, prec int) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	for len(b) > start && b[len(b)-1] == '0' && bytes.IndexByte(b[start:], '.') >= 0 {
		b = b[:len(b)-1]
	}
	if len(b) > start && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// usedGlyphs returns the glyphs the table's CIDs stand for, and the
// characters the subset's cmap is to map: those drawn as their code point
// with the glyph the font's cmap gives them.
func (t *cidTable) usedGlyphs(font *utf8FontFile) (map[int]bool, map[int]int) {
	glyphs, chars := map[int]bool{}, map[int]int{}
	for c, k := range t.byCID {
		glyphs[k.gid] = true
		if g := font.glyphOf(c); g != 0 && g == k.gid && k.text == string(rune(c)) {
			chars[c] = g
		}
	}
	return glyphs, chars
}

// widths returns the CIDFont's /W array: each CID's advance, as the glyph's
// advance in thousandths of an em, consecutive CIDs in one list.
func (t *cidTable) widths(font *utf8FontFile) string {
	var s fmtBuffer
	s.WriteString("/W [")
	prev := -2
	for _, c := range t.cids() {
		w := font.glyphWidths[t.byCID[c].gid]
		if c != prev+1 {
			if prev >= 0 {
				s.WriteString("] ")
			}
			s.printf("%d [", c)
		} else {
			s.WriteString(" ")
		}
		s.printf("%d", w)
		prev = c
	}
	if prev >= 0 {
		s.WriteString("]")
	}
	s.WriteString("]")
	return s.String()
}

// cidToGIDMap returns the CIDToGIDMap stream: for each CID up to the
// largest one used, the index of its glyph in the subset (newGID: the
// font's glyph index → the subset's). Codes past its end map to glyph 0.
func (t *cidTable) cidToGIDMap(newGID map[int]int) []byte {
	list := t.cids()
	if len(list) == 0 {
		return []byte{0, 0}
	}
	m := make([]byte, 2*(list[len(list)-1]+1))
	for _, c := range list {
		g := newGID[t.byCID[c].gid]
		m[2*c], m[2*c+1] = byte(g>>8), byte(g)
	}
	return m
}

// cidSet returns the CIDSet stream (PDF/A-1): one bit per CID up to the
// largest used, set for CID 0 and each CID the table holds.
func (t *cidTable) cidSet() []byte {
	list := t.cids()
	last := 0
	if len(list) > 0 {
		last = list[len(list)-1]
	}
	set := make([]byte, last/8+1)
	set[0] |= 0x80
	for _, c := range list {
		set[c/8] |= 0x80 >> uint(c%8)
	}
	return set
}

// toUnicode returns the ToUnicode CMap: each CID to the text it stands for.
// Consecutive CIDs standing for consecutive single UTF-16 units, within one
// last byte on both sides, make one bfrange; the others are bfchar entries;
// at most 100 entries a block. CIDs standing for no text are left out.
func (t *cidTable) toUnicode() []byte {
	type entry struct {
		lo, hi int
		dst    []uint16
	}
	var chars, ranges []entry
	list := t.cids()
	for i := 0; i < len(list); {
		c := list[i]
		dst := utf16.Encode([]rune(t.byCID[c].text))
		if len(dst) == 0 {
			i++
			continue
		}
		j := i + 1
		if len(dst) == 1 {
			for j < len(list) {
				next := list[j]
				d := utf16.Encode([]rune(t.byCID[next].text))
				n := next - c
				if next != list[j-1]+1 || len(d) != 1 || int(d[0]) != int(dst[0])+n ||
					next>>8 != c>>8 || int(dst[0])>>8 != int(d[0])>>8 {
					break
				}
				j++
			}
		}
		if j-i > 1 {
			ranges = append(ranges, entry{c, list[j-1], dst})
		} else {
			chars = append(chars, entry{c, c, dst})
		}
		i = j
	}
	hex := func(units []uint16) string {
		var b strings.Builder
		for _, u := range units {
			fmt.Fprintf(&b, "%04X", u)
		}
		return b.String()
	}
	var s strings.Builder
	s.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo\n<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for from := 0; from < len(chars); from += 100 {
		block := chars[from:minInt(from+100, len(chars))]
		fmt.Fprintf(&s, "%d beginbfchar\n", len(block))
		for _, e := range block {
			fmt.Fprintf(&s, "<%04X> <%s>\n", e.lo, hex(e.dst))
		}
		s.WriteString("endbfchar\n")
	}
	for from := 0; from < len(ranges); from += 100 {
		block := ranges[from:minInt(from+100, len(ranges))]
		fmt.Fprintf(&s, "%d beginbfrange\n", len(block))
		for _, e := range block {
			fmt.Fprintf(&s, "<%04X> <%04X> <%s>\n", e.lo, e.hi, hex(e.dst))
		}
		s.WriteString("endbfrange\n")
	}
	s.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return []byte(s.String())
}

// subsetName returns the subset's font name: a tag of six capitals drawn
// from a hash of the subset's bytes (so the same subset has the same name,
// and different subsets of one font differ), a plus sign, and the font's
// PostScript name (or name, if the font has none).
func subsetName(subset []byte, psName, name string) string {
	sum := sha256.Sum256(subset)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	base := psName
	if base == "" {
		base = name
	}
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
			return -1
		}
		return r
	}, base)
	return string(tag) + "+" + clean
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}
