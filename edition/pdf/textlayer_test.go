package pdf

import (
	"bytes"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"edition/edition"
	"edition/edition/layout"
	"edition/internal/testbook"
)

// fixtureTextBook is a fixture book whose turns have speaker labels (one
// with a stage direction) and whose words have ligatures ("office",
// "affluent", "flow", "official").
func fixtureTextBook() *edition.Book {
	b := testbook.Book([][]int{{2}, {1, 1}, {2}}, []int{1}, map[string]int{"interview-2": 1})
	p := &b.Interviews[0].Turns[0].Paragraphs[0]
	p.Content = append(p.Content, testbook.Text(" An affluent flow of official traffic."))
	return b
}

// writePDF renders b and writes it to a temporary file.
func writePDF(t *testing.T, b *edition.Book) string {
	t.Helper()
	var buf bytes.Buffer
	if err := (Renderer{}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkText checks that the text pdftotext and MuPDF extract from a PDF,
// its spaces collapsed, holds each of want, and no private-use or
// replacement character, and no speaker's name in capitals.
func checkText(t *testing.T, path string, want []string, capitals []string) {
	t.Helper()
	for tool, text := range map[string]string{
		"pdftotext":          run(t, "pdftotext", path, "-"),
		"mutool draw -F txt": run(t, "mutool", "draw", "-q", "-F", "txt", path),
	} {
		text = strings.Join(strings.Fields(text), " ")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q", tool, w)
			}
		}
		for _, r := range text {
			if unicode.In(r, unicode.Co, unicode.Cs) || r == unicode.ReplacementChar {
				t.Errorf("%s: U+%04X in the text", tool, r)
				break
			}
		}
		for _, c := range capitals {
			if strings.Contains(text, c) {
				t.Errorf("%s: %q in capitals", tool, c)
			}
		}
	}
}

// checkFonts checks that a PDF embeds n fonts, each a subset of Charis SIL
// named with a tag, with a ToUnicode map.
func checkFonts(t *testing.T, path string, n int) {
	t.Helper()
	out := run(t, "pdffonts", path)
	re := regexp.MustCompile(`(?m)^[A-Z]{6}\+CharisSIL(-Italic|-Bold|-BoldItalic)?\s+CID TrueType\s+Identity-H\s+yes yes yes\s`)
	if got := len(re.FindAllString(out, -1)); got != n || strings.Count(out, "\n") != n+2 {
		t.Errorf("want %d tagged Charis subsets with ToUnicode maps:\n%s", n, out)
	}
}

// TestTextLayer: the real book's text reads back as the source has it:
// ligatures as their letters, small capitals as the names.
func TestTextLayer(t *testing.T) {
	checkText(t, bookPDF(t), []string{"office", "stifled", "Affairs", "difficult", "sufficiently",
		"Stalin: I am glad", "Romain Rolland: I very much regret"}, []string{"STALIN", "ROMAIN"})
}

// TestTextLayerFixture is TestTextLayer on a fixture book.
func TestTextLayerFixture(t *testing.T) {
	path := writePDF(t, fixtureTextBook())
	checkText(t, path, []string{"Alpha: The working class", "Bert Beta (stands): The working class",
		"no office abroad", "An affluent flow of official traffic."}, []string{"ALPHA", "BETA"})
	checkFonts(t, path, 2)
}

// tracedRun is one run of text as MuPDF draws it: a fill_text element of
// `mutool trace`, its glyphs in drawing order, and its size across (the
// type size times the horizontal scale).
type tracedRun struct {
	Size   float64
	Glyphs []tracedGlyph
}

// tracedGlyph is a glyph drawn at (X, Y), y upwards from the foot of the
// page, advancing Adv em; Unicode is the text the PDF gives it.
type tracedGlyph struct {
	Unicode string
	X, Y    float64
	Adv     float64
}

