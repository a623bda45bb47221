package cite_test

import (
	"fmt"
	"strings"

	"edition/edition"
	"edition/edition/cite"
)

func ExampleOf() {
	b := &edition.Book{Meta: edition.Metadata{
		Title:            "Conversation in Moscow",
		OriginalLanguage: "fr",
		People: []edition.Person{
			{Key: "stalin", Name: "Joseph Stalin", Given: "Joseph", Family: "Stalin", Roles: []edition.Role{edition.Interviewee}},
			{Key: "rolland", Name: "Romain Rolland", Given: "Romain", Family: "Rolland", Roles: []edition.Role{edition.Interviewer}},
			{Key: "gruenthal", Name: "George Gruenthal", Given: "George", Family: "Gruenthal", Roles: []edition.Role{edition.Translator, edition.PrefaceWriter, edition.Annotator}},
		},
		Interview:  edition.Event{Date: edition.Date{Year: 1935, Month: 6, Day: 28}, Place: "Moscow"},
		Translated: edition.Date{Year: 2017},
	}}
	c := cite.Of(b)
	fmt.Println(c.ByLine())
	for _, n := range c.People {
		fmt.Printf("%s: %s\n", n.Display, n.RoleSummary())
	}
	fmt.Println(c.TranslationCredit())
	// The day and month are joined by a no-break space, shown here as ~.
	fmt.Println(strings.ReplaceAll(c.Text(), "\u00a0", "~"))
	// Output:
	// Joseph Stalin and Romain Rolland
	// Joseph Stalin: Interviewee
	// Romain Rolland: Interviewer
	// George Gruenthal: Translator, preface and notes
	// Translated from the French, with a preface and notes, by George Gruenthal
	// Stalin, Joseph. Conversation in Moscow. Interview by Romain Rolland, Moscow, 28~June 1935. Translated from the French by George Gruenthal. 2017.
}
