package epub

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"edition/edition"
)

// fixtureBreaks are fabricated print pages for the fixture: at the start of
// a turn, inside a quotation (on its opening mark and inside the nested one),
// in a note and at the end of a paragraph.
func fixtureBreaks() []edition.PageBreak {
	return []edition.PageBreak{
		{Folio: "vii", At: edition.Location{Paragraph: "preface-2", Rune: 13}}, // on “
		{Folio: "1", At: edition.Location{Paragraph: "interview-1", Rune: 0}},
		{Folio: "2", At: edition.Location{Paragraph: "interview-2", Rune: 55}}, // inside ‘thyself’
		{Folio: "3", At: edition.Location{Paragraph: "interview-3", Rune: 30}},
		{Folio: "4", At: edition.Location{Paragraph: "note-2-2", Rune: 5}},
		{Folio: "5", At: edition.Location{Paragraph: "note-3-1", Rune: 39}}, // end
	}
}

// sourceBreaks fabricates a page every 1,500 characters of the real book,
// as the print renderer will report them.
func sourceBreaks(b *edition.Book) []edition.PageBreak {
	var out []edition.PageBreak
	total, folio := 0, 1
	for _, p := range b.Paragraphs() {
		n := utf8.RuneCountInString(edition.PlainText(p.Content))
		for at := 0; at < n; at++ {
			if total%1500 == 0 {
				out = append(out, edition.PageBreak{Folio: strconv.Itoa(folio), At: edition.Location{Paragraph: p.ID, Rune: at}})
				folio++
			}
			total++
		}
	}
	return out
}

// markedText returns the text of the snippet with U+E000 where each page
// break marker stands, leaving out the note marks' numbers.
func markedText(t *testing.T, snippet string) string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(`<r xmlns:epub="http://www.idpf.org/2007/ops">` + snippet + `</r>`))
	var b strings.Builder
	skip := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%v in %s", err, snippet)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if attrs["role"] == "doc-pagebreak" {
				b.WriteRune('\uE000')
			}
			if attrs["role"] == "doc-noteref" || skip > 0 {
				skip++
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
			}
		case xml.CharData:
			if skip == 0 {
				b.Write(tok)
			}
		}
	}
	return b.String()
}

// TestPageBreakOffsets puts a page break at every offset of every paragraph
// of the fixture, and checks the marker stands exactly where the model's
// plain text has that offset (after the speaker's label or the note's
// number when the offset is not 0, before them when it is).
func TestPageBreakOffsets(t *testing.T) {
	b := fixture()
	for _, p := range b.Paragraphs() {
		plain := []rune(edition.PlainText(p.Content))
		for k := 0; k <= len(plain); k++ {
			w, err := newWriter(b, []edition.PageBreak{{Folio: "9", At: edition.Location{Paragraph: p.ID, Rune: k}}})
			if err != nil {
				t.Fatal(err)
			}
			const prefix = `<b class="speaker">Stalin</b>: `
			got := []rune(strings.TrimSuffix(markedText(t, w.paragraph(p, "", prefix)), "\n"))
			want := append([]rune("Stalin: "), plain[:k]...)
			want = append(want, '\uE000')
			want = append(want, plain[k:]...)
			if k == 0 {
				want = append([]rune{'\uE000'}, append([]rune("Stalin: "), plain...)...)
			}
			if string(got) != string(want) {
				t.Fatalf("%s at %d:\n got %q\nwant %q", p.ID, k, string(got), string(want))
			}
			if err := w.checkBreaks(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestPageBreaks(t *testing.T) {
	data := render(t, &Renderer{PageBreaks: fixtureBreaks()}, fixture())
	c := checkContainer(t, data)
	all := ""
	for name, f := range c.files {
		if strings.HasPrefix(name, "EPUB/xhtml/") {
			all += string(f)
		}
	}
	for _, pb := range fixtureBreaks() {
		marker := `<span id="page-` + pb.Folio + `" role="doc-pagebreak" epub:type="pagebreak" aria-label="` + pb.Folio + `"></span>`
		if strings.Count(all, marker) != 1 {
			t.Errorf("page %s: marker %s not found once", pb.Folio, marker)
		}
	}
	iv := string(c.files["EPUB/xhtml/interview.xhtml"])
	for _, want := range []string{
		`<p id="interview-1"><span id="page-1" `, // before the speaker
		`help ‘thys<span id="page-2" `,           // inside the nested quotation
	} {
		if !strings.Contains(iv, want) {
			t.Errorf("interview.xhtml lacks %q", want)
		}
	}
	if !strings.Contains(string(c.files["EPUB/xhtml/preface.xhtml"]), `The story of <span id="page-vii" role="doc-pagebreak" epub:type="pagebreak" aria-label="vii"></span>“Stalin`) {
		t.Error("preface: page vii not before the opening quotation mark")
	}

	// The page-list in reading order, every folio once.
	nav := string(c.files["EPUB/nav.xhtml"])
	i := strings.Index(nav, `epub:type="page-list"`)
	if i < 0 {
		t.Fatal("nav: no page-list")
	}
	var folios []string
	for _, e := range parse(t, "nav", []byte(nav)) {
		if strings.Contains(e.attrs["href"], "#page-") {
			folios = append(folios, e.attrs["href"][strings.Index(e.attrs["href"], "#page-")+6:])
		}
	}
	if got := strings.Join(folios, " "); got != "vii 1 2 3 4 5" {
		t.Errorf("page-list %q, want reading order vii 1 2 3 4 5", got)
	}

	m := readOPF(t, c.files["EPUB/package.opf"])
	var src string
	for _, s := range m.Metadata.Sources {
		if s.ID == "pagination-source" {
			src = s.Value
		}
	}
	if src == "" || strings.Join(m.values("#pagination-source", "source-of"), "") != "pagination" {
		t.Errorf("no pagination source: %q %v", src, m.values("#pagination-source", "source-of"))
	}
	features := strings.Join(m.values("", "schema:accessibilityFeature"), " ")
	for _, f := range []string{"pageBreakMarkers", "pageNavigation"} {
		if !strings.Contains(features, f) {
			t.Errorf("features %q lack %s", features, f)
		}
	}

	// Without page breaks: no page-list, no pagination source.
	plain := unzip(t, render(t, &Renderer{}, fixture()))
	if bytes.Contains(plain.files["EPUB/nav.xhtml"], []byte("page-list")) ||
		bytes.Contains(plain.files["EPUB/package.opf"], []byte("pagination")) {
		t.Error("page-list or pagination source without page breaks")
	}
}

func TestPageBreakErrors(t *testing.T) {
	for _, tc := range []struct {
		breaks []edition.PageBreak
		want   string
	}{
		{[]edition.PageBreak{{Folio: "1", At: edition.Location{Paragraph: "nowhere"}}}, `no paragraph "nowhere"`},
		{[]edition.PageBreak{{Folio: "1", At: edition.Location{Paragraph: "interview-4", Rune: 13}}}, "beyond the 12 characters"},
		{[]edition.PageBreak{{Folio: "1", At: edition.Location{Paragraph: "interview-4"}}, {Folio: "1", At: edition.Location{Paragraph: "interview-1"}}}, "folio given twice"},
	} {
		var buf bytes.Buffer
		err := (&Renderer{PageBreaks: tc.breaks}).Render(&buf, fixture())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.breaks, err, tc.want)
		}
	}
}
