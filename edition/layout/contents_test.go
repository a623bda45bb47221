package layout

import (
	"fmt"
	"strings"
	"testing"

	"edition/edition"
	"edition/internal/testbook"
)

// TestLongContents lays out a collection of 60 interviews, whose contents
// cannot fit on one page: they run on over further pages (roman folios,
// rectos and versos alternating, a running head and a folio at the head of
// each further page), a blank verso follows them if they end on a recto,
// and the body still begins on a recto with folio 1. No item of the
// contents is below the text block's last baseline, above its first, or
// outside its measure; every interview is in the contents, in order, with
// the folio of the page it opens on, as one entry linked to it.
func TestLongContents(t *testing.T) {
	b := testbook.Collection(60)
	d, err := Layout(b, "")
	if err != nil {
		t.Fatal(err)
	}
	g := d.Geometry
	const eps = 0.01
	body := -1
	for i, p := range d.Pages {
		if p.Folio == "1" {
			body = i
			break
		}
	}
	if body < 0 || !d.Pages[body].Recto() {
		t.Fatalf("the body begins on page %d, want a recto", body+1)
	}
	// The contents' pages: from v to the body, less a blank verso.
	var contents []*Page
	for i := contentsPage; i < body; i++ {
		p := &d.Pages[i]
		if p.Folio != romanNumeral(p.Number) {
			t.Errorf("page %d has folio %q, want %q", p.Number, p.Folio, romanNumeral(p.Number))
		}
		if p.Kind == Blank {
			if i != body-1 || p.Recto() || len(p.Items) > 0 {
				t.Errorf("page %d is blank (recto %v, %d items): only a verso before the body may be", p.Number, p.Recto(), len(p.Items))
			}
			continue
		}
		if p.Kind != FrontMatter {
			t.Errorf("page %d is %s, want front matter", p.Number, p.Kind)
		}
		contents = append(contents, p)
	}
	if len(contents) < 3 {
		t.Fatalf("60 interviews' contents take %d pages", len(contents))
	}
	// entry maps an element of the contents to its texts in order.
	entries := map[int][]string{}
	var order []int
	folioOf := map[string]string{} // a section's ID → the folio it opens on
	for i := body; i < len(d.Pages); i++ {
		for _, it := range d.Pages[i].Items {
			if it.Kind == DestItem && strings.HasPrefix(it.Dest.Name, "interview-") {
				folioOf[it.Dest.Name] = d.Pages[i].Folio
			}
		}
	}
	for k, p := range contents {
		left := g.Left(p.Recto())
		heads, folios := 0, 0
		for _, it := range p.Items {
			if it.Kind != RunItem && it.Kind != LinkItem {
				continue
			}
			x, y, w := it.Run.X, it.Run.Y, it.Run.W
			if it.Kind == LinkItem {
				x, y, w = it.Link.X, it.Link.Y+it.Link.H/1.05*0.8, it.Link.W // its baseline (see modelBuilder.line)
			}
			switch it.Role {
			case RunningHeadRole:
				heads++
				continue
			case FolioRole:
				folios++
				continue
			}
			if y > g.LastBaseline()+eps || y < g.FirstBaseline-eps {
				t.Errorf("page %s: %s %q at baseline %.2f, outside the text block's baselines %.2f–%.2f", p.Folio, it.Role, it.Run.Text, y, g.FirstBaseline, g.LastBaseline())
			}
			if x < left-eps || x+w > left+g.Measure+eps || x+w > g.W {
				t.Errorf("page %s: %s %q from x %.2f to %.2f, outside the measure %.2f–%.2f", p.Folio, it.Role, it.Run.Text, x, x+w, left, left+g.Measure)
			}
			if it.Kind != RunItem {
				continue
			}
			// An entry's runs are its link's, inside the entry.
			e := it.Element
			if e >= 0 && d.Elements[e].Role == LinkRole {
				e = d.Elements[e].Parent
			}
			if e < 0 || d.Elements[e].Role != TOCItemRole {
				if k > 0 || it.Role != HeadingRole {
					t.Errorf("page %s: a %s run %q in the contents", p.Folio, it.Role, it.Run.Text)
				}
				continue
			}
			if _, ok := entries[e]; !ok {
				order = append(order, e)
			}
			entries[e] = append(entries[e], it.Run.Text)
		}
		// The first page opens like a section (a drop folio); the others
		// carry a running head and a folio at the head.
		if wantHeads := min(k, 1); heads != wantHeads || folios != 1 {
			t.Errorf("contents page %s: %d running heads and %d folios, want %d and 1", p.Folio, heads, folios, wantHeads)
		}
	}
	if len(order) != len(b.Interviews) {
		t.Fatalf("%d entries in the contents, want %d", len(order), len(b.Interviews))
	}
	for k, e := range order {
		iv := &b.Interviews[k]
		el := d.Elements[e]
		texts := entries[e]
		got := strings.Join(texts[:len(texts)-1], " ")
		folio := texts[len(texts)-1]
		if el.ID != iv.ID || got != edition.PlainText(iv.Title) || folio != folioOf[iv.ID] || folio == "" {
			t.Errorf("entry %d: %s %q %s, want %s %q %s", k+1, el.ID, got, folio, iv.ID, edition.PlainText(iv.Title), folioOf[iv.ID])
		}
	}
	// The front matter is not in the page list: it begins at folio 1, as
	// with one page of contents.
	pb := d.PageBreaks()
	if len(pb) == 0 || pb[0].Folio != "1" {
		t.Errorf("the page list begins at %v", pb[:min(1, len(pb))])
	}
	want, err := PageBreaks(b, "")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(want) != fmt.Sprint(pb) {
		t.Error("PageBreaks and Document.PageBreaks differ")
	}
}
