package cite

import (
	"fmt"
	"strings"

	"edition/edition"
)

// nbsp keeps a day and its month on one line, as typography does in the text.
const nbsp = "\u00a0"

// Text returns the recommended citation of the edition as plain text, in the
// bibliography form of the Chicago Manual of Style (notes–bibliography) for a
// published, translated interview:
//
//	Stalin, Joseph. Title: Subtitle. Interview by Romain Rolland, Moscow,
//	28 June 1935. Translated from the French by George Gruenthal.
//	Version 1.0.0, 2017. urn:uuid:….
//
// The "Interview by" sentence is left out when the title already names the
// interviewers and the year.
//
// It holds the final characters (curly quotes, no-break space between day and
// month) and no markup. It is exactly edition.PlainText(c.Inlines()).
func (c Citation) Text() string {
	return edition.PlainText(c.Inlines())
}

// Inlines returns the same citation as Text as model inlines, the title as an
// *edition.Emphasis, so that renderers can set it in italics.
func (c Citation) Inlines() []edition.Inline {
	var out []edition.Inline
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, &edition.Text{Text: buf.String()})
			buf.Reset()
		}
	}
	// Authors: the interviewees (and authors); the interviewers follow as
	// "Interview by". With neither, every creator stands as an author.
	authors, _ := c.citedAuthors()
	if len(authors) > 0 {
		buf.WriteString(sentence(authorList(authors)))
		buf.WriteString(" ")
	}
	flush()
	if c.FullTitle != "" {
		out = append(out, &edition.Emphasis{Content: []edition.Inline{&edition.Text{Text: c.FullTitle}}})
		if !endsSentence(c.FullTitle) {
			buf.WriteString(".")
		}
	}
	var parts []string
	if st := c.InterviewStatement(); st != "" && !c.titleStatesInterview() {
		parts = append(parts, st)
	}
	if len(c.Translators) > 0 {
		s := "Translated"
		if l := LanguageName(c.OriginalLanguage); l != "" {
			s += " from the " + l
		}
		parts = append(parts, s+" by "+join(displays(c.Translators)))
	}
	if c.EditionStatement != "" {
		parts = append(parts, c.EditionStatement)
	}
	if s := c.SeriesStatement(); s != "" {
		parts = append(parts, s)
	}
	if c.Publisher != "" {
		// Place: Publisher, year; then the version on its own.
		pub := c.Publisher
		if c.PublisherPlace != "" {
			pub = c.PublisherPlace + ": " + pub
		}
		if !c.Issued.IsZero() {
			pub += fmt.Sprintf(", %d", c.Issued.Year)
		}
		parts = append(parts, pub)
		if c.Version != "" {
			parts = append(parts, "Version "+c.Version)
		}
	} else {
		var issue []string
		if c.Version != "" {
			issue = append(issue, "Version "+c.Version)
		}
		if !c.Issued.IsZero() {
			issue = append(issue, c.Issued.Long())
		}
		if len(issue) > 0 {
			parts = append(parts, strings.Join(issue, ", "))
		}
	}
	if c.ISBN != "" {
		parts = append(parts, "ISBN "+c.ISBN)
	}
	if c.Identifier != "" && !strings.HasPrefix(c.Identifier, "urn:isbn:") {
		parts = append(parts, c.Identifier)
	}
	for _, p := range parts {
		buf.WriteString(" ")
		buf.WriteString(sentence(p))
	}
	flush()
	return out
}

// InterviewStatement says who conducted the interview, where and when:
// "Interview by Romain Rolland, Moscow, 28 June 1935" (a no-break space
// between day and month). It is empty when no creator is an interviewer.
func (c Citation) InterviewStatement() string {
	_, interviewers := c.citedAuthors()
	if len(interviewers) == 0 {
		return ""
	}
	if c.Collection {
		// Several interviews, places and dates: the years they span.
		s := "Interviews by " + join(displays(interviewers))
		if y := c.Years(); y != "" {
			s += ", " + y
		}
		return s
	}
	s := "Interview by " + join(displays(interviewers))
	if c.Place != "" {
		s += ", " + c.Place
	}
	if d := longDate(c.Original); d != "" {
		s += ", " + d
	}
	return s
}