// traceRuns runs mutool trace on a PDF and returns each page's runs.
func traceRuns(t *testing.T, path string) [][]tracedRun {
	t.Helper()
	out := run(t, "mutool", "trace", path)
	var doc struct {
		Pages []struct {
			Fills []struct {
				Spans []struct {
					Trm    string `xml:"trm,attr"`
					Glyphs []struct {
						Unicode string `xml:"unicode,attr"`
						Glyph   string `xml:"glyph,attr"`
						X       string `xml:"x,attr"`
						Y       string `xml:"y,attr"`
						Adv     string `xml:"adv,attr"`
					} `xml:"g"`
				} `xml:"span"`
			} `xml:"fill_text"`
		} `xml:"page"`
	}
	if err := xml.Unmarshal([]byte(out[strings.Index(out, "<document"):]), &doc); err != nil {
		t.Fatalf("mutool trace: %v", err)
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("mutool trace: number %q", s)
		}
		return v
	}
	pages := make([][]tracedRun, len(doc.Pages))
	for i, p := range doc.Pages {
		for _, f := range p.Fills {
			var r tracedRun
			for _, s := range f.Spans {
				r.Size = num(strings.Fields(s.Trm)[0])
				for _, g := range s.Glyphs {
					if g.Glyph == "" {
						// The further letters of a ligature: text only.
						if n := len(r.Glyphs); n > 0 {
							r.Glyphs[n-1].Unicode += g.Unicode
						}
						continue
					}
					r.Glyphs = append(r.Glyphs, tracedGlyph{Unicode: g.Unicode, X: num(g.X), Y: num(g.Y), Adv: num(g.Adv)})
				}
			}
			pages[i] = append(pages[i], r)
		}
	}
	return pages
}

// checkDrawnWidths checks that every run of the page model d is drawn in
// the PDF at path glyph for glyph where the model places it — each glyph
// at the run's start plus the advances (and tracking) before it — that
// the last glyph ends where the run's width, the line breaker's, says, and
// that the text MuPDF gives the glyphs is the run's text.
func checkDrawnWidths(t *testing.T, d *layout.Document, path string) {
	t.Helper()
	drawn := traceRuns(t, path)
	if len(drawn) != len(d.Pages) {
		t.Fatalf("%d pages drawn, %d laid out", len(drawn), len(d.Pages))
	}
	checked, ligatures := 0, 0
	for i := range d.Pages {
		var want []*layout.Run
		for k := range d.Pages[i].Items {
			if it := &d.Pages[i].Items[k]; it.Kind == layout.RunItem {
				want = append(want, &it.Run)
			}
		}
		got := drawn[i]
		if len(got) != len(want) {
			t.Errorf("page %d: %d runs drawn, %d laid out", i+1, len(got), len(want))
			continue
		}
		for k, r := range want {
			g := got[k]
			// A run followed by a word space ends with a space glyph, drawn
			// for the text (see tagger.spaced) where the run ends.
			if r.Space && !r.Hyphen && len(g.Glyphs) == len(r.Glyphs)+1 {
				sp := g.Glyphs[len(g.Glyphs)-1]
				if sp.Unicode != " " || math.Abs(sp.X-(r.X+r.W+r.Track*r.HScale/100)) > 0.01 {
					t.Errorf("page %d: run %q ends with %q at %.3f, not a space at its end %.3f", i+1, r.Text, sp.Unicode, sp.X, r.X+r.W)
				}
				g.Glyphs = g.Glyphs[:len(g.Glyphs)-1]
			}
			if len(g.Glyphs) != len(r.Glyphs) {
				t.Errorf("page %d: run %q: %d glyphs drawn, %d shaped", i+1, r.Text, len(g.Glyphs), len(r.Glyphs))
				continue
			}
			x, y := r.X, d.Geometry.H-r.Y
			text := ""
			for j, sg := range r.Glyphs {
				dg := g.Glyphs[j]
				k := r.Size / 1000 // thousandths of the size to points
				if math.Abs(dg.X-(x+float64(sg.XOffset)*k)) > 0.01 || math.Abs(dg.Y-(y+float64(sg.YOffset)*k)) > 0.01 {
					t.Errorf("page %d: run %q: glyph %d drawn at (%.3f, %.3f), laid out at (%.3f, %.3f)", i+1, r.Text, j, dg.X, dg.Y, x, y)
				}
				x += (float64(sg.Advance)*k + r.Track) * r.HScale / 100
				text += dg.Unicode
				if len(sg.Text) > 1 {
					ligatures++
				}
			}
			last := g.Glyphs[len(g.Glyphs)-1]
			// The span's size (its text matrix) has the scale in it.
			if end := last.X + last.Adv*g.Size; math.Abs(end-(r.X+r.W)) > 0.01 {
				t.Errorf("page %d: run %q ends at %.3f, the layout's width says %.3f", i+1, r.Text, end, r.X+r.W)
			}
			if text != r.Text {
				t.Errorf("page %d: run drawn as %q, laid out as %q", i+1, text, r.Text)
			}
			checked++
		}
	}
	t.Logf("%d runs checked, %d ligatures", checked, ligatures)
	if checked == 0 {
		t.Error("no runs checked")
	}
}

