package measure

import (
	"fmt"
	"strings"
	"testing"
)

// page writes a pdftotext -bbox-layout page of body lines; each line is
// given as its left edge, its right edge and its word count, words of equal
// width with the gap between them.
func page(lines [][3]float64, notes []string) string {
	var b strings.Builder
	b.WriteString(`<page width="396" height="612"><flow><block>`)
	y := 60.0
	for _, l := range lines {
		left, right, n := l[0], l[1], int(l[2])
		b.WriteString("<line>")
		w := 20.0
		gap := 0.0
		if n > 1 {
			gap = (right - left - float64(n)*w) / float64(n-1)
		}
		for i := 0; i < n; i++ {
			x := left + float64(i)*(w+gap)
			fmt.Fprintf(&b, `<word xMin="%.2f" yMin="%.2f" xMax="%.2f" yMax="%.2f">word</word>`, x, y-10, x+w, y)
		}
		b.WriteString("</line>")
		y += 13.5
	}
	for _, n := range notes {
		fmt.Fprintf(&b, `<line><word xMin="54" yMin="%.2f" xMax="60" yMax="%.2f">%s</word></line>`, y-8, y, n)
		y += 11
	}
	b.WriteString(`</block></flow></page>`)
	return b.String()
}

func doc(pages ...string) []byte {
	return []byte(`<html><body><doc>` + strings.Join(pages, "") + `</doc></body></html>`)
}

var opts = Options{BodySize: 10, NoteSize: 8, MarkSize: 6, BodySpace: 3, NoteSpace: 2.4, BoxScale: 1}

func TestWidowAndOrphan(t *testing.T) {
	full := [3]float64{54, 354, 10}
	indented := [3]float64{66, 354, 10}
	short := [3]float64{54, 200, 5}
	// Page 1 ends with a paragraph's first line (an orphan); page 2 begins
	// with that paragraph's last line (a widow).
	r, err := Parse(doc(page([][3]float64{full, short, indented}, nil), page([][3]float64{short, indented, full, short}, nil)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Orphans) != 1 || !strings.HasPrefix(r.Orphans[0], "1:") {
		t.Errorf("orphans %v, want one on page 1", r.Orphans)
	}
	if len(r.Widows) != 1 || !strings.HasPrefix(r.Widows[0], "2:") {
		t.Errorf("widows %v, want one on page 2", r.Widows)
	}
	// Full lines of 10 words of 20 pt on 300 pt: gaps of 100/9 pt; the
	// indented one 88/9 pt. Natural is 3 pt.
	for _, sp := range r.Spaces {
		if d1, d2 := sp-100.0/27, sp-88.0/27; (d1 > 0.01 || d1 < -0.01) && (d2 > 0.01 || d2 < -0.01) {
			t.Errorf("space ratio %.3f, want %.3f or %.3f", sp, 100.0/27, 88.0/27)
		}
	}
	if len(r.Spaces) != 9*4 {
		t.Errorf("%d spaces measured, want 36 (four justified lines)", len(r.Spaces))
	}
}

func TestNoWidowNoOrphan(t *testing.T) {
	full := [3]float64{54, 354, 10}
	indented := [3]float64{66, 354, 10}
	short := [3]float64{54, 200, 5}
	r, err := Parse(doc(page([][3]float64{indented, full}, nil), page([][3]float64{full, short}, nil)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Orphans)+len(r.Widows) != 0 {
		t.Errorf("widows %v orphans %v, want none", r.Widows, r.Orphans)
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	if p := Percentile(xs, 95); p != 10 {
		t.Errorf("p95 %v", p)
	}
	if p := Percentile(xs, 50); p != 5 {
		t.Errorf("p50 %v", p)
	}
}

// TestDepths finds a page that ends a line short and the spread it makes
// uneven, and a spread balanced a line short.
func TestDepths(t *testing.T) {
	full := [3]float64{54, 354, 10}
	lines := func(n int) [][3]float64 {
		var out [][3]float64
		for range n {
			out = append(out, full)
		}
		return out
	}
	o := opts
	o.Leading, o.NoteLead = 13.5, 11
	// Pages 2–3 a spread with page 2 a line short; pages 4–5 both a line
	// short; page 6 the last.
	r, err := Parse(doc(page(lines(10), nil), page(lines(9), nil), page(lines(10), nil),
		page(lines(9), nil), page(lines(9), nil), page(lines(3), nil)), o)
	if err != nil {
		t.Fatal(err)
	}
	if r.FullPages != 5 || len(r.ShortPages) != 3 {
		t.Errorf("%d pages judged, short %v; want 5 and pages 2, 4, 5", r.FullPages, r.ShortPages)
	}
	if r.Spreads != 2 || len(r.Uneven) != 1 || !strings.HasPrefix(r.Uneven[0], "2–3") || r.Balanced != 1 {
		t.Errorf("spreads %d, uneven %v, balanced %d; want 2, [2–3], 1", r.Spreads, r.Uneven, r.Balanced)
	}
}
