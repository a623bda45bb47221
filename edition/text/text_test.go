package text

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"edition/edition"
	"edition/edition/load"
	"edition/internal/realbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func fixture() *edition.Book {
	return &edition.Book{
		Meta: edition.Metadata{
			Slug: "fixture", Identifier: "urn:uuid:00000000-0000-4000-8000-000000000000",
			Version: "1.0.0", Language: "en", Title: "A Talk", Subtitle: "The Text",
			People: []edition.Person{
				{Key: "a", Name: "Ann Able", Speaker: "Able", Roles: []edition.Role{edition.Interviewee}},
				{Key: "b", Name: "Bob Baker", Speaker: "Baker", Roles: []edition.Role{edition.Interviewer}},
				{Key: "t", Name: "Tom Turner", Roles: []edition.Role{edition.Translator, edition.Annotator}},
			},
			Rights: "Translation © 2017 Tom Turner.",
		},
		Preface: edition.Section{
			ID:    "preface",
			Title: []edition.Inline{&edition.Text{Text: "Preface"}},
			Paragraphs: []edition.Paragraph{{ID: "preface-1", Content: []edition.Inline{
				&edition.Text{Text: "It was 50°\u00a0to\u00a060° cold, said "},
				&edition.Emphasis{Content: []edition.Inline{&edition.Text{Text: "The Book"}}},
				&edition.Text{Text: "."},
				&edition.NoteRef{Label: "n", Number: 1},
			}}},
			Signature: &edition.Paragraph{ID: "preface-signature", Content: []edition.Inline{&edition.Text{Text: "Tom Turner, 2017"}}},
		},
		Interviews: []edition.Interview{{
			ID:    "interview",
			Title: []edition.Inline{&edition.Text{Text: "The Talk"}},
			Turns: []edition.Turn{
				{Speaker: "a", Paragraphs: []edition.Paragraph{{ID: "interview-1", Content: []edition.Inline{
					&edition.Quoted{Content: []edition.Inline{&edition.Text{Text: "Hello"}}},
					&edition.Text{Text: " — she said."},
				}}}},
				{Speaker: "b", Direction: "smiling", Paragraphs: []edition.Paragraph{
					{ID: "interview-2", Content: []edition.Inline{&edition.Text{Text: "Good day."}}},
					{ID: "interview-3", Content: []edition.Inline{&edition.Text{Text: "See "},
						&edition.Link{URL: "http://example.org/a/very/long/address/that/cannot/be/broken/at/all/anywhere/x", Content: []edition.Inline{&edition.Text{Text: "http://example.org/a/very/long/address/that/cannot/be/broken/at/all/anywhere/x"}}}}},
				}},
			},
		}},
		Colophon: edition.Section{ID: "colophon", Title: []edition.Inline{&edition.Text{Text: "Note on the Text"}},
			Paragraphs: []edition.Paragraph{{ID: "colophon-1", Content: []edition.Inline{&edition.Text{Text: "Official text."}}}}},
		Notes: []edition.Note{{Label: "n", Number: 1, Paragraphs: []edition.Paragraph{
			{ID: "note-1-1", Content: []edition.Inline{&edition.Text{Text: "A note long enough to wrap onto a second line of the narrow measure used here."}}},
			{ID: "note-1-2", Content: []edition.Inline{&edition.Text{Text: "Its second paragraph."}}},
		}}},
	}
}

func render(t *testing.T, b *edition.Book, width int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := (&Renderer{Width: width}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestFixtureGolden(t *testing.T) {
	golden(t, "fixture.txt", render(t, fixture(), 40))
}

func TestBookGolden(t *testing.T) {
	b, err := load.Dir("../../source")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "book.txt", render(t, b, 72))
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the rendering; diff with go test -update and git diff", path)
	}
}

func TestLinesFitTheMeasure(t *testing.T) {
	out := render(t, fixture(), 40)
	for i, line := range strings.Split(out, "\n") {
		n := utf8.RuneCountInString(line)
		if n > 40 && strings.Contains(strings.TrimSpace(line), " ") {
			t.Errorf("line %d has %d characters and could have been broken: %q", i+1, n, line)
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, line)
		}
	}
}

func TestNoBreakSpacesHold(t *testing.T) {
	out := render(t, fixture(), 12)
	if !strings.Contains(out, "50°\u00a0to\u00a060°") {
		t.Errorf("a no-break space was broken:\n%s", out)
	}
}

func TestMarksSpeakersAndNotes(t *testing.T) {
	out := render(t, fixture(), 72)
	for _, want := range []string{
		"ABLE: “Hello” — she said.",
		"BAKER (smiling): Good day.",
		"_The Book_.[1]",
		"[1] A note long enough",
		"    Its second paragraph.",
		"Translated, with notes, by",
		"HOW TO CITE THIS EDITION",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text edition lacks %q", want)
		}
	}
}

func TestBookKeepsEveryNoteInOrder(t *testing.T) {
	b, err := load.Dir("../../source")
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, b, 72)
	last := -1
	for n := 1; n <= len(b.Notes); n++ {
		mark := "[" + string(rune('0'+n)) + "]"
		i := strings.Index(out, mark)
		if i < 0 || i < last {
			t.Fatalf("mark %s missing or out of order", mark)
		}
		last = i
	}
	if len(b.Notes) != 8 {
		t.Errorf("book has %d notes, want 8", len(b.Notes))
	}
	if !utf8.ValidString(out) {
		t.Error("text edition is not valid UTF-8")
	}
}

// TestCollection renders the second book of the tests, a collection of two
// interviews: a heading for each interview with its participants, place
// and date under it, quotations indented four spaces (every line of them),
// stage directions in parentheses where they stand in the turn.
func TestCollection(t *testing.T) {
	b := realbook.Collection(t)
	out := render(t, b, 72)
	golden(t, "collection.txt", out)
	for _, want := range []string{
		"THE WORKSHOP IN HACKNEY\n-----------------------\n\nMargaret Ng, Alan Durand and Björn Åkesson. London, 14\u00a0March 1998.\n",
		"THE LAST COMMISSION\n-------------------\n\nMargaret Ng and Alan Durand. Hastings, 2\u00a0November 1999.\n",
		"Caslon.[1] (laughs) I had no idea",
		"BJÖRN ÅKESSON (quietly): I was, just.",
		"\n    Dear Meg, the shop is yours if you want it. Keep the formes locked\n    up tight and mind the ink on the stairs.\n\n    Your father,",
		"\n(smiling) They had forgotten half the names.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text edition lacks %q", want)
		}
	}
	// Every line of a quotation is indented, and only quotations are.
	quoted := 0
	for _, iv := range b.Interviews {
		for _, turn := range iv.Turns {
			for _, p := range turn.Paragraphs {
				if p.Quotation {
					quoted++
					first := strings.Fields(edition.PlainText(p.Content))[0]
					if !strings.Contains(out, "\n"+quoteIndent+first) {
						t.Errorf("quotation %s not indented", p.ID)
					}
				}
			}
		}
	}
	if quoted != 3 {
		t.Errorf("%d quoted paragraphs, want 3", quoted)
	}
}