// Years is the year of the interview, or the years a collection's
// interviews span ("1998–1999"); empty when not known.
func (c Citation) Years() string {
	switch {
	case c.Original.IsZero():
		return ""
	case c.Collection && !c.Last.IsZero() && c.Last.Year != c.Original.Year:
		return fmt.Sprintf("%d–%d", c.Original.Year, c.Last.Year)
	}
	return fmt.Sprint(c.Original.Year)
}

// titleStatesInterview reports whether the title already says what
// InterviewStatement would: it names every interviewer and gives the
// interview's year. The citation then does not repeat it.
func (c Citation) titleStatesInterview() bool {
	title := plain(c.FullTitle)
	for _, n := range c.Interviewers() {
		if !strings.Contains(title, n.Display) {
			return false
		}
	}
	return c.Original.IsZero() || strings.Contains(title, fmt.Sprint(c.Original.Year))
}

// Authors returns the creators a citation puts in the author position: the
// interviewees and authors, or every creator when none is either.
func (c Citation) Authors() []Name {
	a, _ := c.citedAuthors()
	return a
}

// Interviewers returns the creators a citation names after the title as
// "Interview by": those whose first role is interviewer, unless they are
// the only creators.
func (c Citation) Interviewers() []Name {
	_, i := c.citedAuthors()
	return i
}

// citedAuthors splits the creators into those cited as authors (interviewees
// and authors) and those cited after the title as interviewers.
func (c Citation) citedAuthors() (authors, interviewers []Name) {
	for _, n := range c.Creators {
		if n.Roles[0] == edition.Interviewer {
			interviewers = append(interviewers, n)
		} else {
			authors = append(authors, n)
		}
	}
	if len(authors) == 0 {
		return interviewers, nil
	}
	return authors, interviewers
}

// authorList names authors the Chicago way: the first in catalogue order,
// the others in reading order ("Stalin, Joseph, and Romain Rolland").
func authorList(ns []Name) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0].FileAs
	}
	s := ns[0].FileAs
	for i, n := range ns[1:] {
		s += ", "
		if i == len(ns)-2 {
			s += "and "
		}
		s += n.Display
	}
	return s
}

func displays(ns []Name) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Display
	}
	return out
}

