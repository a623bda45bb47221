package cite

import (
	"fmt"
	"io"
	"strings"

	"edition/edition"
)

// BibTeX writes the citation as one biblatex entry of type @book, in UTF-8
// (biber reads it as is; for classic BibTeX load inputenc).
//
// biblatex has no interview entry type and no interviewer role: an
// editortype of "interviewer" is not a localisation key, so standard styles
// would print it as "edited by", and Zotero imports an editor as an editor.
// Every creator is therefore an author — as in the EPUB's dc:creator — and
// the note says who conducted the interview, where and when. The translator's
// other parts go in biblatex's own fields (foreword for the writer of the
// preface, annotator), which its styles merge into one phrase ("translated,
// annotated and with a foreword by") when the names agree. Subjects are left
// out: biblatex splits keywords at commas, which subject headings contain.
func BibTeX(w io.Writer, c Citation) error {
	var b strings.Builder
	fmt.Fprintf(&b, "@book{%s,\n", bibKey(c.Slug))
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "  %-12s = {%s},\n", name, value)
		}
	}
	field("author", bibNames(c.Authors(), c.Interviewers()))
	field("title", protect(c.Title))
	field("subtitle", protect(c.Subtitle))
	if c.ShortTitle != c.Title {
		field("shorttitle", protect(c.ShortTitle))
	}
	field("translator", bibNames(c.withRole(edition.Translator)))
	field("foreword", bibNames(c.withRole(edition.PrefaceWriter)))
	field("annotator", bibNames(c.withRole(edition.Annotator)))
	field("editor", bibNames(c.withRole(edition.Editor)))
	field("date", c.Issued.String())
	field("edition", texEscape(c.EditionStatement))
	field("series", protect(c.Series))
	field("number", texEscape(c.SeriesNumber))
	field("publisher", texEscape(c.Publisher))
	field("location", texEscape(c.PublisherPlace))
	field("isbn", c.ISBN)
	field("origdate", c.Original.String())
	field("langid", bibLanguage(c.Language))
	field("language", bibLanguage(c.Language))
	field("origlanguage", bibLanguage(c.OriginalLanguage))
	if len(c.Sources) > 0 {
		field("origtitle", protect(c.Sources[0].Title))
	}
	field("version", texEscape(c.Version))
	field("note", texEscape(c.InterviewStatement()))
	var add []string
	for i, s := range c.Sources {
		label := "Translated from "
		if i > 0 {
			label = "Also in "
		}
		add = append(add, label+bibSource(s))
	}
	field("addendum", strings.Join(add, ". "))
	field("abstract", texEscape(c.Description))
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// withRole returns the people with role r, in display order.
func (c Citation) withRole(r edition.Role) []Name {
	var out []Name
	for _, n := range c.People {
		if n.Has(r) {
			out = append(out, n)
		}
	}
	return out
}

// bibNames lists names as biblatex wants them: "Family, Given and Family,
// Given".
func bibNames(lists ...[]Name) string {
	var parts []string
	for _, ns := range lists {
		for _, n := range ns {
			s := texEscape(n.Family)
			if strings.Contains(n.Family, ",") || strings.Contains(strings.ToLower(" "+n.Family+" "), " and ") {
				s = "{" + s + "}"
			}
			if n.Given != "" {
				s += ", " + texEscape(n.Given)
			}
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " and ")
}

// bibSource is a source for the addendum: its title in quotation marks or
// italics as SourceInlines sets it, its container and volume, its address
// in \url.
func bibSource(s edition.Source) string {
	title := texEscape(s.Title)
	if s.Lang != "" {
		if l := bibLanguage(s.Lang); l != "" {
			title = `\foreignlanguage{` + l + `}{` + title + `}`
		}
	}
	var out string
	if isWebPage(s) {
		out = `\mkbibquote{` + title + `}`
	} else {
		out = `\mkbibemph{` + title + `}`
	}
	if s.Container != "" {
		out += `, \mkbibemph{` + texEscape(s.Container) + `}`
		if s.Volume != "" {
			out += `, vol.~` + texEscape(s.Volume)
		}
	}
	if s.URL != "" {
		out += `, \url{` + urlEscape(s.URL) + `}`
	}
	return out
}

// protect escapes a title and braces it whole, so that no style or importer
// (pandoc, Zotero, sentence-case styles) changes its capitals: the titles
// are full of proper names.
func protect(title string) string {
	if title == "" {
		return ""
	}
	return "{" + texEscape(title) + "}"
}

// bibLanguage names a language as babel, polyglossia and biblatex's langid
// do ("english", "french"; "british" for en-GB, "american" for en-US), or ""
// when this package does not know it.
func bibLanguage(tag string) string {
	primary, region, _ := strings.Cut(strings.ToLower(tag), "-")
	if primary == "en" {
		if v, ok := englishVariants[region]; ok {
			return v
		}
	}
	return strings.ToLower(LanguageName(tag))
}

// englishVariants are babel's names of the regional variants of English.
var englishVariants = map[string]string{
	"gb": "british", "us": "american", "au": "australian", "nz": "newzealand", "ca": "canadian",
}

// bibKey keeps from s the characters safe in an entry key.
func bibKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("-_:.", r):
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "edition"
	}
	return b.String()
}

// texEscape makes s safe as the text of a biblatex field: the TeX special
// characters become commands, a no-break space becomes a tie, and the
// other characters stay UTF-8.
func texEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '\u00a0':
			b.WriteByte('~')
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// urlEscape makes a URL safe inside \url{} in a field: % and # would end
// or break the argument, braces and backslashes unbalance it.
func urlEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `#`, `\#`, `{`, `\{`, `}`, `\}`).Replace(s)
}
