// Package testbook holds the metadata of this edition built in Go, for the
// tests of packages that must not depend on the loader: each test's book
// starts from it and changes what that test is about.
package testbook

import (
	"fmt"
	"time"

	"edition/edition"
)

// Metadata returns the edition's metadata as source/README.md describes it,
// a fresh copy on every call.
func Metadata() edition.Metadata {
	return edition.Metadata{
		Slug:             "stalin-rolland-interview-1935",
		Identifier:       "urn:uuid:5b0a3c1e-7f2d-4c69-9a52-1d3e8f6b2c47",
		Version:          "1.0.0",
		Language:         "en",
		OriginalLanguage: "fr",
		Title:            "Interview of Stalin by Romain Rolland",
		Subtitle:         "Official Text, Moscow, 28 June 1935",
		ShortTitle:       "Stalin–Rolland Interview",
		People: []edition.Person{
			{Key: "stalin", Name: "Joseph Stalin", FileAs: "Stalin, Joseph", Given: "Joseph", Family: "Stalin", Speaker: "Stalin", Roles: []edition.Role{edition.Interviewee}},
			{Key: "rolland", Name: "Romain Rolland", FileAs: "Rolland, Romain", Given: "Romain", Family: "Rolland", Speaker: "Romain Rolland", Roles: []edition.Role{edition.Interviewer}},
			{Key: "gruenthal", Name: "George Gruenthal", FileAs: "Gruenthal, George", Given: "George", Family: "Gruenthal", Roles: []edition.Role{edition.Translator, edition.PrefaceWriter, edition.Annotator}},
		},
		Interview:  edition.Event{Date: edition.Date{Year: 1935, Month: 6, Day: 28}, Place: "Moscow", Reviewed: edition.Date{Year: 1935, Month: 6, Day: 28}},
		Translated: edition.Date{Year: 2017},
		Sources: []edition.Source{
			{Title: "Texte officiel de l’entretien de Staline avec Romain Rolland (1935)", Lang: "fr", URL: "http://www.centremlm.be/Texte-officiel-de-l-entretien-de-Staline-avec-Romain-Rolland-1935"},
			{Title: "Voyage à Moscou (juin–juillet 1935)", Lang: "fr", Container: "Cahiers Romain Rolland", Volume: "29"},
		},
		Rights:   "Translation © 2017 George Gruenthal. All rights reserved.",
		Modified: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

// Second returns the metadata of a book unlike the first: an interview
// given in English (no translator, no original language), three speakers of
// whom one only interjects and has no role, an editor who wrote the preface
// and the notes, British English, an A5 trim, a publisher, a publication
// date, an ISBN, an edition statement and a series. A fresh copy on every
// call.
func Second() edition.Metadata {
	return edition.Metadata{
		Slug:       "durand-ng-conversation-1962",
		Identifier: "urn:uuid:3f0c2a9e-1b4d-4e8f-9a7c-6d5e4f3a2b1c",
		Version:    "1.0.0",
		Language:   "en-GB",
		Title:      "A Conversation at Aldeburgh",
		Subtitle:   "Claire Durand talks to Peter Ng",
		People: []edition.Person{
			{Key: "durand", Name: "Claire Durand", FileAs: "Durand, Claire", Given: "Claire", Family: "Durand", Speaker: "Durand", Roles: []edition.Role{edition.Interviewee}},
			{Key: "ng", Name: "Peter Ng", FileAs: "Ng, Peter", Given: "Peter", Family: "Ng", Speaker: "Ng", Roles: []edition.Role{edition.Interviewer}},
			{Key: "akesson", Name: "Björn Åkesson", FileAs: "Åkesson, Björn", Given: "Björn", Family: "Åkesson", Speaker: "Åkesson"},
			{Key: "marsh", Name: "Ruth Marsh", FileAs: "Marsh, Ruth", Given: "Ruth", Family: "Marsh", Roles: []edition.Role{edition.Editor, edition.PrefaceWriter, edition.Annotator}},
		},
		Interview:        edition.Event{Date: edition.Date{Year: 1962, Month: 6, Day: 14}, Place: "Aldeburgh"},
		Publisher:        edition.Publisher{Name: "Example Press", Place: "London"},
		Published:        edition.Date{Year: 2024, Month: 5, Day: 2},
		ISBN:             "978-0-306-40615-7",
		EditionStatement: "Second edition",
		Series:           edition.Series{Title: "Conversations", Number: "3"},
		Rights:           "© 2024 Example Press. All rights reserved.",
		Description:      "A conversation recorded at Aldeburgh in June 1962.",
		Subjects:         []string{"Interviews"},
		Modified:         time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC),
		Trim:             "a5",
	}
}

// SecondBook returns a whole book with the metadata of Second: a preface
// by the editor, an interview of three speakers, no note on the text and no
// notes.
func SecondBook() *edition.Book {
	para := func(id, s string) edition.Paragraph {
		return edition.Paragraph{ID: id, Content: []edition.Inline{&edition.Text{Text: s}}}
	}
	turn := func(who string, n int, s string) edition.Turn {
		return edition.Turn{Speaker: who, Paragraphs: []edition.Paragraph{para(fmt.Sprintf("interview-%d", n), s)}}
	}
	m := Second()
	return &edition.Book{
		Meta: m,
		Preface: edition.Section{ID: "preface", Title: []edition.Inline{&edition.Text{Text: "Preface"}},
			Paragraphs: []edition.Paragraph{para("preface-1", "This conversation was recorded on a summer afternoon and is printed here as it was spoken, with the speakers’ corrections.")}},
		Interviews: []edition.Interview{{ID: "interview", Title: []edition.Inline{&edition.Text{Text: "The Conversation"}}, Turns: []edition.Turn{
			turn("ng", 1, "You have lived by the sea for twenty years. What keeps you here?"),
			turn("durand", 2, "The light, and the quiet. One can work in the mornings without anyone calling."),
			turn("akesson", 3, "Except me."),
			turn("durand", 4, "Except Björn, who calls every morning at ten, and is always welcome."),
			turn("ng", 5, "And the work itself — has it changed?"),
			turn("durand", 6, "It has become slower, and I think better. I throw away more than I keep."),
		}}},
		Modified: m.Modified,
	}
}

// Collection returns a book of n interviews with the metadata of Second:
// each of two short turns, with its own place and date; every seventh
// title is long enough to take two lines in the contents. For the tests of
// a collection too large for one page of contents.
func Collection(n int) *edition.Book {
	m := Second()
	b := &edition.Book{Meta: m, Modified: m.Modified}
	places := []string{"Aldeburgh", "London", "Hastings", "Norwich", "Leeds"}
	for k := 1; k <= n; k++ {
		id := fmt.Sprintf("interview-%d", k)
		title := fmt.Sprintf("Conversation %d", k)
		if k%7 == 0 {
			title = fmt.Sprintf("Conversation %d, on the printing of ballads, broadsides and the small jobbing work of a country shop", k)
		}
		para := func(i int, s string) edition.Paragraph {
			return edition.Paragraph{ID: fmt.Sprintf("%s-%d", id, i), Content: []edition.Inline{&edition.Text{Text: s}}}
		}
		b.Interviews = append(b.Interviews, edition.Interview{ID: id, Title: []edition.Inline{&edition.Text{Text: title}},
			Event: edition.Event{Date: edition.Date{Year: 1960 + k/12, Month: k%12 + 1, Day: k%28 + 1}, Place: places[k%len(places)], Participants: []string{"durand", "ng"}},
			Turns: []edition.Turn{
				{Speaker: "ng", Paragraphs: []edition.Paragraph{para(1, "What were you working on that week?")}},
				{Speaker: "durand", Paragraphs: []edition.Paragraph{para(2, "A small book of verse, set by hand, and a poster for the regatta.")}},
			}})
	}
	return b
}
