// Package testbook holds the metadata of this edition built in Go, for the
// tests of packages that must not depend on the loader: each test's book
// starts from it and changes what that test is about.
package testbook

import (
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
