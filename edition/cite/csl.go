package cite

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"edition/edition"
)

// CSL-JSON, the input format of citeproc-js, pandoc and Zotero's CSL
// processor, as the CSL 1.0.2 schema csl-data.json defines it: an array of
// items whose keys are CSL variables (the schema allows no others).

type cslName struct {
	Family string `json:"family,omitempty"`
	Given  string `json:"given,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// cslItem holds the variables this package writes, in the order it writes
// them.
type cslItem struct {
	ID               string    `json:"id"`
	Type             string    `json:"type"`
	Language         string    `json:"language,omitempty"`
	Title            string    `json:"title,omitempty"`
	TitleShort       string    `json:"title-short,omitempty"`
	Author           []cslName `json:"author,omitempty"`
	Interviewer      []cslName `json:"interviewer,omitempty"`
	Editor           []cslName `json:"editor,omitempty"`
	Translator       []cslName `json:"translator,omitempty"`
	Contributor      []cslName `json:"contributor,omitempty"`
	Publisher        string    `json:"publisher,omitempty"`
	PublisherPlace   string    `json:"publisher-place,omitempty"`
	Edition          string    `json:"edition,omitempty"`
	CollectionTitle  string    `json:"collection-title,omitempty"`
	CollectionNumber string    `json:"collection-number,omitempty"`
	ISBN             string    `json:"ISBN,omitempty"`
	Issued           *cslDate  `json:"issued,omitempty"`
	OriginalDate     *cslDate  `json:"original-date,omitempty"`
	OriginalTitle    string    `json:"original-title,omitempty"`
	EventDate        *cslDate  `json:"event-date,omitempty"`
	EventPlace       string    `json:"event-place,omitempty"`
	Version          string    `json:"version,omitempty"`
	Abstract         string    `json:"abstract,omitempty"`
	Keyword          string    `json:"keyword,omitempty"`
	Note             string    `json:"note,omitempty"`
}

// CSLJSON writes the citation as a CSL-JSON array of one item of type
// "interview" ("book" for a collection of interviews, without the one
// event's date and place): the interviewees as author, the interviewers as
// interviewer, the translators as translator, editors who are not creators
// as editor, everyone else as contributor; publisher, publisher-place,
// edition, collection-title and -number and ISBN when the metadata gives
// them; issued is Citation.Issued (publication, translation or interview date),
// original-date and event-date the interview's, original-title the first
// source's title. CSL has no variable for the original's address or for an
// identifier that is not a DOI, ISBN or the like, so the sources and the
// identifier go in note, one a line.
func CSLJSON(w io.Writer, c Citation) error {
	item := cslItem{
		ID:         c.Slug,
		Type:       "interview",
		Language:   c.Language,
		Title:      c.FullTitle,
		Issued:     cslDateOf(c.Issued),
		EventPlace: c.Place,
		Version:    c.Version,
		Abstract:   c.Description,
		Keyword:    c.Keywords(),
	}
	if c.ShortTitle != c.FullTitle {
		item.TitleShort = c.ShortTitle
	}
	item.Author = cslNames(c.Authors())
	item.Interviewer = cslNames(c.Interviewers())
	// The creators are author or interviewer above; every other person is
	// an editor, a translator or else a contributor. A creator who also
	// translated is among the translators too.
	for _, n := range c.People {
		placed := c.IsCreator(n.Key)
		if n.Has(edition.Editor) && !placed {
			item.Editor = append(item.Editor, cslNameOf(n))
			placed = true
		}
		if n.Has(edition.Translator) {
			item.Translator = append(item.Translator, cslNameOf(n))
			placed = true
		}
		if !placed {
			item.Contributor = append(item.Contributor, cslNameOf(n))
		}
	}
	item.Publisher, item.PublisherPlace = c.Publisher, c.PublisherPlace
	item.Edition = c.EditionStatement
	item.CollectionTitle, item.CollectionNumber = c.Series, c.SeriesNumber
	item.ISBN = c.ISBN
	if c.Collection {
		// A volume of interviews is a book; it records no one event.
		item.Type = "book"
	} else {
		item.OriginalDate = cslDateOf(c.Original)
		item.EventDate = cslDateOf(c.Original)
	}
	if len(c.Sources) > 0 {
		item.OriginalTitle = c.Sources[0].Title
	}
	item.Note = strings.Join(c.noteLines(), "\n")
	// Data, not typeset text: no-break spaces become spaces.
	for _, f := range []*string{&item.Title, &item.TitleShort, &item.OriginalTitle, &item.EventPlace, &item.Abstract, &item.Keyword, &item.Note,
		&item.Publisher, &item.PublisherPlace, &item.Edition, &item.CollectionTitle, &item.CollectionNumber} {
		*f = plain(*f)
	}
	for _, ns := range [][]cslName{item.Author, item.Interviewer, item.Editor, item.Translator, item.Contributor} {
		for i := range ns {
			ns[i].Family, ns[i].Given = plain(ns[i].Family), plain(ns[i].Given)
		}
	}

	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode([]cslItem{item}); err != nil {
		return fmt.Errorf("csl-json: %w", err)
	}
	_, err := io.WriteString(w, buf.String())
	return err
}

// noteLines are the facts a format without fields for them keeps in its
// free-text note: the sources of the translation and the identifier.
func (c Citation) noteLines() []string {
	var lines []string
	for i, s := range c.Sources {
		label := "Translated from: "
		if i > 0 {
			label = "Also in: "
		}
		lines = append(lines, label+plain(SourceText(s)))
	}
	// An ISBN has its own field in every format.
	if c.Identifier != "" && !strings.HasPrefix(c.Identifier, "urn:isbn:") {
		lines = append(lines, "Identifier: "+c.Identifier)
	}
	return lines
}

func cslNameOf(n Name) cslName { return cslName{Family: n.Family, Given: n.Given} }

func cslNames(ns []Name) []cslName {
	var out []cslName
	for _, n := range ns {
		out = append(out, cslNameOf(n))
	}
	return out
}

// cslDateOf returns the date-parts of d to its known precision, or nil.
func cslDateOf(d edition.Date) *cslDate {
	if d.IsZero() {
		return nil
	}
	parts := []int{d.Year}
	if d.Month != 0 {
		parts = append(parts, d.Month)
		if d.Day != 0 {
			parts = append(parts, d.Day)
		}
	}
	return &cslDate{DateParts: [][]int{parts}}
}
