package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"edition/edition"
	"edition/edition/linebreak"
	"edition/internal/testbook"
)

// checkMakeUp asserts the rules of page make-up on a layout and returns the
// number of pages that end with a hyphenated line.
func checkMakeUp(t *testing.T, L *pageSet) (hyphenFeet int) {
	t.Helper()
	g := L.g
	m, err := loadMetrics()
	if err != nil {
		t.Fatal(err)
	}
	var prevLast *placed
	for _, p := range L.pages {
		left := g.Left(p.recto())
		for _, pl := range append(append([]placed(nil), p.lines...), p.notes...) {
			// Ink may pass the text block's edges by what the line's
			// first and last characters may hang (protrusion), no more.
			inkLeft, inkRight := pl.x, pl.x+pl.line.width
			if len(pl.line.frags) > 0 {
				inkLeft += pl.line.frags[0].X
			}
			hangL, hangR := pl.line.hangL, pl.line.hangR
			if hangL > 0 || hangR > 0 {
				f, l := pl.line.frags[0], pl.line.frags[len(pl.line.frags)-1]
				first, _ := utf8.DecodeRuneInString(f.Text)
				last, _ := utf8.DecodeLastRuneInString(l.Text)
				maxL, _ := protrudes(m[f.Face], first, f.Size)
				_, maxR := protrudes(m[l.Face], last, l.Size)
				if hangL > maxL+1e-9 || hangR > maxR+1e-9 {
					t.Errorf("page %s: line %q… hangs %.2f/%.2f, its characters %q/%q only %.2f/%.2f",
						p.folio, firstText(pl.line), hangL, hangR, first, last, maxL, maxR)
				}
			}
			if inkLeft < left-hangL-0.01 || inkRight > left+g.Measure+hangR*(1+ExpansionLimit)+0.01 {
				t.Errorf("page %s: line %q… set from %.2f to %.2f, outside the text block %.2f–%.2f",
					p.folio, firstText(pl.line), inkLeft, inkRight, left, left+g.Measure)
			}
		}
		var body []placed
		for _, pl := range p.lines {
			if pl.count > 0 {
				body = append(body, pl)
			}
		}
		if p.kind != pageBody && p.kind != pageOpening || len(body) == 0 {
			continue
		}
		first, last := body[0], body[len(body)-1]
		if p.kind == pageBody && first.count > 1 && first.idx == first.count-1 {
			t.Errorf("page %s begins with a widow: %q", p.folio, firstText(first.line))
		}
		if last.count > 1 && last.idx == 0 {
			t.Errorf("page %s ends with an orphan: %q", p.folio, firstText(last.line))
		}
		if last.turnStart && last.count > 1 {
			t.Errorf("page %s ends with a speaker's first line alone", p.folio)
		}
		if p.kind == pageOpening && len(body) < 2 && body[0].count > 1 {
			t.Errorf("page %s: heading with fewer than two lines of text", p.folio)
		}
		if last.line.hyphenated {
			hyphenFeet++
		}
		if prevLast != nil && p.kind == pageBody && prevLast.line.para == first.line.para && prevLast.idx+1 != first.idx {
			t.Errorf("page %s: lines lost or repeated between pages", p.folio)
		}
		prevLast = &last
	}
	for n, mark := range L.markAt {
		note, ok := L.noteAt[n]
		if !ok {
			t.Errorf("note %d is not set", n)
			continue
		}
		if mark[0] != note[0] {
			t.Errorf("note %d begins on page %v, its mark is on page %v", n, note[0], mark[0])
		}
	}
	return hyphenFeet
}

func firstText(l line) string {
	var b strings.Builder
	for _, f := range l.frags {
		b.WriteString(f.Text)
		if b.Len() > 30 {
			break
		}
	}
	return b.String()
}

