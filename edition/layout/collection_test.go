package layout

import (
	"strings"
	"testing"

	"edition/edition"
	"edition/internal/realbook"
)

// collectionBook loads the second book of the tests: two interviews, block
// quotations, stage directions within turns, A5.
func collectionBook(t testing.TB) *edition.Book { return realbook.Collection(t) }

// lineText is the text of a set line, without its spaces (which are glue,
// not runs).
func lineText(l line) string {
	var b strings.Builder
	for _, f := range l.frags {
		b.WriteString(f.Text)
	}
	return b.String()
}

// TestCollectionOpensEachInterview lays out the second book: each interview
// opens a recto like a section, with its title, the participants on one
// line and the place and date on the next under it; each is in the
// contents with the folio it opens on, and in the outline.
func TestCollectionOpensEachInterview(t *testing.T) {
	b := collectionBook(t)
	L, err := makePages(b, "")
	if err != nil {
		t.Fatal(err)
	}
	if L.g.Trim != "a5" {
		t.Errorf("trim %q, want the metadata's a5", L.g.Trim)
	}
	var contents []string
	for _, pl := range L.pages[4].lines {
		contents = append(contents, lineText(pl.line))
	}
	all := strings.Join(contents, "|")
	for k, iv := range b.Interviews {
		title := edition.PlainText(iv.Title)
		n := L.opening[iv.ID]
		if n == 0 {
			t.Fatalf("%s opens no page", iv.ID)
		}
		p := L.pages[n-1]
		if !p.recto() || p.kind != pageOpening || p.bookmark != title {
			t.Errorf("%s opens page %d (recto %v, kind %d, bookmark %q), want a recto opening bookmarked %q",
				iv.ID, n, p.recto(), p.kind, p.bookmark, title)
		}
		var texts []string
		for _, pl := range p.lines {
			texts = append(texts, lineText(pl.line))
		}
		joined := strings.Join(texts, "|")
		want := title + "|" + []string{
			"Margaret Ng, Alan Durand and Björn Åkesson.|London, 14\u00a0March 1998.|",
			"Margaret Ng and Alan Durand.|Hastings, 2\u00a0November 1999.|",
		}[k]
		want = strings.Join(strings.Fields(strings.ReplaceAll(want, "\u00a0", " ")), "")
		if !strings.HasPrefix(joined, want) {
			t.Errorf("%s: the opening page begins %q, want %q", iv.ID, joined[:min(len(joined), len(want)+20)], want)
		}
		if !strings.Contains(all, strings.ReplaceAll(title, " ", "")+"|"+p.folio) {
			t.Errorf("contents %q lack %q with folio %s", all, title, p.folio)
		}
	}
}

// TestCollectionQuotationsAndDirections checks how the second book's
// quotations and directions are set: a quotation a point smaller,
// indented by the paragraph indent on both sides, on the body's grid; a
// direction within a turn in italics with its parentheses.
func TestCollectionQuotationsAndDirections(t *testing.T) {
	b := collectionBook(t)
	L, err := makePages(b, "")
	if err != nil {
		t.Fatal(err)
	}
	quoted := map[string]bool{}
	for _, iv := range b.Interviews {
		for _, p := range iv.Paragraphs() {
			quoted[p.ID] = p.Quotation
		}
	}
	g := L.g
	quoteLines, directions := 0, 0
	for _, p := range L.pages {
		left := g.Left(p.recto())
		for _, pl := range p.lines {
			if _, ok := quoted[pl.line.para]; !ok {
				continue
			}
			if quoted[pl.line.para] {
				quoteLines++
				if d := pl.x - left; d < g.Indent-0.01 || d > g.Indent+0.01 {
					t.Errorf("%s: quotation line at %.2f from the left, want %.2f", pl.line.para, d, g.Indent)
				}
				// Punctuation that hangs into the margins (optical margin
				// alignment) is not part of the measure.
				if w := pl.line.width - pl.line.hangL - pl.line.hangR; w > g.Measure-2*g.Indent+0.01 {
					t.Errorf("%s: quotation line %.2f wide, beyond the measure less two indents", pl.line.para, w)
				}
				for _, f := range pl.line.frags {
					if f.refs().Note == 0 && f.Size != g.Size-quoteSize {
						t.Errorf("%s: %q set at %.1f pt, want %.1f", pl.line.para, f.Text, f.Size, g.Size-quoteSize)
					}
				}
			} else if pl.x != left {
				t.Errorf("%s: body line at %.2f, not at the left of the text block", pl.line.para, pl.x-left)
			}
			for _, f := range pl.line.frags {
				if strings.Contains(f.Text, "laughs") || strings.Contains(f.Text, "Åkesson)") {
					directions++
					if f.Face&Italic == 0 {
						t.Errorf("direction %q not in italics", f.Text)
					}
				}
			}
			if off := (pl.y - g.FirstBaseline) / g.Leading; off != float64(int(off)) {
				t.Errorf("%s: baseline off the grid (%.3f lines)", pl.line.para, off)
			}
		}
	}
	if quoteLines < 5 || directions < 2 {
		t.Errorf("%d quotation lines and %d direction runs found, want at least 5 and 2", quoteLines, directions)
	}
}

