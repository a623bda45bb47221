package shape

import (
	"os"
	"strings"
	"testing"

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
