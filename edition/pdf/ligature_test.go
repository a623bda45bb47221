package pdf

import (
	"regexp"
	"strings"
	"testing"

	"edition/edition"
	"edition/edition/layout"
	"edition/internal/testbook"
)

// drawnWords returns, for each of words, how many glyphs draw each of its
// occurrences set whole on a line in the PDF at path, as mutool trace
// reads the glyphs back (a ligature is one glyph standing for its letters).
func drawnWords(t *testing.T, path string, words []string) map[string][]int {
	t.Helper()
	found := map[string][]int{}
	for _, page := range traceRuns(t, path) {
		var gs []string
		for _, r := range page {
			for _, g := range r.Glyphs {
				gs = append(gs, g.Unicode)
			}
			gs = append(gs, " ") // runs are cut at least at syllables
		}
		for k := range gs {
			if k > 0 && gs[k-1] != " " && gs[k-1] != "“" {
				continue // words start after a space or a quotation mark
			}
			for _, w := range words {
				s, n := "", 0
				for j := k; j < len(gs) && len(s) < len(w); j++ {
					if gs[j] != " " {
						s += gs[j]
						n++
					}
				}
				if s == w {
					found[w] = append(found[w], n)
				}
			}
		}
	}
	return found
}

// TestLigaturesAtHyphenationPoints: in the real book, a word not broken
// at the end of a line draws every ligature it has, including those that
// span a hyphenation point (dif-fer-ent, of-fice, dif-fi-cult, ef-fect):
// "different" is 8 glyphs, not 9.
func TestLigaturesAtHyphenationPoints(t *testing.T) {
	want := map[string]int{"different": 8, "office": 4, "difficult": 7, "effect": 5}
	var words []string
	for w := range want {
		words = append(words, w)
	}
	found := drawnWords(t, bookPDF(t), words)
	for w, n := range want {
		if len(found[w]) == 0 {
			t.Errorf("%q: not found drawn whole", w)
		}
		for _, got := range found[w] {
			if got != n {
				t.Errorf("%q drawn with %d glyphs, want %d (its ligatures)", w, got, n)
			}
		}
	}
	t.Logf("drawn: %v", found)
}

// ligatureBook is a fixture book whose first paragraph, set at the default
// trim, breaks "office" inside its ffi ligature when shift is 23, and
// "different" inside its ff when shift is 1 (TestLigatureBroken checks it).
func ligatureBook(shift int) *edition.Book {
	words := strings.Fields("the quick brown fox said that an office in the city was not so different from the other one which had been an officer's office for a very long while and yet")
	b := testbook.Book([][]int{{2}, {1, 1}, {2}}, []int{1}, map[string]int{"interview-2": 1})
	p := &b.Interviews[0].Turns[0].Paragraphs[0]
	var s []string
	for k := range 3 {
		s = append(s, words[(shift+k)%len(words):]...)
		s = append(s, "office", "different", "difficult", "effect")
	}
	p.Content = append(p.Content, testbook.Text(" "+strings.Join(s, " ")+"."))
	return b
}

// TestLigatureBroken: where the line breaker breaks a word inside a
// ligature, the line ends with the ligature's first part and a hyphen and
// the next begins with its second part, each shaped ("of-" / "fice" with
// the fi ligature; "dif-" / "ferent"); the drawn widths are the layout's,
// and the text extracted is the whole word's letters.
func TestLigatureBroken(t *testing.T) {
	for _, tc := range []struct {
		shift      int
		pre, post  string
		postGlyphs int
		fragment   *regexp.Regexp
	}{
		{23, "f", "fi", 1, regexp.MustCompile(`\bof-|\bfice\b`)},
		{1, "f", "f", 1, regexp.MustCompile(`\bdif-|\bferent\b`)},
	} {
		b := ligatureBook(tc.shift)
		d, err := layout.Layout(b, "")
		if err != nil {
			t.Fatal(err)
		}
		broken := 0
		for _, pg := range d.Pages {
			var runs []*layout.Run
			for k := range pg.Items {
				if it := &pg.Items[k]; it.Kind == layout.RunItem {
					runs = append(runs, &it.Run)
				}
			}
			for k := 1; k+1 < len(runs); k++ {
				if !runs[k].Hyphen || runs[k-1].Text != tc.pre || runs[k+1].Text != tc.post {
					continue
				}
				if len(runs[k-1].Glyphs) != 1 || len(runs[k+1].Glyphs) != tc.postGlyphs || runs[k+1].Glyphs[0].Text != tc.post {
					t.Errorf("shift %d: broken as %d glyphs %q- / %d glyphs %q", tc.shift, len(runs[k-1].Glyphs), tc.pre, len(runs[k+1].Glyphs), tc.post)
				}
				if runs[k+1].Y == runs[k].Y {
					t.Errorf("shift %d: %q after the hyphen on the same line", tc.shift, tc.post)
				}
				broken++
			}
		}
		if broken == 0 {
			t.Fatalf("shift %d: no word broken as %q- / %q (the fixture no longer breaks inside a ligature)", tc.shift, tc.pre, tc.post)
		}
		path := writePDF(t, b)
		checkDrawnWidths(t, d, path)
		// pdftotext joins a word broken at a hyphen the tagged PDF marks
		// as an artifact: the broken word reads back whole.
		if m := tc.fragment.FindString(run(t, "pdftotext", path, "-")); m != "" {
			t.Errorf("shift %d: pdftotext gives the broken word's part %q", tc.shift, m)
		}
		// MuPDF reads the drawn glyphs: the hyphen, then the next line's
		// first glyph, the second part of the ligature.
		seen := false
		for _, page := range traceRuns(t, path) {
			var prev string
			for _, r := range page {
				for _, g := range r.Glyphs {
					if prev == "-" && g.Unicode == tc.post {
						seen = true
					}
					prev = g.Unicode
				}
			}
		}
		if !seen {
			t.Errorf("shift %d: mutool trace shows no %q drawn after a hyphen", tc.shift, tc.post)
		}
	}
}
