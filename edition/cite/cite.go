// Package cite derives from the model everything a reference to the edition
// says — names, roles, dates, titles, identifiers — and writes it out as a
// recommended citation and as the files reference managers and repositories
// read: CSL-JSON, biblatex, RIS and CITATION.cff.
//
// Of is the one function every other part of the project takes these facts
// from: the EPUB package metadata, the PDF's Info dictionary and XMP, the
// "How to cite" lines on the imprint pages and the citation files all read a
// Citation, never the Metadata directly, so they cannot disagree.
package cite

import (
	"strings"

	"edition/edition"
)

// Citation is everything a reference to this edition says, derived from the
// model by Of.
type Citation struct {
	// Slug is the file-name stem of the edition; the citation files use it as
	// their key ("id" in CSL-JSON, the biblatex entry key, RIS ID).
	Slug string
	// Title and Subtitle are the title proper and the subtitle.
	Title, Subtitle string
	// FullTitle is "Title: Subtitle", or Title alone when there is no
	// subtitle.
	FullTitle string
	// ShortTitle is the title used where space is short; Title when the
	// metadata gives none.
	ShortTitle string
	// People are everyone named, in display order (Metadata.People order).
	People []Name
	// Creators are the people whose first role is a creator role
	// (Role.Creator), in display order: the interviewee, then the
	// interviewer. When nobody's first role is one, the first person with
	// a role is the creator (the metadata lists the primary creator first),
	// so a book always has one. This is the one split of creators and
	// contributors every file follows.
	Creators []Name
	// Contributors are everyone else, in display order, with all their roles
	// (the translator, who also wrote the preface and the notes; an editor;
	// a participant).
	Contributors []Name
	// Participants are the contributors with no role: people who only
	// speak in the interview. Title pages name them after "with".
	Participants []Name
	// Translators are the people with the translator role (trl), in display
	// order. They are also among the Contributors (or the Creators).
	Translators []Name
	// Issued is the year a citation gives: the edition's publication date
	// when the metadata gives one, else the translation's date, else the
	// interview's date. It is zero only when none of them is known.
	Issued edition.Date
	// Published is the edition's publication date (Metadata.Published);
	// Translated the translation's (Metadata.Translated).
	Published, Translated edition.Date
	// Publisher and PublisherPlace name the publisher and the place of
	// publication.
	Publisher, PublisherPlace string
	// ISBN is the edition's ISBN-13 as written for display, hyphens kept;
	// ISBN13 its thirteen digits. Both empty without one.
	ISBN, ISBN13 string
	// EditionStatement names the edition ("Second edition").
	EditionStatement string
	// Series and SeriesNumber are the publisher's series and the book's
	// number in it.
	Series, SeriesNumber string
	// Original is the date of the interview itself (Metadata.Interview.Date).
	Original edition.Date
	// Reviewed is when the original text was reviewed by its speakers.
	Reviewed edition.Date
	// Place is where the interview took place.
	Place string
	// Language and OriginalLanguage are BCP 47 tags ("en", "fr").
	Language, OriginalLanguage string
	// Version is the edition's version; Identifier its stable identifier
	// ("urn:uuid:…").
	Version, Identifier string
	// Sources are the texts the translation is made from, in order; the
	// first is the primary one.
	Sources []edition.Source
	// Rights is the rights statement; Description a short account of the
	// book.
	Rights, Description string
	// Subjects are subject headings or keywords.
	Subjects []string
	// Collection is set for a volume of several interviews, which cites as
	// a book with its contributors: Original is then the first interview's
	// date, Last the last one's, and there is no one Place.
	Collection bool
	// Last is the date of the last interview of a collection.
	Last edition.Date
}

// Name is one person as a citation names them.
type Name struct {
	// Key is the short name the source uses for the person ("stalin").
	Key string
	// Display is the name in reading order ("Romain Rolland").
	Display string
	// Given and Family split the name for citation formats.
	Given, Family string
	// FileAs is the name in catalogue order ("Rolland, Romain").
	FileAs string
	// Roles are MARC relator codes, the first being the main one.
	Roles []edition.Role
}