func TestLayoutRealBook(t *testing.T) {
	for _, trim := range []string{"", "a5", "6x9in"} {
		t.Run(trim, func(t *testing.T) {
			L, err := makePages(realBook(t), trim)
			if err != nil {
				t.Fatal(err)
			}
			if h := checkMakeUp(t, L); h > 0 {
				t.Errorf("%d pages end with a hyphenated line", h)
			}
			if len(L.noteAt) != len(realBook(t).Notes) {
				t.Errorf("%d notes set, want %d", len(L.noteAt), len(realBook(t).Notes))
			}
		})
	}
}

// TestLongNoteSplits cites a note far too long for the room left on its
// mark's page: it must begin there and continue at the next page's foot.
func TestLongNoteSplits(t *testing.T) {
	b := testbook.Book([][]int{{6}, {6, 4}, {5}}, []int{30}, map[string]int{"interview-2": 1})
	L, err := makePages(b, "")
	if err != nil {
		t.Fatal(err)
	}
	checkMakeUp(t, L)
	var pagesWithNote []string
	for _, p := range L.pages {
		for _, nl := range p.notes {
			if nl.line.para == "note-1-1" {
				pagesWithNote = append(pagesWithNote, p.folio)
				break
			}
		}
	}
	if len(pagesWithNote) < 2 {
		t.Fatalf("the long note is on pages %v, want it split over two or more", pagesWithNote)
	}
	mark := L.pages[int(L.markAt[1][0])-1].folio
	if pagesWithNote[0] != mark {
		t.Errorf("the note begins on page %s, its mark is on page %s", pagesWithNote[0], mark)
	}
	// Every line of the note is set once, in order.
	total := 0
	for _, p := range L.pages {
		for _, nl := range p.notes {
			if nl.line.para == "note-1-1" {
				total++
			}
		}
	}
	b2 := newFlow(t, b)
	if want := len(b2.notes[1]); total != want {
		t.Errorf("%d lines of the note set, want %d", total, want)
	}
}

// fixtureFlow is a flow builder at the trim, with the book's line-breaking
// parameters, for the fixture books of package testbook (speakers a and b).
func fixtureFlow(t testing.TB, trim string) *flowBuilder {
	t.Helper()
	g, err := NewGeometry(trim)
	if err != nil {
		t.Fatal(err)
	}
	m, err := loadMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return &flowBuilder{g: g, m: m, params: bookParams(g), notes: map[int][]noteLine{}, speakers: map[string]string{"a": "Alpha", "b": "Bert Beta"}}
}

// newFlow sets the book's rows and notes without making up pages.
func newFlow(t *testing.T, b *edition.Book) *flowBuilder {
	t.Helper()
	fb := fixtureFlow(t, "")
	fb.params = paramsForTest()
	fb.section(&b.Preface)
	fb.interview(&b.Interviews[0], nil)
	fb.setParagraphs()
	for i := range b.Notes {
		fb.note(&b.Notes[i])
	}
	return fb
}

// TestWidowsOrphans runs make-up over many paragraph lengths, so that
// paragraphs of every length meet the page foot at every position.
func TestWidowsOrphans(t *testing.T) {
	var turns [][]int
	for i := 1; i <= 30; i++ {
		turns = append(turns, []int{i%4 + 1, (i*7)%5 + 1})
	}
	b := testbook.Book(turns, []int{1, 3}, map[string]int{"interview-9": 1, "interview-30": 2})
	L, err := makePages(b, "")
	if err != nil {
		t.Fatal(err)
	}
	checkMakeUp(t, L)
	if L.Len() < 12 {
		t.Errorf("only %d pages: the fixture should run over several", L.Len())
	}
}

// TestSpeakerNotAloneAtFoot makes turns of one long paragraph start at
// every line of a page: none may leave its first line alone at the foot.
func TestSpeakerNotAloneAtFoot(t *testing.T) {
	var turns [][]int
	for i := 0; i < 40; i++ {
		turns = append(turns, []int{1 + i%3})
	}
	L, err := makePages(testbook.Book(turns, nil, nil), "")
	if err != nil {
		t.Fatal(err)
	}
	checkMakeUp(t, L)
}

