package epub

import (
	"strings"
	"testing"

	"edition/edition"
	"edition/internal/realbook"
)

// collectionBook loads the second book of the tests: a collection of two
// interviews with block quotations and stage directions within turns.
func collectionBook(t testing.TB) *edition.Book { return realbook.Collection(t) }

// TestSecondBook renders the collection and reads it back: one chapter
// document per interview, each in the contents, the NCX and the spine, the
// first the body matter's landmark; the participants, place and date under
// each title; quotations as blockquotes within their turn; every stage
// direction, after a name or within a turn, in italics between
// parentheses.
func TestCollectionBook(t *testing.T) {
	b := collectionBook(t)
	c := checkContainer(t, render(t, &Renderer{}, b))
	nav := string(c.files["EPUB/nav.xhtml"])
	ncx := string(c.files["EPUB/toc.ncx"])
	opf := string(c.files["EPUB/package.opf"])
	turns, quotes, directions := 0, 0, 0
	for k, iv := range b.Interviews {
		name := iv.ID + ".xhtml"
		doc := string(c.files["EPUB/xhtml/"+name])
		if doc == "" {
			t.Fatalf("no %s for interview %d", name, k+1)
		}
		parse(t, name, []byte(doc))
		title := edition.PlainText(iv.Title)
		if !strings.Contains(nav, `<li><a href="xhtml/`+name+`">`+title+`</a></li>`) {
			t.Errorf("contents lack %q → %s", title, name)
		}
		if !strings.Contains(ncx, `<text>`+title+`</text></navLabel><content src="xhtml/`+name+`"/>`) {
			t.Errorf("NCX lacks %q", title)
		}
		if !strings.Contains(opf, `<itemref idref="`+iv.ID+`"/>`) {
			t.Errorf("spine lacks %s", iv.ID)
		}
		if !strings.Contains(doc, `<h1 id="`+iv.ID+`-title">`+title+`</h1>`+"\n"+`<p class="chapter-event">`) {
			t.Errorf("%s: no participants, place and date under the title", name)
		}
		if !strings.Contains(doc, iv.Event.Place+", "+strings.Replace(iv.Event.Date.Long(), " ", "\u00a0", 1)) {
			t.Errorf("%s: place and date %s, %s not given", name, iv.Event.Place, iv.Event.Date.Long())
		}
		turns += strings.Count(doc, `<div class="turn">`)
		quotes += strings.Count(doc, "<blockquote>")
		directions += strings.Count(doc, `<i class="direction">`)
	}
	want := map[string]int{}
	for _, iv := range b.Interviews {
		want["turns"] += len(iv.Turns)
		for _, turn := range iv.Turns {
			if turn.Direction != "" {
				want["directions"]++
			}
			quoting := false
			for _, p := range turn.Paragraphs {
				if p.Quotation && !quoting {
					want["quotes"]++
				}
				quoting = p.Quotation
				edition.Walk(p.Content, func(in edition.Inline) bool {
					if _, ok := in.(*edition.Direction); ok {
						want["directions"]++
					}
					return true
				})
			}
		}
	}
	got := map[string]int{"turns": turns, "quotes": quotes, "directions": directions}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d %s in the EPUB, %d in the model", got[k], k, n)
		}
	}
	if want["quotes"] != 2 || want["directions"] < 6 {
		t.Errorf("the second book should have 2 quotations and directions in and after labels: %v", want)
	}
	if !strings.Contains(nav, `<li><a epub:type="bodymatter" href="xhtml/interview-1.xhtml">`) || strings.Count(nav, `epub:type="bodymatter"`) != 1 {
		t.Error("landmarks: the body matter is not the first interview, once")
	}
	one := string(c.files["EPUB/xhtml/interview-1.xhtml"])
	for _, s := range []string{
		"<blockquote>\n<p id=\"interview-1-5\">Dear Meg,",
		"line.</p>\n</blockquote>\n<p id=\"interview-1-7\">That was all.",
		`Caslon.<a class="noteref" href="notes.xhtml#note-1" id="noteref-1" epub:type="noteref" role="doc-noteref">1</a> (<i class="direction">laughs</i>) I had`,
	} {
		if !strings.Contains(one, s) {
			t.Errorf("interview-1.xhtml lacks %q", s)
		}
	}
	if strings.Contains(string(c.files["EPUB/package.opf"]), "interview.xhtml") {
		t.Error("a collection has no interview.xhtml")
	}
}

// TestCollectionPageBreaks puts a print page break every 37 characters of
// the collection, so that breaks fall in directions and quotations, and
// checks each marker stands where the model's plain text has its offset.
func TestCollectionPageBreaks(t *testing.T) {
	b := collectionBook(t)
	var breaks []edition.PageBreak
	total := 0
	for _, p := range b.Paragraphs() {
		for at := range []rune(edition.PlainText(p.Content)) {
			if total%37 == 0 {
				breaks = append(breaks, edition.PageBreak{Folio: itoa(len(breaks) + 1), At: edition.Location{Paragraph: p.ID, Rune: at}})
			}
			total++
		}
	}
	w, err := newWriter(b, breaks)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, iv := range b.Interviews {
		for _, p := range iv.Paragraphs() {
			got := []rune(strings.TrimSuffix(markedText(t, w.paragraph(p, "", "")), "\n"))
			plain := []rune(edition.PlainText(p.Content))
			var want []rune
			for i := 0; i <= len(plain); i++ {
				for _, pb := range breaks {
					if pb.At.Paragraph == p.ID && pb.At.Rune == i {
						want = append(want, '\uE000')
						checked++
					}
				}
				if i < len(plain) {
					want = append(want, plain[i])
				}
			}
			if string(got) != string(want) {
				t.Errorf("%s:\n got %q\nwant %q", p.ID, string(got), string(want))
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d breaks checked in the interviews", checked)
	}
}
