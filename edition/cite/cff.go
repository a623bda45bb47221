package cite

import (
	"fmt"
	"io"
	"strings"

	"edition/edition"
)

// CFFMessage is the message of the CITATION.cff file.
const CFFMessage = "If you use this edition, please cite it using the metadata in preferred-citation."

// CFF writes the citation as a CITATION.cff file (Citation File Format
// 1.2.0).
//
// CFF describes software or datasets, and its type admits only those two.
// The edition is neither a program nor data in the usual sense; "dataset" is
// the honest one of the two — the files are a text corpus made from a
// source — and the book itself is described in preferred-citation, whose
// reference type "book" fits, with its translators, year, original year,
// languages and copyright. authors are the creators, as in dc:creator. There
// is no license key: a rights statement such as "all rights reserved" has
// no SPDX identifier, so the statement goes in preferred-citation's
// copyright instead. date-released needs a full date and is left out when
// the issue date is known only to the year. The sources are references.
func CFF(w io.Writer, c Citation) error {
	var y yamlWriter
	y.scalar(0, "cff-version", "1.2.0")
	y.scalar(0, "message", CFFMessage)
	y.scalar(0, "type", "dataset")
	y.scalar(0, "title", c.FullTitle)
	if c.Version != "" {
		y.scalar(0, "version", c.Version)
	}
	if c.Issued.Day != 0 {
		y.scalar(0, "date-released", c.Issued.String())
	}
	if c.Description != "" {
		y.scalar(0, "abstract", c.Description)
	}
	y.people(0, "authors", c.Creators)
	y.identifiers(0, c)
	y.list(0, "keywords", c.Subjects)

	y.key(0, "preferred-citation")
	y.scalar(1, "type", "book")
	y.scalar(1, "title", c.FullTitle)
	y.people(1, "authors", c.Creators)
	y.people(1, "translators", c.Translators)
	if !c.Issued.IsZero() {
		y.number(1, "year", c.Issued.Year)
	}
	if !c.Original.IsZero() {
		y.number(1, "year-original", c.Original.Year)
	}
	if l := cffLanguage(c.Language); l != "" {
		y.list(1, "languages", []string{l})
	}
	if c.Version != "" {
		y.scalar(1, "version", c.Version)
	}
	if c.EditionStatement != "" {
		y.scalar(1, "edition", c.EditionStatement)
	}
	if c.Publisher != "" {
		y.key(1, "publisher")
		y.scalar(2, "name", c.Publisher)
		if c.PublisherPlace != "" {
			y.scalar(2, "city", c.PublisherPlace)
		}
	}
	if c.Published.Day != 0 {
		y.scalar(1, "date-published", c.Published.String())
	}
	if s := c.SeriesStatement(); s != "" {
		y.scalar(1, "collection-title", s)
		y.scalar(1, "collection-type", "series")
	}
	if c.ISBN != "" {
		y.scalar(1, "isbn", c.ISBN)
	}
	y.identifiers(1, c)
	if c.Rights != "" {
		y.scalar(1, "copyright", c.Rights)
	}
	var notes []string
	if s := c.InterviewStatement(); s != "" {
		notes = append(notes, s+".")
	}
	if s := c.TranslationCredit(); s != "" {
		notes = append(notes, s+".")
	}
	if len(notes) > 0 {
		y.scalar(1, "notes", strings.Join(notes, " "))
	}
	if c.Description != "" {
		y.scalar(1, "abstract", c.Description)
	}
	y.list(1, "keywords", c.Subjects)

	if len(c.Sources) > 0 {
		y.key(0, "references")
		for _, s := range c.Sources {
			y.item(1)
			cffSource(&y, c, s)
		}
	}
	_, err := io.WriteString(w, y.String())
	return err
}