// join lists words in English: "A", "A and B", "A, B and C".
func join(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func endsSentence(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// sentence ends s with a full stop unless it already ends a sentence.
func sentence(s string) string {
	if s == "" || endsSentence(s) {
		return s
	}
	return s + "."
}

// longDate is Date.Long with a no-break space between day and month.
func longDate(d edition.Date) string {
	s := d.Long()
	if d.Day != 0 {
		s = strings.Replace(s, " ", nbsp, 1)
	}
	return s
}

// ByLine names the creators in reading order, as a PDF's Author entry or a
// title page gives them: "Joseph Stalin and Romain Rolland".
func (c Citation) ByLine() string {
	return join(displays(c.Creators))
}

// Keywords returns the subjects joined by "; ", as a PDF's Keywords entry
// wants them.
func (c Citation) Keywords() string {
	return strings.Join(c.Subjects, "; ")
}

// TranslationCredit is the translator's credit line for a title page, naming
// the translator's other parts in the book: "Translated from the French, with
// a preface and notes, by George Gruenthal". It is empty when nobody has the
// translator role.
func (c Citation) TranslationCredit() string {
	if len(c.Translators) == 0 {
		return ""
	}
	s := "Translated"
	if l := LanguageName(c.OriginalLanguage); l != "" {
		s += " from the " + l
	}
	// The works the translators also did, each once, in role order.
	var works []string
	seen := map[edition.Role]bool{edition.Translator: true}
	for _, n := range c.Translators {
		for _, r := range n.Roles {
			if !seen[r] && creditWork[r] != "" {
				seen[r] = true
				works = append(works, creditWork[r])
			}
		}
	}
	if len(works) > 0 {
		s += ", with " + join(works) + ","
	}
	return s + " by " + join(displays(c.Translators))
}

// roleAgent names the holder of each role, as a label beside a name.
var roleAgent = map[edition.Role]string{
	edition.Author:        "Author",
	edition.Interviewee:   "Interviewee",
	edition.Interviewer:   "Interviewer",
	edition.Translator:    "Translator",
	edition.PrefaceWriter: "Writer of the preface",
	edition.Annotator:     "Annotator",
	edition.Editor:        "Editor",
	edition.Creator:       "Creator",
}

// roleWork names the part of the book each role makes, where that reads
// better after a first role ("Translator, preface and notes").
var roleWork = map[edition.Role]string{
	edition.Author:        "text",
	edition.Interviewee:   "interview",
	edition.Interviewer:   "interview",
	edition.Translator:    "translation",
	edition.PrefaceWriter: "preface",
	edition.Annotator:     "notes",
	edition.Editor:        "editing",
	edition.Creator:       "text",
}

// creditWork names what the translator's other roles add to the book, for
// TranslationCredit.
var creditWork = map[edition.Role]string{
	edition.PrefaceWriter: "a preface",
	edition.Annotator:     "notes",
}

// RoleLabel names the holder of role r in English ("Interviewee",
// "Translator", "Writer of the preface"): this package's words for the roles
// it names, else the term of the MARC list ("Recording engineer"), else the
// code.
func RoleLabel(r edition.Role) string {
	if s, ok := roleAgent[r]; ok {
		return s
	}
	if s := r.Label(); s != "" {
		return s
	}
	return string(r)
}

// WithLine names the participants, the people who only speak, as a title
// page does after the credits: "With Björn Åkesson". It is empty when there
// are none.
func (c Citation) WithLine() string {
	if len(c.Participants) == 0 {
		return ""
	}
	return "With " + join(displays(c.Participants))
}

// SeriesStatement is the series and the book's number in it, "Interviews
// 3", or "" outside a series.
func (c Citation) SeriesStatement() string {
	if c.Series == "" {
		return ""
	}
	if c.SeriesNumber != "" {
		return c.Series + " " + c.SeriesNumber
	}
	return c.Series
}

// Imprint is the publisher's line of a title page: "London: Example Press,
// 2024", or as much of it as is known; "" without a publisher.
func (c Citation) Imprint() string {
	if c.Publisher == "" {
		return ""
	}
	s := c.Publisher
	if c.PublisherPlace != "" {
		s = c.PublisherPlace + ": " + s
	}
	if !c.Published.IsZero() {
		s += fmt.Sprintf(", %d", c.Published.Year)
	}
	return s
}

// RoleSummary labels n's part in the book for a title or imprint page: the
// first role as its holder, the others as the parts of the book they made —
// "Interviewee", "Translator, preface and notes".
func (n Name) RoleSummary() string {
	if len(n.Roles) == 0 {
		return ""
	}
	items := []string{RoleLabel(n.Roles[0])}
	for _, r := range n.Roles[1:] {
		if w, ok := roleWork[r]; ok {
			items = append(items, w)
		} else {
			items = append(items, strings.ToLower(RoleLabel(r)))
		}
	}
	return join(items)
}

// languageNames are the English names of the languages this package can
// name in a citation.
var languageNames = map[string]string{
	"de": "German",
	"en": "English",
	"es": "Spanish",
	"fr": "French",
	"it": "Italian",
	"ru": "Russian",
}

// LanguageName returns the English name of the primary language of the BCP 47
// tag ("fr", "fr-FR" → "French"), or "" when it does not know it.
func LanguageName(tag string) string {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return languageNames[primary]
}

// PlaceAndDate says where and when the interview took place, "Moscow,
// 28 June 1935", or as much of it as is known, for title pages and covers.
// It is empty when the subtitle already gives the date. For a collection,
// whose interviews have places and dates of their own, it is the years
// they span ("1998–1999"), unless the subtitle gives them.
func (c Citation) PlaceAndDate() string {
	if c.Collection {
		y := c.Years()
		if strings.Contains(c.Subtitle, y) || strings.Contains(c.Subtitle, strings.ReplaceAll(y, "–", "-")) {
			return ""
		}
		return y
	}
	d := c.Original.Long()
	if d != "" && strings.Contains(strings.ReplaceAll(c.Subtitle, "\u00a0", " "), d) {
		return ""
	}
	var parts []string
	if c.Place != "" {
		parts = append(parts, c.Place)
	}
	if d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, ", ")
}
