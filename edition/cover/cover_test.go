package cover

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"edition/edition"
)

func book() *edition.Book {
	return &edition.Book{Meta: edition.Metadata{
		Language:         "en",
		OriginalLanguage: "fr",
		Title:            "Interview of Stalin by Romain Rolland & <Others>",
		Subtitle:         "The Official Text, Moscow, 28\u00a0June 1935",
		People: []edition.Person{
			{Key: "stalin", Name: "Joseph Stalin", Roles: []edition.Role{edition.Interviewee}},
			{Key: "rolland", Name: "Romain Rolland", Roles: []edition.Role{edition.Interviewer}},
			{Key: "gruenthal", Name: "George Gruenthal", Roles: []edition.Role{edition.Translator, edition.PrefaceWriter, edition.Annotator}},
		},
		Interview: edition.Event{Date: edition.Date{Year: 1935, Month: 6, Day: 28}, Place: "Moscow"},
	}}
}

// texts parses the SVG strictly and returns its text elements' contents.
func texts(t *testing.T, svg []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	var out []string
	in := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("cover is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == "text"
			if tok.Name.Local == "script" {
				t.Error("cover has a script")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				out = append(out, string(tok))
			}
		}
	}
}

func TestSVG(t *testing.T) {
	svg := SVG(book())
	if !bytes.Equal(svg, SVG(book())) {
		t.Error("two covers of one book differ")
	}
	all := strings.Join(texts(t, svg), " | ")
	for _, want := range []string{
		"Interview of Stalin", "& <Others>", // escaped, wrapped
		"JOSEPH STALIN", "interviewee", "ROMAIN ROLLAND", "interviewer",
		"28\u00a0June 1935",
		"Translated from the French, with a preface and notes,", "by George Gruenthal",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("cover text lacks %q:\n%s", want, all)
		}
	}
	// The date is in the subtitle, so it is not set twice.
	if strings.Count(strings.ReplaceAll(all, "\u00a0", " "), "28 June 1935") != 1 {
		t.Errorf("date set twice: %s", all)
	}
	if !bytes.Contains(svg, []byte("<title id=\"cover-title\">Cover: ")) {
		t.Error("cover has no title for assistive technology")
	}
}

func TestWrap(t *testing.T) {
	for _, size := range []int{60, 100, 150} {
		for _, l := range wrap("Interview of Stalin by Romain Rolland, with Many More Words to Wrap", size, Width-2*margin) {
			if strings.Contains(l, " ") && textWidth(l, size) > Width-2*margin {
				t.Errorf("size %d: line %q is %d wide, more than %d", size, l, textWidth(l, size), Width-2*margin)
			}
		}
	}
}

func TestDescription(t *testing.T) {
	got := Description(book())
	want := "Cover: Interview of Stalin by Romain Rolland & <Others>: The Official Text, Moscow, 28\u00a0June 1935. Joseph Stalin (interviewee). Romain Rolland (interviewer). Translated from the French, with a preface and notes, by George Gruenthal."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
