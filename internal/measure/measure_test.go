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

// fullLines is n full-width lines of text, for a page of a synthetic PDF.
func fullLines(n int) [][3]float64 {
	out := make([][3]float64, n)
	for i := range out {
		out[i] = [3]float64{54, 354, 10}
	}
	return out
}

// TestDepths finds a page that ends a line short and the spread it makes
// uneven, and a spread balanced a line short.
func TestDepths(t *testing.T) {
	o := opts
	o.Leading, o.NoteLead = 13.5, 11
	// Pages 2–3 a spread with page 2 a line short; pages 4–5 both a line
	// short; page 6 the last.
	r, err := Parse(doc(page(fullLines(10), nil), page(fullLines(9), nil), page(fullLines(10), nil),
		page(fullLines(9), nil), page(fullLines(9), nil), page(fullLines(3), nil)), o)
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

// TestDepthsNoteBottom: in a book whose every page with notes ends a line
// short, the bottom of the notes is found from the text's (Options.Descent):
// a spread of such a page and a recto a line short is balanced, not
// uneven, as it is judged without it.
func TestDepthsNoteBottom(t *testing.T) {
	o := opts
	o.Leading, o.NoteLead = 13.5, 11
	// A page of body lines and, below them, notes whose last box bottom
	// is at foot (the rule's space between them).
	notePage := func(lines int, notes int, foot float64) string {
		var b strings.Builder
		b.WriteString(`<page width="396" height="612"><flow><block>`)
		for i := range lines {
			y := 60 + float64(i)*13.5
			fmt.Fprintf(&b, `<line><word xMin="54" yMin="%.2f" xMax="354" yMax="%.2f">words</word></line>`, y-10, y)
		}
		for i := range notes {
			y := foot - float64(notes-1-i)*11
			fmt.Fprintf(&b, `<line><word xMin="54" yMin="%.2f" xMax="354" yMax="%.2f">%d</word></line>`, y-8, y, i+1)
		}
		b.WriteString(`</block></flow></page>`)
		return b.String()
	}
	// Full text: the last box bottom at 60 + 9·13.5 = 181.5. On that
	// baseline a note's box (8 pt, descent 0.25) ends 0.5 higher: a
	// note page a line short ends its notes at 181 − 13.5.
	pages := doc(page(fullLines(10), nil), notePage(6, 2, 167.5), page(fullLines(9), nil), page(fullLines(3), nil))
	without, err := Parse(pages, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Descent = 0.25
	with, err := Parse(pages, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(without.Uneven) != 1 || without.Balanced != 0 {
		t.Errorf("without the descent: uneven %v, balanced %d; want the spread 2–3 uneven (the notes' bottom unknown)", without.Uneven, without.Balanced)
	}
	if len(with.Uneven) != 0 || with.Balanced != 1 || len(with.ShortPages) != 2 {
		t.Errorf("with the descent: uneven %v, balanced %d, short %v; want the spread 2–3 balanced a line short", with.Uneven, with.Balanced, with.ShortPages)
	}
}

// TestHangingEdges: lines that hang a little past the text block do not
// move its edges (they are the most common ones), are counted, and still
// count as full lines.
func TestHangingEdges(t *testing.T) {
	full := [3]float64{54, 354, 10}
	hangR := [3]float64{54, 355.5, 10}
	hangL := [3]float64{53, 354, 10}
	short := [3]float64{54, 200, 5}
	r, err := Parse(doc(page([][3]float64{full, hangR, full, hangL, full, short}, nil)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if r.HangRight != 1 || r.HangLeft != 1 || r.MaxHang < 1.49 || r.MaxHang > 1.51 {
		t.Errorf("hanging %d left, %d right, at most %.2f; want 1, 1, 1.5", r.HangLeft, r.HangRight, r.MaxHang)
	}
	if r.JustifiedLines != 5 || len(r.Widows)+len(r.Orphans) != 0 {
		t.Errorf("%d justified lines (want 5), widows %v, orphans %v", r.JustifiedLines, r.Widows, r.Orphans)
	}
}

// TestRuntAndLadder: a section's last page of three lines is a runt; three
// hyphenated lines in a row are a ladder.
func TestRuntAndLadder(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<page width="396" height="612"><flow><block>`)
	for i, text := range []string{"one-", "two-", "three-", "four"} {
		y := 60 + 13.5*float64(i)
		fmt.Fprintf(&b, `<line><word xMin="54" yMin="%.2f" xMax="300" yMax="%.2f">words</word><word xMin="310" yMin="%.2f" xMax="354" yMax="%.2f">%s</word></line>`, y-10, y, y-10, y, text)
	}
	b.WriteString(`</block></flow></page>`)
	o := opts
	o.Leading, o.NoteLead = 13.5, 11
	r, err := Parse(doc(b.String(), page(fullLines(10), nil), page(fullLines(3), nil)), o)
	if err != nil {
		t.Fatal(err)
	}
	if r.Ladders != 1 || r.MaxHyphenRun != 3 {
		t.Errorf("ladders %d, longest run %d; want 1, 3", r.Ladders, r.MaxHyphenRun)
	}
	if len(r.Runts) != 1 || !strings.HasPrefix(r.Runts[0], "3:") {
		t.Errorf("runts %v, want page 3", r.Runts)
	}
}

// TestNoteSplit: a note whose lines go on at the next page's foot, before
// that page's first numbered note, is split; the lines on each side count.
func TestNoteSplit(t *testing.T) {
	notePage := func(notes ...string) string {
		var b strings.Builder
		b.WriteString(`<page width="396" height="612"><flow><block>`)
		y := 60.0
		for range 5 {
			fmt.Fprintf(&b, `<line><word xMin="54" yMin="%.2f" xMax="354" yMax="%.2f">words</word></line>`, y-10, y)
			y += 13.5
		}
		y += 20
		for _, n := range notes {
			x := 54.0
			if n == "" {
				x, n = 60, "more"
			}
			fmt.Fprintf(&b, `<line><word xMin="%.0f" yMin="%.2f" xMax="354" yMax="%.2f">%s</word></line>`, x, y-8, y, n)
			y += 11
		}
		b.WriteString(`</block></flow></page>`)
		return b.String()
	}
	r, err := Parse(doc(notePage("1", "", "", "", "2", ""), notePage("", "", "", "3")), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.NoteSplits) != 1 || r.NoteSplits[0] != "1: 2/3" || r.MinNoteSplit != 2 {
		t.Errorf("splits %v (fewest %d), want [1: 2/3] and 2", r.NoteSplits, r.MinNoteSplit)
	}
}

// TestTrace reads font expansion from mutool trace output: one figure per
// body line, its most expanded run; other sizes and the front pages left
// out; the largest step between lines in a row.
func TestTrace(t *testing.T) {
	// As mutool prints it: a tag a line.
	trace := strings.Join([]string{
		`<document>`,
		`<page number="1">`, `<span trm="10 0 0 10">`, `<g unicode="a" x="54" y="100"/>`, `</span>`, `</page>`,
		`<page number="2">`,
		`<span font="f" trm="10.2 0 0 10">`, `<g unicode="a" x="54" y="100"/>`, `<g unicode="b" x="60" y="100"/>`, `</span>`,
		`<span font="f" trm="10 0 0 10">`, `<g unicode="c" x="90" y="100"/>`, `</span>`,
		`<span font="f" trm="9.9 0 0 10">`, `<g unicode="d" x="54" y="113.5"/>`, `</span>`,
		`<span font="f" trm="8.16 0 0 8">`, `<g unicode="n" x="54" y="500"/>`, `</span>`,
		`</page>`, `</document>`}, "\n")
	r := &Report{}
	if err := parseTrace(r, []byte(trace), Options{BodySize: 10, FrontPages: 1}); err != nil {
		t.Fatal(err)
	}
	want := []float64{-0.01, 0.02}
	if len(r.Expansions) != 2 || abs(r.Expansions[0]-want[0]) > 1e-9 || abs(r.Expansions[1]-want[1]) > 1e-9 {
		t.Errorf("expansions %v, want %v", r.Expansions, want)
	}
	if abs(r.MaxExpansionStep-0.03) > 1e-9 {
		t.Errorf("largest step %v, want 0.03", r.MaxExpansionStep)
	}
	if h := r.ExpansionHistogram(); h != "-1.0%: 1, +2.0%: 1" {
		t.Errorf("histogram %q", h)
	}
	if err := parseTrace(r, []byte("<page number=\"2\">\n<span trm=\"x\">\n</span>"), Options{}); err == nil {
		t.Error("a span without a text matrix was accepted")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestCompare puts the previous release's figures beside the current ones.
func TestCompare(t *testing.T) {
	prev := &Report{Pages: 3, Spaces: []float64{1, 2}}
	cur := &Report{Pages: 4, Spaces: []float64{1, 1.5}, Expansions: []float64{0, 0.01}}
	s := Compare(prev, cur)
	for _, want := range []string{"| pages | 3 | 4 |", "| space / natural, body: max | 2.00 | 1.50 |", "| font expansion of body lines (lines per step) | – | +0.0%: 1, +1.0%: 1 |"} {
		if !strings.Contains(s, want) {
			t.Errorf("comparison lacks %q:\n%s", want, s)
		}
	}
}

// TestSpeakerStartsParagraph: a flush-left line beginning with a speaker's
// name and a colon begins a paragraph (a turn), so the full line before it
// at the foot of a page, itself a paragraph's first line, is no orphan.
func TestSpeakerStartsParagraph(t *testing.T) {
	full := [3]float64{54, 354, 10}
	short := [3]float64{54, 200, 5}
	p2 := strings.Replace(page([][3]float64{full, short}, nil), ">word<", ">Alpha:<", 1)
	d := doc(page([][3]float64{full, short, full}, nil), p2)
	r, err := Parse(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Orphans) != 1 {
		t.Fatalf("without speakers: orphans %v, want one", r.Orphans)
	}
	o := opts
	o.Speakers = []string{"Alpha"}
	if r, err = Parse(d, o); err != nil {
		t.Fatal(err)
	}
	if len(r.Orphans) != 0 {
		t.Errorf("with speaker Alpha: orphans %v, want none", r.Orphans)
	}
}
