package cite

import (
	"strings"

	"edition/edition"
)

// SourceInlines describes a source of the translation for an imprint page,
// as model inlines: a web page as its quoted title and its address
// (“Texte officiel …”, http://…), a book as its title in italics, then the
// publication it belongs to and its volume (Voyage à Moscou (juin–juillet
// 1935), Cahiers Romain Rolland, vol. 29). Titles are marked with the
// source's language.
func SourceInlines(s edition.Source) []edition.Inline {
	lang := func(in ...edition.Inline) edition.Inline {
		if s.Lang == "" {
			if len(in) == 1 {
				return in[0]
			}
			return &edition.Emphasis{Content: in}
		}
		return &edition.Foreign{Lang: s.Lang, Content: in}
	}
	text := func(t string) *edition.Text { return &edition.Text{Text: t} }
	var out []edition.Inline
	if isWebPage(s) {
		out = append(out, &edition.Quoted{Kind: edition.DoubleQuote, Content: []edition.Inline{lang(text(s.Title))}})
	} else {
		out = append(out, &edition.Emphasis{Content: []edition.Inline{lang(text(s.Title))}})
	}
	if s.Container != "" {
		out = append(out, text(", "), &edition.Emphasis{Content: []edition.Inline{lang(text(s.Container))}})
		if s.Volume != "" {
			out = append(out, text(", vol."+nbsp+s.Volume))
		}
	}
	if s.URL != "" {
		out = append(out, text(", "), &edition.Link{URL: s.URL, Content: []edition.Inline{text(s.URL)}})
	}
	return out
}

// SourceText is SourceInlines as plain text.
func SourceText(s edition.Source) string {
	return edition.PlainText(SourceInlines(s))
}

// isWebPage reports whether s is best cited as a web page: it has an
// address and is not part of a publication.
func isWebPage(s edition.Source) bool {
	return s.URL != "" && s.Container == ""
}

// plain turns the no-break spaces of the reader's text into spaces, for
// formats that are data rather than typeset text.
func plain(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}