func TestPageBreaks(t *testing.T) {
	b := realBook(t)
	L, err := makePages(b, "")
	if err != nil {
		t.Fatal(err)
	}
	plain := map[string][]rune{}
	for _, p := range b.Paragraphs() {
		plain[p.ID] = []rune(edition.PlainText(p.Content))
	}
	pbs, err := PageBreaks(b, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pbs) < 10 {
		t.Fatalf("%d page breaks", len(pbs))
	}
	if pbs[0].Folio != "1" || pbs[0].At != (edition.Location{Paragraph: b.Preface.Paragraphs[0].ID}) {
		t.Errorf("first page break %+v, want folio 1 at the preface's start", pbs[0])
	}
	for _, pb := range pbs {
		text, ok := plain[pb.At.Paragraph]
		if !ok || pb.At.Rune < 0 || pb.At.Rune >= len(text) {
			t.Errorf("page %s: location %+v is not in the text", pb.Folio, pb.At)
			continue
		}
		// The page's first line begins with the characters at the location.
		var p *page
		for _, q := range L.pages {
			if q.folio == pb.Folio {
				p = q
			}
		}
		var first line
		for _, pl := range p.lines {
			if pl.count > 0 {
				first = pl.line
				break
			}
		}
		got := string(text[pb.At.Rune:])
		var want string
		for _, f := range first.frags {
			if f.refs().Note == 0 && f.label == noLabel && f.Text != "" && f.Text != "-" {
				want = f.Text
				break
			}
		}
		if want != "" && !strings.HasPrefix(got, want) && !strings.Contains(got[:min(len(got), 60)], want) {
			t.Errorf("page %s: text at %+v is %q…, the page begins with %q", pb.Folio, pb.At, got[:min(len(got), 30)], want)
		}
	}
}

func TestMissingGlyph(t *testing.T) {
	b := testbook.Book([][]int{{1}}, nil, nil)
	b.Interviews[0].Turns[0].Paragraphs[0].Content = append(b.Interviews[0].Turns[0].Paragraphs[0].Content,
		&edition.Text{Text: " 中文", Pos: edition.Pos{File: "interview.md", Line: 7, Col: 3}})
	_, err := makePages(b, "")
	list, ok := err.(edition.ErrorList)
	if !ok {
		t.Fatalf("error %v (%T), want an edition.ErrorList", err, err)
	}
	msg := list.Error()
	for _, want := range []string{"interview.md:7:3", "U+4E2D", "中", "U+6587"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not name %q", msg, want)
		}
	}
}

func TestTrims(t *testing.T) {
	for trim, w := range map[string]float64{"": 396, "5.5x8.5in": 396, "a5": 419.53, "6x9in": 432} {
		g, err := NewGeometry(trim)
		if err != nil {
			t.Fatal(err)
		}
		if g.W < w-0.01 || g.W > w+0.01 {
			t.Errorf("trim %q: width %.2f, want %.2f", trim, g.W, w)
		}
		if g.Inner <= g.Outer {
			t.Errorf("trim %q: inner margin %.1f not wider than outer %.1f", trim, g.Inner, g.Outer)
		}
	}
	if _, err := NewGeometry("letter"); err == nil {
		t.Error("unknown trim accepted")
	}
}

func paramsForTest() linebreak.Params { g, _ := NewGeometry(""); return bookParams(g) }

// TestEmptyBook lays out a book with no turns, no notes and an empty
// preface without failing.
func TestEmptyBook(t *testing.T) {
	b := testbook.Book(nil, nil, nil)
	b.Preface.Paragraphs = nil
	b.Preface.Signature = nil
	d, err := Layout(b, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.PageBreaks()) != 1 { // the colophon's one paragraph
		t.Errorf("page breaks %+v, want the colophon's page only", d.PageBreaks())
	}
}
