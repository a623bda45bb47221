package shape

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"edition/fonts"
)

func charis(t testing.TB) *Face {
	t.Helper()
	f, err := Parse(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// testFaces returns the font files of the four shipped faces, and DejaVu
// Serif's where it is installed (a font of other marks and lookups), by
// name.
func testFaces() map[string][]byte {
	faces := map[string][]byte{"regular": fonts.Regular, "italic": fonts.Italic, "bold": fonts.Bold, "bold italic": fonts.BoldItalic}
	if data, err := os.ReadFile(dejaVuSerif); err == nil {
		faces["DejaVu Serif"] = data
	}
	return faces
}

// texts returns the text of each glyph, "|"-separated.
func texts(gs []Glyph) string {
	var s []string
	for _, g := range gs {
		s = append(s, g.Text)
	}
	return strings.Join(s, "|")
}

func TestLigatures(t *testing.T) {
	f := charis(t)
	for _, c := range []struct{ in, want string }{
		{"office", "o|ffi|c|e"},
		{"flow", "fl|o|w"},
		{"affluent", "a|ffl|u|e|n|t"},
		{"off", "o|ff"},
		{"fit", "fi|t"},
	} {
		gs := f.Shape(c.in, Liga)
		if got := texts(gs); got != c.want {
			t.Errorf("Shape(%q, Liga) clusters = %s, want %s", c.in, got, c.want)
		}
		// The ligature glyph has no code point of its own and its own width.
		plain := f.Shape(c.in, 0)
		if texts(plain) != strings.Join(strings.Split(c.in, ""), "|") {
			t.Errorf("Shape(%q, 0) = %s, want one glyph a letter", c.in, texts(plain))
		}
		for _, g := range gs {
			if len(g.Text) > 1 {
				for _, p := range plain {
					if p.ID == g.ID {
						t.Errorf("%q: ligature glyph %d is also a letter's", c.in, g.ID)
					}
				}
				if g.Advance != f.GlyphWidth(g.ID) {
					t.Errorf("%q: ligature advance %d, glyph width %d (Charis has no kerning)", c.in, g.Advance, f.GlyphWidth(g.ID))
				}
			}
		}
	}
}

func TestSmallCaps(t *testing.T) {
	f := charis(t)
	plain := f.Shape("Romain", 0)
	sc := f.Shape("Romain", Smcp)
	if texts(sc) != "R|o|m|a|i|n" {
		t.Fatalf("Shape(Romain, Smcp) = %s", texts(sc))
	}
	if sc[0].ID != plain[0].ID {
		t.Errorf("smcp changed the capital R: glyph %d, want %d", sc[0].ID, plain[0].ID)
	}
	upper := f.Shape("OMAIN", 0)
	for i := 1; i < len(sc); i++ {
		if sc[i].ID == plain[i].ID || sc[i].ID == upper[i-1].ID {
			t.Errorf("smcp glyph %d for %q is the lower-case or capital glyph", sc[i].ID, sc[i].Text)
		}
		// A small capital is narrower than its capital.
		if sc[i].Advance >= upper[i-1].Advance {
			t.Errorf("small capital %q: advance %d, capital %d", sc[i].Text, sc[i].Advance, upper[i-1].Advance)
		}
	}
	// c2sc sets capitals as the same small capitals; their text stays the
	// capital letter.
	c2 := f.Shape("OMAIN", C2sc)
	if texts(c2) != "O|M|A|I|N" {
		t.Fatalf("Shape(OMAIN, C2sc) = %s", texts(c2))
	}
	for i := range c2 {
		if c2[i].ID != sc[i+1].ID {
			t.Errorf("c2sc %q = glyph %d, smcp %q = glyph %d", c2[i].Text, c2[i].ID, sc[i+1].Text, sc[i+1].ID)
		}
	}
	// Small capitals have no ligatures: "fi" in small capitals is two glyphs.
	if got := texts(f.Shape("fine", Smcp|Liga)); got != "f|i|n|e" {
		t.Errorf("Shape(fine, Smcp|Liga) = %s, want f|i|n|e", got)
	}
}

// TestCharisHasNoKerning: Charis SIL has no kern feature, so every advance
// is the glyph's width.
func TestCharisHasNoKerning(t *testing.T) {
	f := charis(t)
	for _, g := range f.Shape("To AVAV. Wave, Yo!", Liga) {
		if g.Advance != f.GlyphWidth(g.ID) {
			t.Errorf("glyph %d (%q): advance %d, width %d", g.ID, g.Text, g.Advance, f.GlyphWidth(g.ID))
		}
	}
}

const dejaVuSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

func dejaVu(t testing.TB) *Face {
	t.Helper()
	data, err := os.ReadFile(dejaVuSerif)
	if err != nil {
		t.Skipf("DejaVu Serif not installed (Debian package fonts-dejavu-core): %v", err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestKerning(t *testing.T) {
	f := dejaVu(t)
	for _, pair := range []string{"We", "Yo", "Pa", "AV", "To"} {
		gs := f.Shape(pair, Liga)
		if len(gs) != 2 {
			t.Fatalf("%q: %d glyphs", pair, len(gs))
		}
		if kern := gs[0].Advance - f.GlyphWidth(gs[0].ID); kern >= 0 {
			t.Errorf("%q: kerning %d thousandths, want negative", pair, kern)
		}
		if gs[1].Advance != f.GlyphWidth(gs[1].ID) {
			t.Errorf("%q: last glyph kerned", pair)
		}
	}
	// No kerning without a pair: "oo".
	for _, g := range f.Shape("oo", Liga) {
		if g.Advance != f.GlyphWidth(g.ID) {
			t.Errorf("oo kerned")
		}
	}
}

func TestCacheAndCovers(t *testing.T) {
	f := charis(t)
	a, b := f.Shape("office", Liga), f.Shape("office", Liga)
	if &a[0] != &b[0] {
		t.Error("the same text shaped twice")
	}
	if !f.Covers('é') || f.Covers('\U0001F600') {
		t.Error("Covers wrong")
	}
	if Width(f.Shape("", Liga)) != 0 {
		t.Error("empty text has width")
	}
	// Accented letters keep their text.
	if got := texts(f.Shape("Moscou à été", Liga)); got != "M|o|s|c|o|u| |à| |é|t|é" {
		t.Errorf("accented text = %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a font at all"), fonts.Regular[:200]} {
		if _, err := Parse(data); err == nil {
			t.Errorf("Parse of %d bytes: no error", len(data))
		}
	}
}

// TestPlainIsHarfBuzz: wherever plain shapes a text without HarfBuzz, it
// gives what HarfBuzz gives, for every word of the book's source, every
// pair of ASCII and Latin-1 characters, Latin letters beside the letters
// most fonts kern or join, and triples of ligature letters, in the four
// Charis faces and DejaVu Serif.
func TestPlainIsHarfBuzz(t *testing.T) {
	var words []string
	files, _ := filepath.Glob("../../../source/*.md")
	if len(files) == 0 {
		t.Fatal("no source files")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, strings.Fields(string(data))...)
	}
	var letters []rune
	for r := rune(0x21); r < 0x250; r++ {
		if unicode.IsPrint(r) && r != 0xAD {
			letters = append(letters, r)
		}
	}
	for _, a := range letters {
		for _, b := range "aAfiTVWoy.,'’-" {
			words = append(words, string(a)+string(b), string(b)+string(a))
		}
	}
	// Every pair of ASCII and Latin-1 characters (a lookup may start at a
	// glyph only when a given glyph follows it: plain must see every such
	// pair), and triples of the letters of ligatures.
	var common []rune
	for r := rune(0x21); r < 0x100; r++ {
		if unicode.IsPrint(r) && r != 0xAD && (r < 0x7F || r >= 0xC0) {
			common = append(common, r)
		}
	}
	common = append(common, []rune("‘’“”–—…ıȷ")...)
	for _, a := range common {
		for _, b := range common {
			words = append(words, string(a)+string(b))
		}
	}
	for _, a := range "fijltbhkT" {
		for _, b := range "fijltbhkT" {
			for _, c := range "fijltbhkTa" {
				words = append(words, string(a)+string(b)+string(c))
			}
		}
	}
	for name, data := range testFaces() {
		f, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		s := f.get()
		for _, w := range words {
			for _, feat := range []Features{Liga, 0} {
				p, ok := f.plain(s, w, feat)
				if !ok {
					continue
				}
				n++
				h := f.harfBuzz(s, w, feat)
				if fmt.Sprint(p) != fmt.Sprint(h) {
					t.Errorf("%s: %q: plain %v, HarfBuzz %v", name, w, p, h)
				}
			}
		}
		t.Logf("%s: %d of %d texts shaped plain", name, n, 2*len(words))
		if strings.HasPrefix(name, "r") && n < len(words)/4 {
			t.Errorf("%s: only %d texts shaped plain", name, n)
		}
	}
}

func TestVerticalMetrics(t *testing.T) {
	f := charis(t)
	if f.Ascent != 1196 || f.Descent != -438 || f.CapHeight != 671 || f.XHeight != 482 {
		t.Errorf("Charis SIL's vertical metrics %d %d %d %d, want 1196 -438 671 482", f.Ascent, f.Descent, f.CapHeight, f.XHeight)
	}
}

// TestShapeConcurrently: goroutines shaping on one Face at once, each
// with a shaper of its own, get the glyphs one goroutine shaping alone
// gets, small capitals and ligatures included, and one slice for a text
// however many shaped it.
func TestShapeConcurrently(t *testing.T) {
	var words []string
	for _, w := range strings.Fields(`office affluent flow difficult Moscou à été Stalin’s
		Rolland interview “quoted” whom Tolstoy fifteen effect offer ﬁ naïve coöperate
		U.S.S.R. proletariat Gorky ﬂuﬀy ﬀ 1935 — …`) {
		words = append(words, w, strings.ToUpper(w), w+"s", "af"+w)
	}
	feats := []Features{Liga, 0, Smcp, Smcp | C2sc, C2sc}
	alone := charis(t)
	want := map[string]string{}
	for _, w := range words {
		for _, ft := range feats {
			want[fmt.Sprint(ft, w)] = fmt.Sprint(alone.Shape(w, ft))
		}
	}
	f := charis(t)
	const workers = 8
	got := make([][][]Glyph, workers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			<-start
			for k := range words {
				w := words[(k+i*7)%len(words)] // each in another order
				for _, ft := range feats {
					got[i] = append(got[i], f.Shape(w, ft))
					if !f.Covers([]rune(w)[0]) && f.RuneWidth([]rune(w)[0]) != 0 {
						t.Errorf("%q: not covered, yet has a width", w)
					}
				}
			}
		})
	}
	close(start)
	wg.Wait()
	for i := range workers {
		n := 0
		for k := range words {
			w := words[(k+i*7)%len(words)]
			for _, ft := range feats {
				g := got[i][n]
				n++
				if fmt.Sprint(g) != want[fmt.Sprint(ft, w)] {
					t.Fatalf("goroutine %d: %q (%v): %v, alone %s", i, w, ft, g, want[fmt.Sprint(ft, w)])
				}
				if again := f.Shape(w, ft); len(g) > 0 && &again[0] != &g[0] {
					t.Fatalf("goroutine %d: %q (%v): a slice other than the one kept", i, w, ft)
				}
			}
		}
	}
	if f.mu.Lock(); len(f.shapers) < 1 {
		t.Error("no shaper given back")
	}
	f.mu.Unlock()
}

// TestPlainAfterActiveGlyphs: a glyph a lookup may start at only when
// certain glyphs follow (Charis's i before a combining mark, f before the
// second letter of a ligature) keeps a text plain when they do not follow
// it, and sends it to HarfBuzz when they do.
func TestPlainAfterActiveGlyphs(t *testing.T) {
	f := charis(t)
	s := f.get()
	defer f.put(s)
	for _, w := range []string{"interview", "of", "after", "Stalin", "if", "jib"} {
		if _, ok := f.plain(s, w, Liga); !ok {
			t.Errorf("%q not shaped plain", w)
		}
	}
	for _, w := range []string{"fi", "office", "flow", "i\u0301", "affluent"} {
		if _, ok := f.plain(s, w, Liga); ok {
			t.Errorf("%q shaped plain", w)
		}
	}
}

// TestForget: Forget empties what the face has shaped, and a text shaped
// again is shaped as before.
func TestForget(t *testing.T) {
	f := charis(t)
	shaped := func() int {
		n := 0
		for i := range f.cache {
			f.cache[i].All(func(string, []Glyph) { n++ })
		}
		return n
	}
	texts := []string{"office", "affluent", "Moscow", "1935"}
	var before [][]Glyph
	for _, s := range texts {
		before = append(before, f.Shape(s, 0))
	}
	if shaped() == 0 {
		t.Fatal("nothing is held after shaping texts")
	}
	f.Forget()
	if n := shaped(); n != 0 {
		t.Fatalf("%d texts held after Forget", n)
	}
	for i, s := range texts {
		if got := f.Shape(s, 0); fmt.Sprint(got) != fmt.Sprint(before[i]) {
			t.Errorf("Shape(%q) after Forget = %v, before %v", s, got, before[i])
		}
	}
}

// TestWithoutMarkAttachment: a face parsed without its mark attachment
// lookups (Parse) shapes every text as the whole font does — the words of
// the three books and words of other languages, precomposed and
// decomposed, with and without ligatures and small capitals; every
// character the font maps below U+3000, alone, after a letter and before
// seven combining marks (one of them the grapheme joiner, a
// default-ignorable mark) — for the four shipped faces (and DejaVu Serif
// where installed). Many of those texts are shaped otherwise without the
// lookups: the face's falling back to the whole font is what makes them
// agree.
func TestWithoutMarkAttachment(t *testing.T) {
	type text struct {
		s     string
		feats []Features
	}
	all := []Features{0, Liga, Liga | Smcp, Smcp | C2sc}
	var texts []text
	for _, dir := range []string{"../../../source", "../../load/testdata/book", "../../../testdata/books/second"} {
		files, _ := filepath.Glob(dir + "/*.md")
		if len(files) == 0 {
			t.Fatalf("no Markdown files in %s", dir)
		}
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range strings.Fields(string(data)) {
				texts = append(texts, text{w, all})
			}
		}
	}
	for _, w := range []string{"Việt Nam", "Vie\u0302\u0323t", "ǖ", "u\u0308\u0304", "ə\u0303", "ŋ\u030A", "ἄνθρωπος",
		"α\u0313\u0301", "naïve", "nai\u0308ve", "Z\u0327\u0301", "\u0301a", "f\u0301i", "ffi\u0323", "й", "и\u0306",
		"a\u00ADb", "fi\u200Dx", "e\uFE0F"} {
		texts = append(texts, text{w, all})
	}
	combining := []rune{0x301, 0x308, 0x30A, 0x323, 0x327, 0x331, 0x34F}
	for name, data := range testFaces() {
		light, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := parseWhole(data)
		if err != nil {
			t.Fatalf("%s: the whole font does not parse: %v", name, err)
		}
		if name != "DejaVu Serif" && (light.full == nil || len(light.marks) == 0) {
			t.Fatalf("%s: parsed with its mark attachment lookups", name)
		}
		texts := slices.Clone(texts)
		s := whole.get()
		for r := rune(0x20); r < 0x3000; r++ {
			if _, ok := s.face.NominalGlyph(r); !ok || !unicode.IsPrint(r) {
				continue
			}
			texts = append(texts, text{string(r), all[:2]}, text{"a" + string(r), all[:2]})
			for _, m := range combining {
				texts = append(texts, text{string(r) + string(m), all[:1]})
			}
		}
		whole.put(s)
		differ := 0
		for _, x := range texts {
			for _, feat := range x.feats {
				want := whole.Shape(x.s, feat)
				if got := light.Shape(x.s, feat); !slices.Equal(got, want) {
					t.Fatalf("%s: %q (features %03b) = %v, the whole font %v", name, x.s, feat, got, want)
				}
				if light.full != nil {
					s := light.get()
					if !slices.Equal(light.shape(s, x.s, feat), want) {
						differ++
					}
					light.put(s)
				}
			}
		}
		t.Logf("%s: %d texts; %d shapings need the mark attachment lookups", name, len(texts), differ)
		if light.full != nil && differ == 0 {
			t.Errorf("%s: no text needs the mark attachment lookups: the test shows nothing", name)
		}
	}
}

// gposFont returns a font file holding one table, GPOS, whose lookups are
// lookups, each its type, its flag and its subtables (the bytes after the
// lookup's own, each subtable's offset counted from the lookup); a flag
// with 0x0010 gets a mark filtering set after the offsets.
func gposFont(lookups []gposLookup) []byte {
	be := binary.BigEndian
	var list []byte
	list = be.AppendUint16(list, uint16(len(lookups)))
	var bodies [][]byte
	for _, lk := range lookups {
		var b []byte
		b = be.AppendUint16(b, lk.typ)
		b = be.AppendUint16(b, lk.flag)
		b = be.AppendUint16(b, uint16(len(lk.subtables)))
		head := 6 + 2*len(lk.subtables)
		if lk.flag&0x0010 != 0 {
			head += 2
		}
		off := head
		for _, st := range lk.subtables {
			b = be.AppendUint16(b, uint16(off))
			off += len(st)
		}
		if lk.flag&0x0010 != 0 {
			b = be.AppendUint16(b, 7)
		}
		for _, st := range lk.subtables {
			b = append(b, st...)
		}
		bodies = append(bodies, b)
	}
	off := 2 + 2*len(lookups)
	for _, b := range bodies {
		list = be.AppendUint16(list, uint16(off))
		off += len(b)
	}
	for _, b := range bodies {
		list = append(list, b...)
	}
	gpos := []byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 10}
	gpos = append(gpos, list...)
	file := []byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}
	file = append(file, "GPOS"...)
	file = be.AppendUint32(file, 0)
	file = be.AppendUint32(file, 28)
	file = be.AppendUint32(file, uint32(len(gpos)))
	return append(file, gpos...)
}

