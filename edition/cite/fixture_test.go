package cite

import (
	"time"

	"edition/edition"
)

// fixture is a Book with the metadata of this edition as the source README
// describes it, built in Go so the tests do not depend on the loader.
func fixture() *edition.Book {
	return &edition.Book{
		Meta: edition.Metadata{
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
			Rights:      "Translation © 2017 George Gruenthal. All rights reserved.",
			Description: "The official text of Romain Rolland’s interview with Stalin in Moscow on 28 June 1935 — “the world’s greatest writer” — translated into English for the first time, with a preface & notes {50% new}.",
			Subjects:    []string{"Stalin, Joseph, 1878-1953 -- Interviews", "Rolland, Romain, 1866-1944", "Soviet Union -- Politics and government -- 1917-1936"},
			Modified:    time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
		},
	}
}
