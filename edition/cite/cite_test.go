package cite

import (
	"strings"
	"testing"

	"edition/edition"
)

// keys lists the people's keys, comma-separated, in order.
func keys(ns []Name) string {
	var s []string
	for _, n := range ns {
		s = append(s, n.Key)
	}
	return strings.Join(s, ",")
}

func TestOfPeople(t *testing.T) {
	c := Of(fixture())
	for _, tc := range []struct{ what, got, want string }{
		{"creators", keys(c.Creators), "stalin,rolland"},
		{"contributors", keys(c.Contributors), "gruenthal"},
		{"translators", keys(c.Translators), "gruenthal"},
		{"people", keys(c.People), "stalin,rolland,gruenthal"},
		{"full title", c.FullTitle, "Interview of Stalin by Romain Rolland: Official Text, Moscow, 28 June 1935"},
		{"issued", c.Issued.String(), "2017"},
		{"original", c.Original.String(), "1935-06-28"},
		{"byline", c.ByLine(), "Joseph Stalin and Romain Rolland"},
		{"credit", c.TranslationCredit(), "Translated from the French, with a preface and notes, by George Gruenthal"},
		{"stalin roles", c.Creators[0].RoleSummary(), "Interviewee"},
		{"rolland roles", c.Creators[1].RoleSummary(), "Interviewer"},
		{"gruenthal roles", c.Contributors[0].RoleSummary(), "Translator, preface and notes"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.what, tc.got, tc.want)
		}
	}
}

func TestOfCopies(t *testing.T) {
	b := fixture()
	c := Of(b)
	b.Meta.People[0].Roles[0] = edition.Author
	b.Meta.Subjects[0] = "changed"
	if c.Creators[0].Roles[0] != edition.Interviewee || c.Subjects[0] == "changed" {
		t.Error("Citation shares memory with the Book")
	}
}

func TestText(t *testing.T) {
	c := Of(fixture())
	want := "Stalin, Joseph. Interview of Stalin by Romain Rolland: Official Text, Moscow, 28 June 1935. " +
		"Translated from the French by George Gruenthal. " +
		"Version 1.0.0, 2017. urn:uuid:5b0a3c1e-7f2d-4c69-9a52-1d3e8f6b2c47."
	if got := c.Text(); got != want {
		t.Errorf("Text() =\n%q\nwant\n%q", got, want)
	}
	// A title that does not say who conducted the interview, or when, is
	// followed by the statement.
	b := fixture()
	b.Meta.Title, b.Meta.Subtitle = "Conversation in Moscow", ""
	want = "Stalin, Joseph. Conversation in Moscow. Interview by Romain Rolland, Moscow, 28\u00a0June 1935. " +
		"Translated from the French by George Gruenthal. " +
		"Version 1.0.0, 2017. urn:uuid:5b0a3c1e-7f2d-4c69-9a52-1d3e8f6b2c47."
	if got := Of(b).Text(); got != want {
		t.Errorf("Text() =\n%q\nwant\n%q", got, want)
	}
	// The title, and only the title, is emphasised.
	var emph []string
	edition.Walk(c.Inlines(), func(in edition.Inline) bool {
		if e, ok := in.(*edition.Emphasis); ok {
			emph = append(emph, edition.PlainText(e.Content))
		}
		return true
	})
	if len(emph) != 1 || emph[0] != c.FullTitle {
		t.Errorf("emphasised %q, want only the full title", emph)
	}
	if strings.ContainsAny(c.Text(), "<>*_\"'") {
		t.Errorf("Text() holds markup or straight quotes: %q", c.Text())
	}
}

func TestTextVariants(t *testing.T) {
	b := fixture()
	b.Meta.People = append(b.Meta.People[:1:1], edition.Person{Key: "x", Name: "Ann Other", Roles: []edition.Role{edition.Author}}, b.Meta.People[1], b.Meta.People[2])
	b.Meta.Title, b.Meta.Subtitle = "Why?", ""
	b.Meta.OriginalLanguage = "xx"
	got := Of(b).Text()
	for _, want := range []string{"Stalin, Joseph, and Ann Other. ", "Why? Interview by Romain Rolland, Moscow", "Translated by George Gruenthal."} {
		if !strings.Contains(got, want) {
			t.Errorf("Text() = %q, want it to contain %q", got, want)
		}
	}
}

func TestNameFallbacks(t *testing.T) {
	n := nameOf(edition.Person{Name: "Anne Marie Smith"})
	if n.Given != "Anne Marie" || n.Family != "Smith" || n.FileAs != "Smith, Anne Marie" {
		t.Errorf("nameOf = %+v", n)
	}
	n = nameOf(edition.Person{Given: "Jo", Family: "Bloggs"})
	if n.Display != "Jo Bloggs" || n.FileAs != "Bloggs, Jo" {
		t.Errorf("nameOf = %+v", n)
	}
}

func TestPlaceAndDate(t *testing.T) {
	c := Citation{Place: "Moscow", Original: edition.Date{Year: 1935, Month: 6, Day: 28}}
	if got := c.PlaceAndDate(); got != "Moscow, 28 June 1935" {
		t.Errorf("PlaceAndDate() = %q", got)
	}
	c.Subtitle = "The Official Text, Moscow, 28\u00a0June 1935"
	if got := c.PlaceAndDate(); got != "" {
		t.Errorf("PlaceAndDate() = %q although the subtitle gives the date", got)
	}
	c = Citation{Original: edition.Date{Year: 1935}}
	if got := c.PlaceAndDate(); got != "1935" {
		t.Errorf("PlaceAndDate() with only a year = %q", got)
	}
}