type gposLookup struct {
	typ, flag uint16
	subtables [][]byte
}

// markSubtable is a mark attachment subtable (format 1) whose first
// coverage holds glyphs; the rest of it is left out.
func markSubtable(glyphs ...uint16) []byte {
	be := binary.BigEndian
	b := []byte{0, 1, 0, 4, 0, 1}
	b = be.AppendUint16(b, uint16(len(glyphs)))
	for _, g := range glyphs {
		b = be.AppendUint16(b, g)
	}
	return b
}

// extension is an extension subtable of the given type wrapping st.
func extension(typ uint16, st []byte) []byte {
	return append([]byte{0, 1, byte(typ >> 8), byte(typ), 0, 0, 0, 8}, st...)
}

// TestWithoutMarkAttachmentTables: on GPOS tables made for it,
// withoutMarkAttachment empties the mark attachment lookups, direct and
// through extensions (clearing a mark filtering set's flag), leaves the
// others as they were and returns the glyphs they position; it leaves a
// table with a lookup of mixed types unchanged; and on every truncation of
// a table it neither panics nor reads past the end.
func TestWithoutMarkAttachmentTables(t *testing.T) {
	pair := []byte{0, 1, 0, 6, 0, 0, 0, 1, 0, 1, 0, 3}
	data := gposFont([]gposLookup{
		{typ: 2, subtables: [][]byte{pair}},
		{typ: 4, subtables: [][]byte{markSubtable(10, 11)}},
		{typ: 9, subtables: [][]byte{extension(6, markSubtable(12))}},
		{typ: 5, flag: 0x0011, subtables: [][]byte{markSubtable(13), markSubtable(14)}},
	})
	before := slices.Clone(data)
	marks := withoutMarkAttachment(data)
	for _, g := range []int{10, 11, 12, 13, 14} {
		if !marks.has(g) {
			t.Errorf("glyph %d is not among the marks", g)
		}
	}
	if marks.has(3) || marks.has(1) {
		t.Error("the pair lookup's glyphs are among the marks")
	}
	be := binary.BigEndian
	gpos := data[28:]
	lookup := func(i int) []byte { return gpos[10+int(be.Uint16(gpos[10+2+2*i:])):] }
	if !bytes.Equal(lookup(0)[:6], []byte{0, 2, 0, 0, 0, 1}) {
		t.Errorf("the pair lookup was changed: % x", lookup(0)[:6])
	}
	for i := 1; i < 4; i++ {
		if n := be.Uint16(lookup(i)[4:]); n != 0 {
			t.Errorf("lookup %d keeps %d subtables", i, n)
		}
	}
	if flag := be.Uint16(lookup(3)[2:]); flag != 0x0001 {
		t.Errorf("lookup 3's flag is %#04x, want 0x0001", flag)
	}
	if n := len(before); !bytes.Equal(data[:28+10+2+8], before[:28+10+2+8]) || len(data) != n {
		t.Error("the table's header or list changed")
	}

	mixed := gposFont([]gposLookup{{typ: 9, subtables: [][]byte{extension(4, markSubtable(10)), extension(2, pair)}}})
	kept := slices.Clone(mixed)
	if marks := withoutMarkAttachment(mixed); marks != nil || !bytes.Equal(mixed, kept) {
		t.Errorf("a lookup of mixed types: marks %v, table changed %v", marks, !bytes.Equal(mixed, kept))
	}

	for n := 28; n < len(before); n++ {
		cut := slices.Clone(before[:n])
		binary.BigEndian.PutUint32(cut[24:], uint32(n-28))
		kept := slices.Clone(cut)
		if withoutMarkAttachment(cut) == nil && !bytes.Equal(cut, kept) {
			t.Errorf("cut at %d: the table changed, and no marks were returned", n)
		}
	}
}