// TestDrawnWidths: the line breaker's widths are what is drawn, on every
// page of the real book.
func TestDrawnWidths(t *testing.T) {
	d, err := layout.Layout(realBook(t), "")
	if err != nil {
		t.Fatal(err)
	}
	checkDrawnWidths(t, d, bookPDF(t))
}

// TestDrawnWidthsFixture is TestDrawnWidths on a fixture book.
func TestDrawnWidthsFixture(t *testing.T) {
	b := fixtureTextBook()
	d, err := layout.Layout(b, "")
	if err != nil {
		t.Fatal(err)
	}
	checkDrawnWidths(t, d, writePDF(t, b))
}

var (
	toUnicodeRef = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	cmapBlock    = regexp.MustCompile(`(?s)(\d+) begin(bfchar|bfrange)\n(.*?)end(bfchar|bfrange)`)
	bfrangeLine  = regexp.MustCompile(`^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})>$`)
	bfcharLine   = regexp.MustCompile(`^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4,})>$`)
)

// TestToUnicodeMaps: each font's ToUnicode map in the real book is
// compressed and valid — at most 100 entries a block, no bfrange crossing
// its last byte on either side, no identity range over all codes.
func TestToUnicodeMaps(t *testing.T) {
	path := bookPDF(t)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	refs := toUnicodeRef.FindAllSubmatch(raw, -1)
	if len(refs) != 2 {
		t.Fatalf("%d ToUnicode maps, want one for each of the two faces", len(refs))
	}
	for _, m := range refs {
		obj := raw[bytes.Index(raw, []byte("\n"+string(m[1])+" 0 obj\n")):]
		if dict := obj[:bytes.Index(obj, []byte("stream"))]; !bytes.Contains(dict, []byte("/FlateDecode")) {
			t.Errorf("ToUnicode map %s not compressed: %s", m[1], dict)
		}
	}
	qdf := filepath.Join(t.TempDir(), "q.pdf")
	run(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	plain, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain, []byte("<0000> <FFFF> <0000>")) {
		t.Error("an identity range over all codes")
	}
	entries := 0
	for _, b := range cmapBlock.FindAllSubmatch(plain, -1) {
		n, _ := strconv.Atoi(string(b[1]))
		lines := strings.Split(strings.TrimSpace(string(b[3])), "\n")
		if n > 100 || n != len(lines) {
			t.Errorf("a %s block of %d entries says %d", b[2], len(lines), n)
		}
		for _, l := range lines {
			if string(b[2]) == "bfchar" {
				entries++
				if !bfcharLine.MatchString(l) {
					t.Errorf("bad bfchar %q", l)
				}
				continue
			}
			e := bfrangeLine.FindStringSubmatch(l)
			if e == nil {
				t.Errorf("bad bfrange %q", l)
				continue
			}
			lo, _ := strconv.ParseUint(e[1], 16, 16)
			hi, _ := strconv.ParseUint(e[2], 16, 16)
			dst, _ := strconv.ParseUint(e[3], 16, 16)
			if lo > hi || lo>>8 != hi>>8 || dst&0xFF+hi-lo > 0xFF {
				t.Errorf("bfrange %q crosses its last byte", l)
			}
			entries += int(hi - lo + 1)
		}
	}
	if entries < 100 {
		t.Errorf("only %d codes in the ToUnicode maps", entries)
	}
}
