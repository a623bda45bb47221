package cite

import (
	"fmt"
	"io"
	"strings"

	"edition/edition"
)

// RIS writes the citation as one RIS record: "TAG  - value" lines ending in
// CRLF, as the RIS specification asks, closed by ER.
//
// The record is a BOOK: RIS has no interview type (Zotero writes its own
// interviews as PCOMM, a personal communication, which this is not). As in
// BibTeX every creator is an AU, in display order; the translators are A4,
// the subsidiary-author tag that Zotero and EndNote read as translator. RIS
// has no original-date tag (Y2 is the access date), so the interview's date,
// place and interviewer, the sources and the identifier go in N1 notes; OP,
// the original publication, names the first source. The publisher is PB,
// its place CY, the ISBN SN, the series T3 with its number in SV (as Zotero
// reads them).
func RIS(w io.Writer, c Citation) error {
	var b strings.Builder
	tag := func(t, value string) {
		value = risValue(value)
		if value != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, value)
		}
	}
	tag("TY", "BOOK")
	tag("ID", c.Slug)
	tag("TI", c.FullTitle)
	if c.ShortTitle != c.FullTitle {
		tag("ST", c.ShortTitle)
	}
	for _, n := range append(c.Authors(), c.Interviewers()...) {
		tag("AU", risName(n))
	}
	for _, n := range c.withRole(edition.Translator) {
		tag("A4", risName(n))
	}
	for _, n := range c.withRole(edition.Editor) {
		tag("A3", risName(n))
	}
	if !c.Issued.IsZero() {
		tag("PY", fmt.Sprintf("%04d", c.Issued.Year))
		tag("DA", risDate(c.Issued))
	}
	tag("PB", c.Publisher)
	tag("CY", c.PublisherPlace)
	tag("SN", c.ISBN)
	tag("T3", c.Series)
	tag("SV", c.SeriesNumber)
	tag("LA", c.Language)
	// ET is the edition: the statement when there is one, else the
	// version (which then goes in a note).
	if c.EditionStatement != "" {
		tag("ET", c.EditionStatement)
	} else {
		tag("ET", c.Version)
	}
	if len(c.Sources) > 0 {
		tag("OP", SourceText(c.Sources[0]))
	}
	tag("AB", c.Description)
	for _, s := range c.Subjects {
		tag("KW", s)
	}
	tag("N1", c.InterviewStatement())
	tag("N1", c.TranslationCredit())
	if c.EditionStatement != "" && c.Version != "" {
		tag("N1", "Version "+c.Version)
	}
	for _, l := range c.noteLines() {
		tag("N1", l)
	}
	b.WriteString("ER  - \r\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// risName is "Family, Given", the form the RIS specification asks for.
func risName(n Name) string {
	if n.Given == "" {
		return n.Family
	}
	return n.Family + ", " + n.Given
}

// risDate is d as RIS's DA wants it: YYYY/MM/DD/, unknown parts empty.
func risDate(d edition.Date) string {
	s := fmt.Sprintf("%04d/", d.Year)
	if d.Month != 0 {
		s += fmt.Sprintf("%02d", d.Month)
	}
	s += "/"
	if d.Day != 0 {
		s += fmt.Sprintf("%02d", d.Day)
	}
	return s + "/"
}

// risValue keeps a value on its line: RIS has no escape for line breaks.
func risValue(s string) string {
	s = plain(s)
	return strings.Join(strings.Fields(s), " ")
}
