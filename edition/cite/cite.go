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
	// interviewer.
	Creators []Name
	// Contributors are everyone else, in display order, with all their roles
	// (the translator, who also wrote the preface and the notes).
	Contributors []Name
	// Translators are the people with the translator role (trl), in display
	// order. They are also among the Contributors (or the Creators).
	Translators []Name
	// Issued is when this edition's text, the translation, was made
	// (Metadata.Translated).
	Issued edition.Date
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
		Issued:           m.Translated,
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
	if m.Subtitle != "" {
		c.FullTitle = m.Title + ": " + m.Subtitle
	}
	if c.ShortTitle == "" {
		c.ShortTitle = m.Title
	}
	for _, p := range m.People {
		n := nameOf(p)
		c.People = append(c.People, n)
		if n.Creator() {
			c.Creators = append(c.Creators, n)
		} else {
			c.Contributors = append(c.Contributors, n)
		}
		if n.Has(edition.Translator) {
			c.Translators = append(c.Translators, n)
		}
	}
	return c
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

// Creator reports whether n's first role is a creator role.
func (n Name) Creator() bool {
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
