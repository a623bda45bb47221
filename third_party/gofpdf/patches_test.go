package gofpdf

// Tests of the project's patches (PATCHES.md), against the book's font,
// Charis SIL, read back with poppler's pdftotext and pdffonts and MuPDF's
// mutool where they are installed.

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io/ioutil"
	"math"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var fixedTime = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func charisRegular(t *testing.T) []byte {
	data, err := ioutil.ReadFile("../../fonts/CharisSIL-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func newTestDoc(t *testing.T) *Fpdf {
	pdf := NewCustom(&InitType{UnitStr: "pt", Size: SizeType{Wd: 400, Ht: 300}})
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(fixedTime)
	pdf.SetModificationDate(fixedTime)
	pdf.AddUTF8FontFromBytes("charis", "", charisRegular(t))
	pdf.AddPage()
	pdf.SetFont("charis", "", 12)
	return pdf
}

func output(t *testing.T, pdf *Fpdf) []byte {
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tool(t *testing.T, pkg, name string, args ...string) string {
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (Debian package %s)", name, pkg)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func writeTemp(t *testing.T, data []byte) string {
	f, err := ioutil.TempFile("", "gofpdf-patch-*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// glyphFor returns a glyph run setting text with the font's own glyphs.
func glyphsFor(font *utf8FontFile, text string) []Glyph {
	var gs []Glyph
	for _, r := range text {
		g := font.glyphOf(int(r))
		gs = append(gs, Glyph{ID: g, Text: string(r), Advance: float64(font.glyphWidths[g])})
	}
	return gs
}

// unencoded returns n glyphs of the font that no character maps to, with
// a width of at least 300 thousandths: stand-ins for small capitals.
func unencoded(font *utf8FontFile, n int) []int {
	mapped := map[int]bool{}
	for _, g := range font.runeGlyph {
		mapped[int(g)] = true
	}
	var list []int
	for g := 1; g < len(font.glyphWidths) && len(list) < n; g++ {
		if !mapped[g] && font.glyphWidths[g] >= 300 {
			list = append(list, g)
		}
	}
	return list
}

// sample draws "office" with the ffi ligature glyph (the glyph of U+FB03,
// standing for "ffi"), and "Romain" with an unencoded glyph for each of
// "omain", kerned, and plain Text on a third line.
func sample(t *testing.T, pdf *Fpdf) (office, romain []Glyph) {
	font := pdf.currentFont.utf8File
	ffi := font.glyphOf(0xFB03)
	office = glyphsFor(font, "o")
	office = append(office, Glyph{ID: ffi, Text: "ffi", Advance: float64(font.glyphWidths[ffi])})
	office = append(office, glyphsFor(font, "ce")...)
	pdf.GlyphRun(20, 50, office)
	romain = glyphsFor(font, "R")
	romain[0].Advance -= 40 // a kern
	for i, g := range unencoded(font, 5) {
		romain = append(romain, Glyph{ID: g, Text: string("omain"[i]), Advance: float64(font.glyphWidths[g]) + 25})
	}
	pdf.GlyphRun(20, 80, romain)
	x := 20.0
	for _, g := range romain {
		x += g.Advance * 12 / 1000
	}
	pdf.GlyphRun(x+pdf.GetStringWidth(" "), 80, glyphsFor(font, "Rolland:"))
	pdf.Text(20, 110, "Text flows")
	return office, romain
}

func TestGlyphRunText(t *testing.T) {
	pdf := newTestDoc(t)
	sample(t, pdf)
	file := writeTemp(t, output(t, pdf))
	for _, got := range []string{
		tool(t, "poppler-utils", "pdftotext", file, "-"),
		tool(t, "mupdf-tools", "mutool", "draw", "-F", "txt", file),
	} {
		for _, want := range []string{"office", "Romain Rolland:", "Text flows"} {
			if !strings.Contains(got, want) {
				t.Errorf("extracted text lacks %q:\n%s", want, got)
			}
		}
		for _, r := range got {
			if r >= 0xE000 && r <= 0xF8FF || r == 0xFFFD {
				t.Errorf("extracted text has U+%04X:\n%s", r, got)
			}
		}
	}
}

var glyphRE = regexp.MustCompile(`<g unicode="([^"]*)"(?: glyph="[^"]*")? x="([-0-9.]+)" y="([-0-9.]+)"`)

// TestGlyphRunPositions: each glyph is drawn where the sum of the
// advances before it puts it, kerned or not.
func TestGlyphRunPositions(t *testing.T) {
	pdf := newTestDoc(t)
	office, romain := sample(t, pdf)
	// A run with a glyph shifted right and up (a mark), under horizontal
	// scaling of 50 %: the shifts and advances scale, the rise does not.
	marked := glyphsFor(pdf.currentFont.utf8File, "xyz")
	marked[1].XOffset, marked[1].YOffset = 100, 250
	pdf.RawWriteStr("50 Tz\n")
	pdf.GlyphRun(20, 140, marked)
	pdf.RawWriteStr("100 Tz\n")
	file := writeTemp(t, output(t, pdf))
	trace := tool(t, "mupdf-tools", "mutool", "trace", file)
	type pos struct{ x, y float64 }
	var drawn []pos
	for _, m := range glyphRE.FindAllStringSubmatch(trace, -1) {
		if !strings.Contains(m[0], "glyph=") {
			continue // the other letters of a ligature
		}
		x, _ := strconv.ParseFloat(m[2], 64)
		y, _ := strconv.ParseFloat(m[3], 64)
		drawn = append(drawn, pos{x, y})
	}
	var want []pos
	for _, run := range []struct {
		x, y float64
		gs   []Glyph
	}{{20, 250, office}, {20, 220, romain}} {
		x := run.x
		for _, g := range run.gs {
			want = append(want, pos{x, run.y})
			x += g.Advance * 12 / 1000
		}
	}
	x := 20.0
	last := drawn[len(drawn)-len(marked):]
	for i, g := range marked {
		w := pos{x + g.XOffset*12/1000*0.5, 160 + g.YOffset*12/1000}
		if math.Abs(last[i].x-w.x) > 0.006 || math.Abs(last[i].y-w.y) > 0.006 {
			t.Errorf("marked glyph %d drawn at (%g, %g), want (%g, %g)", i, last[i].x, last[i].y, w.x, w.y)
		}
		x += g.Advance * 12 / 1000 * 0.5
	}
	if len(drawn) < len(want) {
		t.Fatalf("%d glyphs drawn, want at least %d:\n%s", len(drawn), len(want), trace)
	}
	for i, w := range want {
		if math.Abs(drawn[i].x-w.x) > 0.006 || math.Abs(drawn[i].y-w.y) > 0.006 {
			t.Errorf("glyph %d drawn at (%g, %g), want (%g, %g)", i, drawn[i].x, drawn[i].y, w.x, w.y)
		}
	}
}

// pdfObject returns the bytes of stream object n of an uncompressed PDF,
// inflated if it is compressed.
func pdfStream(t *testing.T, doc []byte, n int) []byte {
	head := []byte("\n" + strconv.Itoa(n) + " 0 obj\n")
	at := bytes.Index(doc, head)
	if at < 0 {
		t.Fatalf("object %d not found", n)
	}
	obj := doc[at+len(head):]
	obj = obj[:bytes.Index(obj, []byte("endobj"))]
	s := bytes.Index(obj, []byte("stream\n")) + len("stream\n")
	e := bytes.LastIndex(obj, []byte("\nendstream"))
	data := obj[s:e]
	if bytes.Contains(obj[:s], []byte("/FlateDecode")) {
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if data, err = ioutil.ReadAll(r); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

var (
	toUnicodeRE = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	bfcharRE    = regexp.MustCompile(`^<([0-9A-F]{4})> <([0-9A-F]+)>$`)
	bfrangeRE   = regexp.MustCompile(`^<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>$`)
	showRE      = regexp.MustCompile(`(?s)<([0-9A-F]+)>|\(((?:[^()\\]|\\.)*)\)`)
)

// TestToUnicode: the map is compressed; every bfrange stays within one
// last byte on both sides; no block holds more than 100 entries; every
// code shown in the content stream has an entry, giving back its text.
func TestToUnicode(t *testing.T) {
	pdf := newTestDoc(t)
	sample(t, pdf)
	// Many characters, for long ranges and more than 100 entries.
	var all []rune
	for r := rune(0x21); r < 0x17F; r++ {
		if pdf.currentFont.utf8File.glyphOf(int(r)) != 0 {
			all = append(all, r)
		}
	}
	pdf.Text(20, 150, string(all))
	doc := output(t, pdf)
	m := toUnicodeRE.FindSubmatch(doc)
	if m == nil {
		t.Fatal("no ToUnicode map")
	}
	n, _ := strconv.Atoi(string(m[1]))
	if !bytes.Contains(doc, []byte("\n"+string(m[1])+" 0 obj\n<</Length ")) || !bytes.Contains(doc[bytes.Index(doc, []byte("\n"+string(m[1])+" 0 obj\n")):][:80], []byte("/FlateDecode")) {
		t.Error("ToUnicode map not compressed")
	}
	cmap := string(pdfStream(t, doc, n))
	if strings.Contains(cmap, "<0000> <FFFF> <0000>") {
		t.Error("identity range left in")
	}
	text := map[int]string{}
	var block int
	var inBlock string
	for _, line := range strings.Split(cmap, "\n") {
		switch {
		case strings.HasSuffix(line, "beginbfchar"), strings.HasSuffix(line, "beginbfrange"):
			block, _ = strconv.Atoi(strings.Fields(line)[0])
			inBlock = strings.Fields(line)[1]
			if block > 100 {
				t.Errorf("%q: more than 100 entries", line)
			}
		case line == "endbfchar" || line == "endbfrange":
			inBlock = ""
		case inBlock == "beginbfchar":
			e := bfcharRE.FindStringSubmatch(line)
			if e == nil {
				t.Fatalf("bad bfchar %q", line)
			}
			c, _ := strconv.ParseUint(e[1], 16, 16)
			text[int(c)] = utf16hex(t, e[2])
		case inBlock == "beginbfrange":
			e := bfrangeRE.FindStringSubmatch(line)
			if e == nil {
				t.Fatalf("bad bfrange %q", line)
			}
			lo, _ := strconv.ParseUint(e[1], 16, 16)
			hi, _ := strconv.ParseUint(e[2], 16, 16)
			dst, _ := strconv.ParseUint(e[3], 16, 16)
			if lo>>8 != hi>>8 || lo > hi || (dst&0xFF)+(hi-lo) > 0xFF {
				t.Errorf("bfrange %q crosses its last byte", line)
			}
			for c := lo; c <= hi; c++ {
				text[int(c)] = string(rune(dst + c - lo))
			}
		}
	}
	// Every code drawn has its text.
	content := string(doc[bytes.Index(doc, []byte("BT")):bytes.Index(doc, []byte("endstream"))])
	shown := 0
	for _, m := range showRE.FindAllStringSubmatch(content, -1) {
		var codes []int
		if m[1] != "" {
			for i := 0; i+4 <= len(m[1]); i += 4 {
				c, _ := strconv.ParseUint(m[1][i:i+4], 16, 16)
				codes = append(codes, int(c))
			}
		} else {
			s := strings.NewReplacer(`\\`, `\`, `\(`, `(`, `\)`, `)`, `\r`, "\r").Replace(m[2])
			for i := 0; i+1 < len(s); i += 2 {
				codes = append(codes, int(binary.BigEndian.Uint16([]byte(s[i:i+2]))))
			}
		}
		for _, c := range codes {
			if text[c] == "" {
				t.Errorf("code %04X drawn but not in the ToUnicode map", c)
			}
			shown++
		}
	}
	if shown < 300 {
		t.Errorf("only %d codes found drawn", shown)
	}
	for c, want := range map[int]string{'o': "o", 'A': "A", 0x17E: "ž"} {
		if text[c] != want {
			t.Errorf("code %04X maps to %q, want %q", c, text[c], want)
		}
	}
	found := false
	for _, s := range text {
		if s == "ffi" {
			found = true
		}
	}
	if !found {
		t.Error("no code maps to ffi")
	}
}

func utf16hex(t *testing.T, h string) string {
	var units []uint16
	for i := 0; i+4 <= len(h); i += 4 {
		u, _ := strconv.ParseUint(h[i:i+4], 16, 16)
		units = append(units, uint16(u))
	}
	var b strings.Builder
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if u >= 0xD800 && u < 0xDC00 && i+1 < len(units) {
			u = 0x10000 + (u-0xD800)<<10 + (rune(units[i+1]) - 0xDC00)
			i++
		}
		b.WriteRune(u)
	}
	return b.String()
}

var fontNameRE = regexp.MustCompile(`/BaseFont /([^\s/]+)`)

// TestSubsetName: the subset is named with a six-capital tag taken from its
// content: the same document has the same name, another subset another.
func TestSubsetName(t *testing.T) {
	name := func(text string) string {
		pdf := newTestDoc(t)
		pdf.Text(10, 10, text)
		doc := output(t, pdf)
		m := fontNameRE.FindSubmatch(doc)
		if m == nil {
			t.Fatal("no font")
		}
		return string(m[1])
	}
	a, b, c := name("office"), name("office"), name("flow")
	if !regexp.MustCompile(`^[A-Z]{6}\+CharisSIL$`).MatchString(a) {
		t.Errorf("subset named %q", a)
	}
	if a != b {
		t.Errorf("the same subset named %q and %q", a, b)
	}
	if a == c {
		t.Errorf("two subsets both named %q", a)
	}
	pdf := newTestDoc(t)
	sample(t, pdf)
	file := writeTemp(t, output(t, pdf))
	out := tool(t, "poppler-utils", "pdffonts", file)
	if !regexp.MustCompile(`(?m)^[A-Z]{6}\+CharisSIL\s+CID TrueType\s+Identity-H\s+yes yes yes`).MatchString(out) {
		t.Errorf("pdffonts:\n%s", out)
	}
}

// TestSubsetCmapLength: the subset's cmap subtable states its own length,
// whether the subset has an even or an odd number of glyphs.
func TestSubsetCmapLength(t *testing.T) {
	data := charisRegular(t)
	seen := map[int]bool{}
	for _, cut := range []string{"a", "ab", "abc", "abcd", "office flow"} {
		sub := UTF8CutFont(data, cut)
		tables := map[string][]byte{}
		n := int(binary.BigEndian.Uint16(sub[4:]))
		for i := 0; i < n; i++ {
			rec := sub[12+16*i:]
			off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			tables[string(rec[:4])] = sub[off : off+length]
		}
		glyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
		seen[glyphs%2] = true
		cmap := tables["cmap"]
		off := int(binary.BigEndian.Uint32(cmap[8:]))
		stated := int(binary.BigEndian.Uint16(cmap[off+2:]))
		if stated != len(cmap)-off {
			t.Errorf("%q (%d glyphs): cmap subtable says %d bytes, has %d", cut, glyphs, stated, len(cmap)-off)
		}
	}
	if !seen[0] || !seen[1] {
		t.Errorf("glyph counts not both even and odd: %v", seen)
	}
}

// TestUnpackArrays checks patch 16: the font tables' arrays decode as the
// upstream loop over a bytes.Reader did, a last partial value included.
func TestUnpackArrays(t *testing.T) {
	data := []byte{0x01, 0x02, 0x03, 0x04, 0x05}
	if got, want := unpackUint16Array(data), []int{0, 0x0102, 0x0304, 0x0504}; !reflect.DeepEqual(got, want) {
		t.Errorf("unpackUint16Array = %#x, want %#x", got, want)
	}
	if got, want := unpackUint32Array(data), []int{0, 0x01020304, 0x05020304}; !reflect.DeepEqual(got, want) {
		t.Errorf("unpackUint32Array = %#x, want %#x", got, want)
	}
	if got, want := unpackUint16Array([]byte{0x07}), []int{0, 0x0700}; !reflect.DeepEqual(got, want) {
		t.Errorf("unpackUint16Array of one byte = %#x, want %#x", got, want)
	}
	if got, want := unpackUint16Array(nil), []int{0}; !reflect.DeepEqual(got, want) {
		t.Errorf("unpackUint16Array(nil) = %#x, want %#x", got, want)
	}
}

// TestPageContent checks patch 18: a page's content stream as drawn, the
// bytes the uncompressed document holds for it, none for a page not added.
func TestPageContent(t *testing.T) {
	pdf := newTestDoc(t)
	pdf.Text(20, 40, "first page")
	pdf.AddPage()
	pdf.Text(20, 40, "second page")
	first, second := string(pdf.PageContent(1)), string(pdf.PageContent(2))
	if !strings.Contains(first, " Tj") || strings.Contains(first, "second") || first == second {
		t.Errorf("page 1's content %q, page 2's %q", first, second)
	}
	if pdf.PageContent(0) != nil || pdf.PageContent(3) != nil {
		t.Error("content for a page not added")
	}
	doc := output(t, pdf)
	for _, c := range []string{first, second} {
		if !bytes.Contains(doc, []byte("stream\n"+c+"\nendstream")) {
			t.Errorf("the document does not hold the content %q as a stream", c)
		}
	}
}

// pagesDoc draws three pages of text, compressed by gofpdf or not, and
// gives the first two deflated by give (nil: none).
func pagesDoc(t *testing.T, compress bool, give func(pdf *Fpdf, n int)) *Fpdf {
	pdf := newTestDoc(t)
	pdf.SetCompression(compress)
	for n := 1; n <= 3; n++ {
		if n > 1 {
			pdf.AddPage()
		}
		for l := 0; l < 10*n; l++ {
			pdf.Text(20, float64(20+l*12), strings.Repeat("page "+strconv.Itoa(n)+" ", 5))
		}
		if give != nil && n > 1 {
			give(pdf, n-1)
		}
	}
	return pdf
}

// TestSetPageDeflated checks that pages given deflated make the file gofpdf
// writes compressing them itself, that the stream given is what is
// written, that the pages' buffers are reused, and that only a finished
// page can be given.
func TestSetPageDeflated(t *testing.T) {
	deflate := func(pdf *Fpdf, n int) {
		var z bytes.Buffer
		DeflateBestSpeed(&z, pdf.PageContent(n))
		pdf.SetPageDeflated(n, z.Bytes())
	}
	want := output(t, pagesDoc(t, true, nil))
	plain := output(t, pagesDoc(t, false, nil))
	if bytes.Equal(want, plain) {
		t.Fatal("compression made no difference: the test proves nothing")
	}
	for _, compress := range []bool{true, false} {
		pdf := pagesDoc(t, compress, deflate)
		if pdf.PageContent(1) != nil || pdf.PageContent(2) != nil || pdf.PageContent(3) == nil {
			t.Errorf("compress %v: the pages given deflated kept their buffers", compress)
		}
		got := output(t, pdf)
		if compress && !bytes.Equal(got, want) {
			t.Errorf("compress %v: %d bytes, want gofpdf's compressed %d", compress, len(got), len(want))
		}
		if !compress && bytes.Count(got, []byte("/Filter /FlateDecode /Length")) != bytes.Count(plain, []byte("/Filter /FlateDecode /Length"))+2 {
			t.Errorf("compress %v: the two pages given deflated are not written as compressed streams", compress)
		}
	}
	// What is given is what is written.
	mark := []byte("given as it is")
	got := output(t, pagesDoc(t, true, func(pdf *Fpdf, n int) { pdf.SetPageDeflated(n, mark) }))
	if !bytes.Contains(got, []byte("<</Filter /FlateDecode /Length 14>>\nstream\ngiven as it is\nendstream")) {
		t.Error("the stream given is not written as the page's")
	}
	// A later page reuses the buffer of a page given deflated.
	pdf := newTestDoc(t)
	pdf.Text(20, 40, "first page")
	pdf.AddPage()
	first := pdf.PageContent(1)
	deflate(pdf, 1)
	pdf.AddPage()
	if third := pdf.PageContent(3); len(third) == 0 || &first[:1][0] != &third[:1][0] {
		t.Error("page 3 does not reuse the buffer of page 1")
	}
	// The current page, or a page not added, cannot be given.
	for _, n := range []int{0, 3, 4} {
		pdf := newTestDoc(t)
		pdf.AddPage()
		pdf.AddPage()
		pdf.SetPageDeflated(n, mark)
		if pdf.Error() == nil {
			t.Errorf("page %d of 3 given deflated while page 3 is drawn", n)
		}
	}
}

// TestAppendFixed checks that appendFixed's integer arithmetic writes what
// strconv writes, on the numbers of runs (positions, adjustments), on ties
// and near ties, and on numbers it leaves to strconv.
func TestAppendFixed(t *testing.T) {
	check := func(v float64, prec int) {
		t.Helper()
		got, want := string(appendFixed(nil, v, prec)), string(appendFixedFloat(nil, v, prec))
		if got != want {
			t.Fatalf("appendFixed(%v, %d) = %q, strconv gives %q", v, prec, got, want)
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 0.0004, -0.0004, 0.0005, -0.0005, 0.125, -0.125, 0.375, 2.675, 1.005,
		0.5, 1.5, 2.5, 1e9, -1e9, 2147483.6475, 3e12, -3e12, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), 5e-324} {
		for prec := 0; prec <= 5; prec++ {
			check(v, prec)
		}
	}
	fast := 0
	seed := uint64(1)
	rnd := func() uint64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
	for i := 0; i < 400000; i++ {
		var v float64
		switch i % 4 {
		case 0: // a position in points on a page
			v = float64(rnd()%1000000000) / 1e6
		case 1: // a tie at prec decimals, or one ulp away
			v = (float64(rnd()%2000000) + 0.5) / 1000
			v = math.Nextafter(v, [...]float64{v, 0, 1e9}[rnd()%3])
		case 2: // a TJ adjustment
			v = (float64(rnd()%200000) - 100000) / 997
		default: // any bits
			v = math.Float64frombits(rnd())
		}
		if i%2 == 0 {
			v = -v
		}
		prec := 2 + i%2
		if _, ok := appendFixedInt(nil, v, prec); ok {
			fast++
		}
		check(v, prec)
	}
	if fast < 200000 {
		t.Errorf("only %d of 400,000 numbers took the integer path", fast)
	}
}

// TestGlyphRunFunc checks that glyphs given one by one draw what the same
// glyphs in a slice draw.
func TestGlyphRunFunc(t *testing.T) {
	slice := newTestDoc(t)
	glyphs := glyphsFor(slice.currentFont.utf8File, "Rolland: office")
	glyphs[2].XOffset, glyphs[3].YOffset = 40, -120 // an adjustment and a rise
	slice.GlyphRun(20, 50, glyphs)
	byFunc := newTestDoc(t)
	calls := 0
	byFunc.GlyphRunFunc(20, 50, len(glyphs), func(i int) Glyph {
		if i != calls {
			t.Errorf("glyph %d asked for as glyph %d", i, calls)
		}
		calls++
		return glyphs[i]
	})
	if calls != len(glyphs) {
		t.Errorf("%d glyphs asked for, want %d", calls, len(glyphs))
	}
	want, got := string(slice.PageContent(1)), string(byFunc.PageContent(1))
	if got != want || !strings.Contains(got, " Ts [") {
		t.Errorf("GlyphRunFunc drew %q, GlyphRun %q", got, want)
	}
}

// TestPlanSubset checks patch 24: a subset planned for the glyphs drawn
// (repeats, a ligature, unencoded glyphs and plain Text among them, and a
// second face) is made on another goroutine and used by Output, which
// writes the same bytes as without a plan; a plan for other glyphs, one
// never made and one made after Output are not used, and change nothing.
func TestPlanSubset(t *testing.T) {
	draw := func(plan func(pdf *Fpdf) []*SubsetPlan) ([]byte, []*SubsetPlan) {
		pdf := newTestDoc(t)
		pdf.SetCompression(true)
		pdf.AddUTF8FontFromBytes("charis", "I", charisRegular(t))
		plans := plan(pdf)
		office, romain := sample(t, pdf)
		pdf.GlyphRun(20, 140, office)
		pdf.SetFont("charis", "I", 12)
		pdf.GlyphRun(20, 170, romain)
		return output(t, pdf), plans
	}
	want, _ := draw(func(*Fpdf) []*SubsetPlan { return nil })
	drawn := func(pdf *Fpdf) (roman, italic []Glyph) {
		font := pdf.fonts["charis"].utf8File
		office := append(glyphsFor(font, "o"), Glyph{ID: font.glyphOf(0xFB03), Text: "ffi"})
		office = append(office, glyphsFor(font, "ce")...)
		romain := glyphsFor(font, "R")
		for i, g := range unencoded(font, 5) {
			romain = append(romain, Glyph{ID: g, Text: string("omain"[i])})
		}
		roman = append(append(append(office, romain...), glyphsFor(font, "Rolland:")...), glyphsFor(font, "Text flows")...)
		return append(roman, office...), romain
	}
	for _, c := range []struct {
		name string
		plan func(pdf *Fpdf) []*SubsetPlan
		used []bool
	}{
		{"planned", func(pdf *Fpdf) []*SubsetPlan {
			roman, italic := drawn(pdf)
			r, i := pdf.PlanSubset("charis", ""), pdf.PlanSubset("Charis", "i")
			done := make(chan bool)
			go func() { r.Make(roman); i.Make(italic); close(done) }()
			<-done
			return []*SubsetPlan{r, i}
		}, []bool{true, true}},
		{"a glyph short", func(pdf *Fpdf) []*SubsetPlan {
			roman, italic := drawn(pdf)
			ffi := pdf.fonts["charis"].utf8File.glyphOf(0xFB03)
			var short []Glyph
			for _, g := range roman {
				if g.ID != ffi {
					short = append(short, g)
				}
			}
			r, i := pdf.PlanSubset("charis", ""), pdf.PlanSubset("charis", "I")
			r.Make(short)
			i.Make(italic)
			return []*SubsetPlan{r, i}
		}, []bool{false, true}},
		{"a glyph too many", func(pdf *Fpdf) []*SubsetPlan {
			roman, _ := drawn(pdf)
			r := pdf.PlanSubset("charis", "")
			r.Make(append(roman, glyphsFor(pdf.fonts["charis"].utf8File, "z")...))
			return []*SubsetPlan{r}
		}, []bool{false}},
		{"a glyph for its own character", func(pdf *Fpdf) []*SubsetPlan {
			// The ffi ligature drawn for U+FB03 keeps that code point as
			// its CID, and the subset's cmap maps it: another subset.
			roman, _ := drawn(pdf)
			r := pdf.PlanSubset("charis", "")
			r.Make(append(roman, Glyph{ID: pdf.fonts["charis"].utf8File.glyphOf(0xFB03), Text: "\uFB03"}))
			return []*SubsetPlan{r}
		}, []bool{false}},
		{"a glyph for other text too", func(pdf *Fpdf) []*SubsetPlan {
			// The same glyphs, and no other code point kept: the same
			// subset.
			roman, _ := drawn(pdf)
			r := pdf.PlanSubset("charis", "")
			r.Make(append(roman, Glyph{ID: roman[0].ID, Text: "x"}))
			return []*SubsetPlan{r}
		}, []bool{true}},
		{"never made", func(pdf *Fpdf) []*SubsetPlan {
			return []*SubsetPlan{pdf.PlanSubset("charis", "")}
		}, []bool{false}},
	} {
		got, plans := draw(c.plan)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, want the %d written without a plan", c.name, len(got), len(want))
		}
		for k, p := range plans {
			if p.Used() != c.used[k] {
				t.Errorf("%s: plan %d used %v, want %v", c.name, k, p.Used(), c.used[k])
			}
			p.Make(nil) // after Output: does nothing
		}
	}
	if p := newTestDoc(t).PlanSubset("charis", "B"); p != nil {
		t.Error("a plan for a font the document does not have")
	}
}

// TestPrepareUTF8Font checks patch 25: documents adding a font the
// process prepared (PrepareUTF8Font, called on other goroutines while they
// are made) are byte for byte those that parse it themselves, also when
// several are drawn and written at once from the one parsed font (run
// with -race), and bad data prepared fails the documents as unprepared
// data does.
func TestPrepareUTF8Font(t *testing.T) {
	doc := func(data []byte) ([]byte, error) {
		pdf := NewCustom(&InitType{UnitStr: "pt", Size: SizeType{Wd: 400, Ht: 300}})
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(fixedTime)
		pdf.SetModificationDate(fixedTime)
		pdf.AddUTF8FontFromBytes("charis", "", data)
		pdf.AddPage()
		pdf.SetFont("charis", "", 12)
		if pdf.Err() {
			return nil, pdf.Error()
		}
		sample(t, pdf)
		var b bytes.Buffer
		err := pdf.Output(&b)
		return b.Bytes(), err
	}
	// A copy the test owns, so that no other test's documents share it.
	data := append([]byte(nil), charisRegular(t)...)
	want, err := doc(data)
	if err != nil {
		t.Fatal(err)
	}
	go PrepareUTF8Font(data)
	PrepareUTF8Font(data)
	results := make(chan []byte, 4)
	for i := 0; i < 4; i++ {
		go func() {
			got, err := doc(data)
			if err != nil {
				t.Error(err)
			}
			results <- got
		}()
	}
	for i := 0; i < 4; i++ {
		if got := <-results; !bytes.Equal(got, want) {
			t.Fatalf("from the prepared font %d bytes, parsed by the document %d", len(got), len(want))
		}
	}
	if _, ok, _ := preparedUTF8Font(data); !ok {
		t.Error("the font prepared is not found")
	}
	if _, ok, _ := preparedUTF8Font(append([]byte(nil), data...)); ok {
		t.Error("other data (a copy) is taken for the font prepared")
	}
	bad := []byte("not a font at all")
	PrepareUTF8Font(bad)
	if _, ok, err := preparedUTF8Font(bad); !ok || err == nil {
		t.Errorf("bad data prepared: found %v, error %v", ok, err)
	}
	PrepareUTF8Font(nil) // nothing to prepare: no panic
}

// TestCmapTables (patch 26): the widths and the character → glyph table a
// font is parsed into, read from the cmap's pairs through charsOfGlyph,
// are those the glyph → characters and character → glyph dictionaries
// give (the way gofpdf read them before the patch), for the four Charis
// SIL faces and DejaVu Serif where installed; and charsOfGlyph lists each
// glyph's characters in the dictionary's order.
func TestCmapTables(t *testing.T) {
	files := []string{"../../fonts/CharisSIL-Regular.ttf", "../../fonts/CharisSIL-Italic.ttf",
		"../../fonts/CharisSIL-Bold.ttf", "../../fonts/CharisSIL-BoldItalic.ttf"}
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"); err == nil {
		files = append(files, "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
	}
	for _, name := range files {
		data, err := ioutil.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		font := newUTF8Font(&fileReader{array: data})
		if err := font.parseFile(); err != nil {
			t.Fatal(err)
		}
		pos := font.runeCMAPPosition()
		glyphChars, charGlyph := font.generateSCCSDictionaries(pos)
		byGlyph := charsOfGlyph(font.cmapPairs(pos))
		for g := -1; g <= 0x10000; g++ {
			if got, want := byGlyph(g), glyphChars[g]; !reflect.DeepEqual(append([]int{}, got...), append([]int{}, want...)) {
				t.Fatalf("%s: glyph %d: characters %v, the dictionary %v", name, g, got, want)
			}
		}
		widths := font.CharWidths
		font.SeekTable("hhea")
		font.skip(34)
		n := font.readUint16()
		font.SeekTable("maxp")
		font.skip(4)
		numSymbols := font.readUint16()
		font.parseHMTXTable(n, numSymbols, func(g int) []int { return glyphChars[g] }, 1000.0/float64(font.fontElementSize))
		if !reflect.DeepEqual(widths, font.CharWidths) {
			t.Errorf("%s: the widths differ from those read through the dictionary", name)
		}
		mapped := 0
		for c := 0; c <= 0x10000; c++ {
			want := 0
			if g := charGlyph[c]; c < 0xFFFF {
				want = g
			}
			if got := font.glyphOf(c); got != want {
				t.Fatalf("%s: character U+%04X: glyph %d, the dictionary %d", name, c, got, want)
			}
			if want != 0 {
				mapped++
			}
		}
		if mapped < 1000 || widths[0] < 1000 {
			t.Errorf("%s: %d characters mapped, %d widths: the font was not read", name, mapped, widths[0])
		}
	}
}