// TestCollectionRunningHeads lays out a longer collection (the second
// book's turns repeated), so that each interview runs over several pages:
// a recto's head is the title of the interview it shows, a verso's the
// book's short title.
func TestCollectionRunningHeads(t *testing.T) {
	b := longCollection(t)
	L, err := makePages(b, "")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	current := ""
	for _, p := range L.pages[FrontPages:] {
		if p.kind == pageOpening {
			current = p.bookmark
			continue
		}
		if p.kind != pageBody {
			continue
		}
		want := L.cite.ShortTitle
		if p.recto() {
			want = current
		}
		if p.head != want {
			t.Errorf("page %s: head %q, want %q", p.folio, p.head, want)
		}
		seen[p.head]++
	}
	for _, iv := range b.Interviews {
		if seen[edition.PlainText(iv.Title)] == 0 {
			t.Errorf("no recto is headed %q", edition.PlainText(iv.Title))
		}
	}
}

// TestCollectionPageStarts checks, on the longer collection, that the
// offset each set line records (from which the layout says where each page
// begins, for the EPUB's page list) is the text the line sets, directions
// and quotations included.
func TestCollectionPageStarts(t *testing.T) {
	b := longCollection(t)
	L, err := makePages(b, "")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, p := range L.pages {
		if p.kind != pageBody && p.kind != pageOpening {
			continue
		}
		for _, pl := range p.lines {
			para := paragraphByID(b, pl.line.para)
			if para == nil {
				continue // a title
			}
			var set strings.Builder
			for _, f := range pl.line.frags {
				if (f.label == noLabel || f.refs().dir > 0) && f.refs().Note == 0 { // a direction within the text is part of it
					set.WriteString(f.Text)
				}
			}
			// The offset counts spaces; the runs do not hold them.
			text := []rune(edition.PlainText(para.Content))
			rest := []rune(strings.Join(strings.Fields(string(text[pl.line.rune:])), ""))
			got := []rune(strings.TrimSuffix(set.String(), "-"))
			n := min(len(got), 12)
			if string(rest[:min(n, len(rest))]) != string(got[:n]) {
				t.Errorf("page %s: line at %s+%d = %q, but it sets %q", p.folio, pl.line.para, pl.line.rune, string(rest[:min(n, len(rest))]), string(got[:n]))
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d lines checked", checked)
	}
}

func paragraphByID(b *edition.Book, id string) *edition.Paragraph {
	for _, p := range b.Paragraphs() {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// longCollection is the second book with each interview's turns repeated
// twelve times (without their note marks), so that each runs over several
// pages.
func longCollection(t *testing.T) *edition.Book {
	b := collectionBook(t)
	for k := range b.Interviews {
		iv := &b.Interviews[k]
		turns := iv.Turns
		for n := 0; n < 12; n++ {
			for _, turn := range turns {
				c := turn
				c.Paragraphs = nil
				for _, p := range turn.Paragraphs {
					if len(edition.PlainText(p.Content)) > 0 && !hasNote(p) {
						p.ID = p.ID + "-" + string(rune('a'+n))
						c.Paragraphs = append(c.Paragraphs, p)
					}
				}
				if len(c.Paragraphs) > 0 {
					iv.Turns = append(iv.Turns, c)
				}
			}
		}
	}
	return b
}

func hasNote(p edition.Paragraph) bool {
	found := false
	edition.Walk(p.Content, func(in edition.Inline) bool {
		if _, ok := in.(*edition.NoteRef); ok {
			found = true
		}
		return true
	})
	return found
}