// Of derives the citation of b from its metadata. It copies what it keeps,
// so the Citation does not change when b does.
func Of(b *edition.Book) Citation {
	m := &b.Meta
	c := Citation{
		Slug:             m.Slug,
		Title:            m.Title,
		Subtitle:         m.Subtitle,
		FullTitle:        m.Title,
		ShortTitle:       m.ShortTitle,
		Issued:           m.Published,
		Published:        m.Published,
		Translated:       m.Translated,
		Publisher:        m.Publisher.Name,
		PublisherPlace:   m.Publisher.Place,
		ISBN:             m.ISBN,
		EditionStatement: m.EditionStatement,
		Series:           m.Series.Title,
		SeriesNumber:     m.Series.Number,
		Original:         m.Interview.Date,
		Reviewed:         m.Interview.Reviewed,
		Place:            m.Interview.Place,
		Language:         m.Language,
		OriginalLanguage: m.OriginalLanguage,
		Version:          m.Version,
		Identifier:       m.Identifier,
		Sources:          append([]edition.Source(nil), m.Sources...),
		Rights:           m.Rights,
		Description:      m.Description,
		Subjects:         append([]string(nil), m.Subjects...),
	}
	if c.Issued.IsZero() {
		c.Issued = m.Translated
	}
	if c.Issued.IsZero() {
		c.Issued = m.Interview.Date
	}
	if d, ok := edition.ISBNDigits(m.ISBN); ok {
		c.ISBN13 = d
	} else {
		c.ISBN = ""
	}
	if b.Collection() {
		c.Collection = true
		c.Place = ""
		c.Original = b.Interviews[0].Event.Date
		c.Last = b.Interviews[len(b.Interviews)-1].Event.Date
	}
	if m.Subtitle != "" {
		c.FullTitle = m.Title + ": " + m.Subtitle
	}
	if c.ShortTitle == "" {
		c.ShortTitle = m.Title
	}
	primary := -1 // the creator when nobody's first role is a creator role
	for i, p := range m.People {
		if len(p.Roles) > 0 && p.Roles[0].Creator() {
			primary = -1
			break
		}
		if primary < 0 && len(p.Roles) > 0 {
			primary = i
		}
	}
	for i, p := range m.People {
		n := nameOf(p)
		c.People = append(c.People, n)
		switch {
		case n.firstRoleCreates() || i == primary:
			c.Creators = append(c.Creators, n)
		case len(n.Roles) == 0:
			c.Contributors = append(c.Contributors, n)
			c.Participants = append(c.Participants, n)
		default:
			c.Contributors = append(c.Contributors, n)
		}
		if n.Has(edition.Translator) {
			c.Translators = append(c.Translators, n)
		}
	}
	return c
}

// IsCreator reports whether the person with the given key is one of c's
// Creators.
func (c Citation) IsCreator(key string) bool {
	for _, n := range c.Creators {
		if n.Key == key {
			return true
		}
	}
	return false
}

func nameOf(p edition.Person) Name {
	n := Name{
		Key:     p.Key,
		Display: p.Name,
		Given:   p.Given,
		Family:  p.Family,
		FileAs:  p.FileAs,
		Roles:   append([]edition.Role(nil), p.Roles...),
	}
	// Fill what the metadata leaves out from what it gives, so every format
	// has a family name to sort by.
	if n.Family == "" && n.Given == "" && n.Display != "" {
		if i := strings.LastIndexByte(n.Display, ' '); i > 0 {
			n.Given, n.Family = n.Display[:i], n.Display[i+1:]
		} else {
			n.Family = n.Display
		}
	}
	if n.Display == "" {
		n.Display = strings.TrimSpace(n.Given + " " + n.Family)
	}
	if n.FileAs == "" {
		n.FileAs = n.Family
		if n.Given != "" {
			n.FileAs += ", " + n.Given
		}
	}
	return n
}

// firstRoleCreates reports whether n's first role is a creator role. Who is
// a creator is Citation.Creators (IsCreator), which also has a creator when
// nobody's first role is one.
func (n Name) firstRoleCreates() bool {
	return len(n.Roles) > 0 && n.Roles[0].Creator()
}

// Has reports whether n has role r.
func (n Name) Has(r edition.Role) bool {
	for _, have := range n.Roles {
		if have == r {
			return true
		}
	}
	return false
}

// Person returns the Name of the person with the given key in c, and
// whether there is one.
func (c Citation) Person(key string) (Name, bool) {
	for _, n := range c.People {
		if n.Key == key {
			return n, true
		}
	}
	return Name{}, false
}
