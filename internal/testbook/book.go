package testbook

import (
	"fmt"
	"strings"
	"time"

	"edition/edition"
)

// words is filler prose for fixture paragraphs.
const words = "The working class of each country must have its own leaders and its own " +
	"conditions of struggle, and no office abroad can direct them from afar without " +
	"understanding the temperament and ideology of the people concerned. "

// Text is a run of text at the start of fixture.md.
func Text(s string) *edition.Text {
	return &edition.Text{Text: s, Pos: edition.Pos{File: "fixture.md", Line: 1, Col: 1}}
}

// Book builds a small book for the print edition's tests: a preface, an interview of turns with
// paragraphs of the given lengths (in repetitions of words), and notes of
// the given lengths cited from the turns' paragraphs named in cites.
func Book(turns [][]int, noteLens []int, cites map[string]int) *edition.Book {
	b := &edition.Book{
		Meta: edition.Metadata{
			Slug: "fixture", Identifier: "urn:uuid:00000000-0000-4000-8000-000000000000",
			Version: "0.1.0", Language: "en", OriginalLanguage: "fr",
			Title: "A Fixture", Subtitle: "For Tests", ShortTitle: "Fixture",
			People: []edition.Person{
				{Key: "a", Name: "Anna Alpha", Given: "Anna", Family: "Alpha", Speaker: "Alpha", Roles: []edition.Role{edition.Interviewee}},
				{Key: "b", Name: "Bert Beta", Given: "Bert", Family: "Beta", Speaker: "Bert Beta", Roles: []edition.Role{edition.Interviewer}},
				{Key: "t", Name: "Tess Gamma", Given: "Tess", Family: "Gamma", Roles: []edition.Role{edition.Translator}},
			},
			Translated: edition.Date{Year: 2020},
			Rights:     "Rights reserved.", Description: "A fixture.",
			Sources: []edition.Source{{Title: "Une source", Lang: "fr", URL: "http://example.org/source"}},
		},
		Modified: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	b.Preface = edition.Section{ID: "preface", Title: []edition.Inline{Text("Preface")},
		Paragraphs: []edition.Paragraph{{ID: "preface-1", Content: []edition.Inline{Text(strings.Repeat(words, 3))}}},
		Signature:  &edition.Paragraph{ID: "preface-sig", Content: []edition.Inline{Text("Tess Gamma, 2020")}}}
	b.Interviews = []edition.Interview{{ID: "interview", Title: []edition.Inline{Text("The Interview")}}}
	n := 0
	for t, paras := range turns {
		turn := edition.Turn{Speaker: []string{"a", "b"}[t%2], Pos: edition.Pos{File: "fixture.md", Line: t + 1}}
		if t == 1 {
			turn.Direction = "stands"
		}
		for i, reps := range paras {
			n++
			id := fmt.Sprintf("interview-%d", n)
			content := []edition.Inline{Text(strings.TrimSpace(strings.Repeat(words, reps)))}
			if note, ok := cites[id]; ok {
				content = append(content, &edition.NoteRef{Label: fmt.Sprint("n", note), Number: note}, Text(" And so it ends."))
			}
			_ = i
			turn.Paragraphs = append(turn.Paragraphs, edition.Paragraph{ID: id, Content: content})
		}
		b.Interviews[0].Turns = append(b.Interviews[0].Turns, turn)
	}
	b.Colophon = edition.Section{ID: "colophon", Title: []edition.Inline{Text("Note on the Text")},
		Paragraphs: []edition.Paragraph{{ID: "colophon-1", Content: []edition.Inline{Text("Translated by Tess Gamma.")}}}}
	for i, l := range noteLens {
		b.Notes = append(b.Notes, edition.Note{Label: fmt.Sprint("n", i+1), Number: i + 1,
			Paragraphs: []edition.Paragraph{{ID: fmt.Sprintf("note-%d-1", i+1), Content: []edition.Inline{Text(strings.TrimSpace(strings.Repeat(words, l)))}}}})
	}
	return b
}
