package edition

import (
	"errors"
	"testing"
)

func TestPosString(t *testing.T) {
	for _, c := range []struct {
		pos  Pos
		want string
	}{
		{Pos{}, "-"},
		{Pos{File: "a.md"}, "a.md"},
		{Pos{File: "a.md", Line: 3}, "a.md:3"},
		{Pos{File: "a.md", Line: 3, Col: 7}, "a.md:3:7"},
	} {
		if got := c.pos.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.pos, got, c.want)
		}
	}
}

func TestErrorListSortsAndJoins(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Fatal("an empty list is an error")
	}
	l.Add(Pos{File: "b.md", Line: 1, Col: 1}, "second file")
	l.Add(Pos{File: "a.md", Line: 9, Col: 2}, "later line")
	l.Add(Pos{File: "a.md", Line: 2, Col: 5}, "z message")
	l.Add(Pos{File: "a.md", Line: 2, Col: 5}, "a message")
	err := l.Err()
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 4 {
		t.Fatalf("Err() = %v, want the list of 4", err)
	}
	want := "a.md:2:5: a message\na.md:2:5: z message\na.md:9:2: later line\nb.md:1:1: second file"
	if err.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", err.Error(), want)
	}
}

func TestPlainTextWritesQuotesAndSkipsNoteMarks(t *testing.T) {
	content := []Inline{
		&Text{Text: "He said "},
		&Quoted{Content: []Inline{
			&Text{Text: "read "},
			&Emphasis{Content: []Inline{&Quoted{Kind: SingleQuote, Content: []Inline{&Text{Text: "Capital"}}}}},
		}},
		&NoteRef{Label: "n", Number: 1},
		&Text{Text: " at "},
		&Link{URL: "http://x.org", Content: []Inline{&Text{Text: "x.org"}}},
		&Foreign{Lang: "fr", Content: []Inline{&Text{Text: " à Moscou"}}},
	}
	want := "He said “read ‘Capital’” at x.org à Moscou"
	if got := PlainText(content); got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}

func TestWalkVisitsParentsFirstAndCanPrune(t *testing.T) {
	content := []Inline{
		&Emphasis{Content: []Inline{&Text{Text: "a"}}},
		&Quoted{Content: []Inline{&Text{Text: "b"}}},
	}
	var seen []string
	Walk(content, func(in Inline) bool {
		switch n := in.(type) {
		case *Text:
			seen = append(seen, n.Text)
		case *Emphasis:
			seen = append(seen, "em")
		case *Quoted:
			seen = append(seen, "q")
			return false
		}
		return true
	})
	if got := len(seen); got != 3 || seen[0] != "em" || seen[1] != "a" || seen[2] != "q" {
		t.Errorf("Walk visited %v, want [em a q]", seen)
	}
}

func TestDateFormats(t *testing.T) {
	for _, c := range []struct {
		d         Date
		iso, long string
	}{
		{Date{}, "", ""},
		{Date{Year: 2017}, "2017", "2017"},
		{Date{Year: 1935, Month: 6}, "1935-06", "June 1935"},
		{Date{Year: 1935, Month: 6, Day: 28}, "1935-06-28", "28 June 1935"},
	} {
		if got := c.d.String(); got != c.iso {
			t.Errorf("%v.String() = %q, want %q", c.d, got, c.iso)
		}
		if got := c.d.Long(); got != c.long {
			t.Errorf("%v.Long() = %q, want %q", c.d, got, c.long)
		}
	}
}

func TestParagraphsVisitsEveryParagraphOnceInReadingOrder(t *testing.T) {
	b := &Book{
		Preface: Section{Paragraphs: []Paragraph{{ID: "p1"}}, Signature: &Paragraph{ID: "sig"}},
		Interviews: []Interview{
			{Turns: []Turn{{Paragraphs: []Paragraph{{ID: "i1"}, {ID: "i2"}}}, {Paragraphs: []Paragraph{{ID: "i3"}}}}},
			{Turns: []Turn{{Paragraphs: []Paragraph{{ID: "j1", Quotation: true}}}}},
		},
		Colophon: Section{Paragraphs: []Paragraph{{ID: "c1"}}},
		Notes:    []Note{{Number: 1, Paragraphs: []Paragraph{{ID: "n1"}}}},
	}
	var ids []string
	for _, p := range b.Paragraphs() {
		ids = append(ids, p.ID)
	}
	want := "p1 sig i1 i2 i3 j1 c1 n1"
	if got := join(ids); got != want {
		t.Errorf("Paragraphs() = %s, want %s", got, want)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestISBNDigits(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"978-0-306-40615-7", "9780306406157", true},
		{"9780306406157", "9780306406157", true},
		{"urn:isbn:978-1-86197-271-2", "9781861972712", true},
		{"979 10 90636 07 1", "9791090636071", true},
		{"978-0-306-40615-8", "", false}, // check digit
		{"977-0-306-40615-7", "", false}, // prefix
		{"978-0-306-4061-57-", "", false},
		{"978--0306406157", "", false},
		{"0-306-40615-2", "", false}, // ISBN-10
		{"978030640615X", "", false},
	} {
		got, ok := ISBNDigits(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ISBNDigits(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestRelators(t *testing.T) {
	if n := len(Relators()); n < 250 {
		t.Errorf("%d relator codes, want the whole MARC list", n)
	}
	for r, label := range map[Role]string{Interviewee: "Interviewee", PrefaceWriter: "Writer of preface", "ctb": "Contributor", "rce": "Recording engineer"} {
		if !r.Known() || r.Label() != label {
			t.Errorf("%s: known %v, label %q; want %q", r, r.Known(), r.Label(), label)
		}
	}
	if Role("xyz").Known() {
		t.Error("xyz is known")
	}
}
