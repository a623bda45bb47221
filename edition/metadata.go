package edition

import (
	"fmt"
	"slices"
	"time"
)

// Metadata is everything a catalogue, a citation or a title page needs. Every
// field is a fact the text states or that follows from it.
type Metadata struct {
	// Slug names the output files: <slug>.epub, <slug>.pdf, <slug>.txt.
	Slug string
	// Identifier is the book's stable unique identifier, e.g. "urn:uuid:…".
	Identifier string
	// Version is the edition's version, e.g. "1.0.0".
	Version string
	// Language is the BCP 47 tag of the book's text ("en").
	Language string
	// OriginalLanguage is the language the text was translated from ("fr").
	OriginalLanguage string
	// Title and Subtitle are the book's title proper and its subtitle.
	Title    string
	Subtitle string
	// ShortTitle is used where space is short, such as running heads.
	ShortTitle string
	// People are everyone named on the title page, in display order; the
	// first is the primary creator.
	People []Person
	// Interview describes the event the text records: the interview of a
	// book of one, the first interview of a collection.
	Interview Event
	// Interviews describe each interview of the book, in the order of
	// interview.md: one entry (Interview) for a book of one interview.
	Interviews []Event
	// Translated is when the translation was made; zero for a book in the
	// language it was spoken in.
	Translated Date
	// Publisher is who publishes the edition and where; zero when the
	// source names no publisher.
	Publisher Publisher
	// Published is the edition's publication date: distinct from the
	// interview's date and from the translation's.
	Published Date
	// ISBN is the edition's ISBN-13 as the source writes it, hyphens kept
	// for display ("978-0-306-40615-7"); its check digit has been verified
	// (ISBNDigits). Empty when the edition has none.
	ISBN string
	// EditionStatement names the edition as its title page does ("Second
	// edition, revised"); empty for a first edition that does not say so.
	EditionStatement string
	// Series is the publisher's series the book belongs to, if any.
	Series Series
	// Sources are the texts this translation is made from.
	Sources []Source
	// Rights is the rights statement for this translation.
	Rights string
	// Description is a short account of the book for catalogues.
	Description string
	// Subjects are subject headings or keywords.
	Subjects []string
	// Modified is the fixed fallback for the build date when
	// SOURCE_DATE_EPOCH is not set.
	Modified time.Time
	// Trim is the default print trim size's name, one of Trims.
	Trim string
	// Pos is where the metadata file is, for located errors.
	Pos Pos
}

// Person is someone with a part in the book.
type Person struct {
	// Key is the short name the source uses for the person ("stalin").
	Key string
	// Name is the display name ("Romain Rolland").
	Name string
	// FileAs is the name in catalogue order ("Rolland, Romain").
	FileAs string
	// Given and Family split the name for citation formats.
	Given  string
	Family string
	// Speaker is the label that marks the person's turns in the interview
	// ("Romain Rolland"); empty for someone who does not speak.
	Speaker string
	// Roles are MARC relator codes, the first being the main one.
	Roles []Role
}

// Publisher is the publisher of an edition.
type Publisher struct {
	// Name is the publisher's name ("Example Press").
	Name string
	// Place is the place of publication ("London").
	Place string
}

// Series is a publisher's series and the book's place in it.
type Series struct {
	// Title is the series' title.
	Title string
	// Number is the book's number in the series ("3", "IV"); may be empty.
	Number string
}

// Role is a MARC relator code: the part a person has in a work. Any code of
// the Library of Congress list is a Role (Known).
type Role string

// The relator codes the renderers name in their own words.
const (
	Author        Role = "aut"
	Creator       Role = "cre"
	Interviewee   Role = "ive"
	Interviewer   Role = "ivr"
	Translator    Role = "trl"
	PrefaceWriter Role = "wpr"
	Annotator     Role = "ann"
	Editor        Role = "edt"
)

// Creator reports whether r makes its holder a creator of the work (a
// dc:creator in EPUB terms) rather than a contributor: an author, a creator,
// an interviewee or an interviewer. Every other role contributes.
func (r Role) Creator() bool {
	return r == Author || r == Creator || r == Interviewee || r == Interviewer
}

// Known reports whether r is a code of the MARC Code List for Relators.
func (r Role) Known() bool {
	_, ok := relators[r]
	return ok
}

// Label returns the term the MARC list gives r ("Interviewee", "Writer of
// preface"), or "" for a code not on it.
func (r Role) Label() string { return relators[r] }

// Relators returns every code of the MARC Code List for Relators, in code
// order.
func Relators() []Role {
	out := make([]Role, 0, len(relators))
	for r := range relators {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// Has reports whether p has role r.
func (p Person) Has(r Role) bool {
	for _, have := range p.Roles {
		if have == r {
			return true
		}
	}
	return false
}

// Event is an interview as an event in time and place, with the people who
// took part.
type Event struct {
	Date     Date
	Place    string
	Reviewed Date
	// Participants are the keys of the people who take part (speakers, and
	// anyone present who does not speak), in display order; empty when the
	// metadata does not say.
	Participants []string
	// Pos is where the metadata describes the event.
	Pos Pos
}

// Source is a text the translation is made from.
type Source struct {
	// Title is the source's own title, in its own language.
	Title string
	// Lang is the source's language (BCP 47).
	Lang string
	// Container is the publication it appears in ("Cahiers Romain Rolland").
	Container string
	// Volume is the volume of Container, if any.
	Volume string
	// URL is where the source can be read online, if anywhere.
	URL string
}

// Date is a calendar date that may be known only to the year or month.
// Zero fields are unknown.
type Date struct {
	Year, Month, Day int
}

// String formats d as ISO 8601 to its known precision: "1935-06-28",
// "1935-06" or "2017".
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Long formats d for readers: "28 June 1935", "June 1935" or "2017".
func (d Date) Long() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
}

// IsZero reports whether nothing of d is known.
func (d Date) IsZero() bool { return d.Year == 0 }

// Person returns the person whose Key is key, and whether there is one.
func (m *Metadata) Person(key string) (Person, bool) {
	for _, p := range m.People {
		if p.Key == key {
			return p, true
		}
	}
	return Person{}, false
}

// WithRole returns the people who have role r, in display order.
func (m *Metadata) WithRole(r Role) []Person {
	var out []Person
	for _, p := range m.People {
		if p.Has(r) {
			out = append(out, p)
		}
	}
	return out
}