// cffSource writes one source as a reference: a web page as "website"
// with its url, a part of a publication as "book" with its collection and
// volume. Its authors are the interview's creators, whose text it is.
func cffSource(y *yamlWriter, c Citation, s edition.Source) {
	const in = 2
	if isWebPage(s) {
		y.scalar(in, "type", "website")
	} else {
		y.scalar(in, "type", "book")
	}
	y.scalar(in, "title", s.Title)
	y.people(in, "authors", c.Creators)
	if s.Container != "" {
		y.scalar(in, "collection-title", s.Container)
	}
	if s.Volume != "" {
		y.scalar(in, "volume", s.Volume)
	}
	if l := cffLanguage(s.Lang); l != "" {
		y.list(in, "languages", []string{l})
	}
	if s.URL != "" {
		y.scalar(in, "url", s.URL)
	}
}

// cffLanguage is the ISO 639 code CFF wants: the primary subtag of a BCP 47
// tag, if it has the form CFF allows.
func cffLanguage(tag string) string {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if len(primary) < 2 || len(primary) > 3 {
		return ""
	}
	for _, r := range primary {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return primary
}

// yamlWriter writes the small subset of YAML a CFF file needs: block
// mappings and sequences, every string double-quoted so that no value is
// misread as a number, a date or a boolean, and with its no-break spaces
// made spaces (the file is data, not typeset text).
type yamlWriter struct {
	strings.Builder
	// pending is the indentation of a sequence item whose "- " is written
	// but whose first key is not.
	pending bool
}

// indent writes the indentation of level, or nothing after a "- ".
func (y *yamlWriter) indent(level int) {
	if y.pending {
		y.pending = false
		return
	}
	y.WriteString(strings.Repeat("  ", level))
}

func (y *yamlWriter) key(level int, k string) {
	y.indent(level)
	y.WriteString(k + ":\n")
}

func (y *yamlWriter) scalar(level int, k, v string) {
	y.indent(level)
	y.WriteString(k + ": " + yamlQuote(plain(v)) + "\n")
}

func (y *yamlWriter) number(level int, k string, v int) {
	y.indent(level)
	fmt.Fprintf(y, "%s: %d\n", k, v)
}

// item starts a sequence item whose content is at level+1.
func (y *yamlWriter) item(level int) {
	y.WriteString(strings.Repeat("  ", level) + "- ")
	y.pending = true
}

func (y *yamlWriter) list(level int, k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	y.key(level, k)
	for _, v := range vs {
		y.WriteString(strings.Repeat("  ", level+1) + "- " + yamlQuote(plain(v)) + "\n")
	}
}

func (y *yamlWriter) people(level int, k string, ns []Name) {
	if len(ns) == 0 {
		return
	}
	y.key(level, k)
	for _, n := range ns {
		y.item(level + 1)
		if n.Family != "" {
			y.scalar(level+2, "family-names", n.Family)
		}
		if n.Given != "" {
			y.scalar(level+2, "given-names", n.Given)
		}
	}
}

// identifiers writes the edition's identifier and, when it is not the
// ISBN, the ISBN as a second one: CFF has no ISBN type of identifier, so
// it is "other", as urn:isbn:….
func (y *yamlWriter) identifiers(level int, c Citation) {
	id := c.Identifier
	isbn := ""
	if c.ISBN13 != "" && !strings.HasPrefix(id, "urn:isbn:") {
		isbn = "urn:isbn:" + c.ISBN13
	}
	if id == "" && isbn == "" {
		return
	}
	y.key(level, "identifiers")
	if id != "" {
		y.item(level + 1)
		typ := "other"
		if strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://") {
			typ = "url"
		}
		y.scalar(level+2, "type", typ)
		y.scalar(level+2, "value", id)
		y.scalar(level+2, "description", "The edition's stable identifier.")
	}
	if isbn != "" {
		y.item(level + 1)
		y.scalar(level+2, "type", "other")
		y.scalar(level+2, "value", isbn)
		y.scalar(level+2, "description", "The edition's ISBN.")
	}
}

// yamlQuote double-quotes s for YAML, escaping what YAML's double-quoted
// style requires and keeping every other character as UTF-8.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfeff || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
