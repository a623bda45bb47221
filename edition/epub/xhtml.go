package epub

import (
	"encoding/xml"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"edition/edition"
	"edition/edition/cite"
	"edition/edition/cover"
)

// writer writes the content documents. Every character from the model goes
// through esc; markup comes only from this file.
type writer struct {
	book    *edition.Book
	lang    string
	paraDoc map[string]string // paragraph ID → document holding it
	refDoc  map[int]string    // note number → document holding its mark

	breaks  map[string][]edition.PageBreak // paragraph ID → its breaks, by rune
	placed  map[string]int                 // paragraph ID → breaks written
	lengths map[string]int                 // paragraph ID → runes of its plain text
	order   map[string]int                 // paragraph ID → reading order
}

func newWriter(b *edition.Book, breaks []edition.PageBreak) (*writer, error) {
	w := &writer{
		book:    b,
		lang:    b.Meta.Language,
		paraDoc: map[string]string{},
		breaks:  map[string][]edition.PageBreak{},
		placed:  map[string]int{},
		lengths: map[string]int{},
		order:   map[string]int{},
	}
	for i, p := range b.Paragraphs() {
		w.order[p.ID] = i
	}
	ids := map[string]bool{}
	for _, pb := range breaks {
		if _, ok := w.order[pb.At.Paragraph]; !ok {
			return nil, fmt.Errorf("page %s: no paragraph %q", pb.Folio, pb.At.Paragraph)
		}
		if pb.At.Rune < 0 {
			return nil, fmt.Errorf("page %s: negative offset %d", pb.Folio, pb.At.Rune)
		}
		id := pageID(pb.Folio)
		if ids[id] {
			return nil, fmt.Errorf("page %s: folio given twice", pb.Folio)
		}
		ids[id] = true
		w.breaks[pb.At.Paragraph] = append(w.breaks[pb.At.Paragraph], pb)
	}
	for _, list := range w.breaks {
		sort.SliceStable(list, func(i, j int) bool { return list[i].At.Rune < list[j].At.Rune })
	}
	return w, nil
}

// checkBreaks reports page breaks that fell outside their paragraph's text.
func (w *writer) checkBreaks() error {
	for id, list := range w.breaks {
		if w.placed[id] != len(list) {
			pb := list[w.placed[id]]
			return fmt.Errorf("page %s: offset %d is beyond the %d characters of paragraph %q",
				pb.Folio, pb.At.Rune, w.lengths[id], id)
		}
	}
	return nil
}

// pageEntry is one line of the page-list.
type pageEntry struct {
	folio, href string
}

// pageEntries lists the page breaks in reading order.
func (w *writer) pageEntries() []pageEntry {
	var all []edition.PageBreak
	for _, list := range w.breaks {
		all = append(all, list...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i].At, all[j].At
		if a.Paragraph != b.Paragraph {
			return w.order[a.Paragraph] < w.order[b.Paragraph]
		}
		return a.Rune < b.Rune
	})
	out := make([]pageEntry, len(all))
	for i, pb := range all {
		out[i] = pageEntry{folio: pb.Folio, href: xhtmlDir + "/" + w.paraDoc[pb.At.Paragraph] + "#" + pageID(pb.Folio)}
	}
	return out
}

// pageID makes an XML ID from a folio: "page-12", "page-iv".
func pageID(folio string) string {
	var b strings.Builder
	b.WriteString("page-")
	for _, r := range folio {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x", r)
		}
	}
	return b.String()
}

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// head opens a content document: the XHTML namespace and the EPUB one for
// epub:type, the book's language twice (lang for HTML, xml:lang for XML
// reading systems), the title and the stylesheet.
func (w *writer) head(title, cssHref, bodyType string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString("<!DOCTYPE html>\n")
	fmt.Fprintf(&b, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%s" xml:lang="%s">`+"\n", esc(w.lang), esc(w.lang))
	b.WriteString("<head>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(title))
	fmt.Fprintf(&b, `<link rel="stylesheet" type="text/css" href="%s"/>`+"\n", esc(cssHref))
	b.WriteString("</head>\n")
	if bodyType != "" {
		fmt.Fprintf(&b, `<body epub:type="%s">`+"\n", bodyType)
	} else {
		b.WriteString("<body>\n")
	}
	return b.String()
}

const tail = "</body>\n</html>\n"

const docCSS = "../" + cssDir + "/" + cssName

func (w *writer) coverDoc(d *document) string {
	var b strings.Builder
	b.WriteString(w.head(d.title, docCSS, ""))
	// The cover image carries the cover's semantics itself: epub:type
	// "cover" with its DPUB-ARIA twin doc-cover, which is only allowed on
	// an image.
	fmt.Fprintf(&b, `<div class="cover"><img src="../%s/%s" epub:type="cover" role="doc-cover" alt="%s"/></div>`+"\n",
		imageDir, coverName, esc(cover.Description(w.book)))
	b.WriteString(tail)
	return b.String()
}

func (w *writer) titlePage(d *document, c cite.Citation) string {
	var b strings.Builder
	b.WriteString(w.head(d.title, docCSS, "frontmatter"))
	b.WriteString(`<section id="titlepage" class="titlepage" epub:type="titlepage" aria-label="Title page">` + "\n")
	fmt.Fprintf(&b, `<h1 class="title">%s</h1>`+"\n", esc(c.Title))
	if c.Subtitle != "" {
		fmt.Fprintf(&b, `<p class="subtitle">%s</p>`+"\n", esc(c.Subtitle))
	}
	for _, n := range c.Creators {
		fmt.Fprintf(&b, `<p class="person"><span class="name">%s</span><br/><span class="role">%s</span></p>`+"\n",
			esc(n.Display), esc(strings.ToLower(n.RoleSummary())))
	}
	if where := c.PlaceAndDate(); where != "" {
		fmt.Fprintf(&b, `<p class="event">%s</p>`+"\n", esc(where))
	}
	if credit := c.TranslationCredit(); credit != "" {
		fmt.Fprintf(&b, `<p class="credit">%s</p>`+"\n", esc(credit))
	}
	// Contributors who are not translators are not in the credit line;
	// those who only speak are named after "with".
	for _, n := range c.Contributors {
		if !n.Has(edition.Translator) && len(n.Roles) > 0 {
			fmt.Fprintf(&b, `<p class="credit">%s: %s</p>`+"\n", esc(n.RoleSummary()), esc(n.Display))
		}
	}
	if with := c.WithLine(); with != "" {
		fmt.Fprintf(&b, `<p class="credit">%s</p>`+"\n", esc(with))
	}
	if s := c.EditionStatement; s != "" {
		fmt.Fprintf(&b, `<p class="edition">%s</p>`+"\n", esc(s))
	}
	if s := c.SeriesStatement(); s != "" {
		fmt.Fprintf(&b, `<p class="series">%s</p>`+"\n", esc(s))
	}
	if s := c.Imprint(); s != "" {
		fmt.Fprintf(&b, `<p class="publisher">%s</p>`+"\n", esc(s))
	}
	b.WriteString("</section>\n")
	b.WriteString(tail)
	return b.String()
}

func (w *writer) imprint(d *document, c cite.Citation) string {
	var b strings.Builder
	b.WriteString(w.head(d.title, docCSS, "frontmatter"))
	b.WriteString(`<section id="imprint" class="imprint" epub:type="imprint" aria-labelledby="imprint-title">` + "\n")
	b.WriteString(`<h1 id="imprint-title">Imprint</h1>` + "\n")
	fmt.Fprintf(&b, "<p><i>%s</i></p>\n", esc(c.FullTitle))
	if credit := c.TranslationCredit(); credit != "" {
		fmt.Fprintf(&b, "<p>%s.</p>\n", esc(credit))
	}
	if len(c.Sources) > 0 {
		lang := cite.LanguageName(c.OriginalLanguage)
		heading := "Source"
		if len(c.Sources) > 1 {
			heading = "Sources"
		}
		if lang != "" {
			heading = "The " + lang + " " + strings.ToLower(heading)
		}
		fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(heading))
		for _, s := range c.Sources {
			b.WriteString(`<p class="source">`)
			b.WriteString(w.source(s))
			b.WriteString("</p>\n")
		}
	}
	b.WriteString("<h2>This edition</h2>\n")
	if s := c.Imprint(); s != "" {
		p := "Published by " + c.Publisher
		if c.PublisherPlace != "" {
			p += ", " + c.PublisherPlace
		}
		if !c.Published.IsZero() {
			p += ", " + c.Published.Long()
		}
		fmt.Fprintf(&b, "<p>%s.</p>\n", esc(p))
	}
	if s := c.EditionStatement; s != "" {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(sentenceEnd(s)))
	}
	if s := c.SeriesStatement(); s != "" {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(sentenceEnd(s)))
	}
	if c.Rights != "" {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(c.Rights))
	}
	if c.Version != "" {
		fmt.Fprintf(&b, "<p>Version %s.</p>\n", esc(c.Version))
	}
	if c.ISBN != "" {
		fmt.Fprintf(&b, `<p>ISBN <span class="identifier">%s</span></p>`+"\n", esc(c.ISBN))
	}
	if c.Identifier != "" && !strings.HasPrefix(c.Identifier, "urn:isbn:") {
		fmt.Fprintf(&b, `<p>Identifier: <span class="identifier">%s</span></p>`+"\n", esc(c.Identifier))
	}
	b.WriteString("<h2>How to cite this edition</h2>\n")
	b.WriteString(`<p class="citation">`)
	b.WriteString(w.inlines(c.Inlines(), nil))
	b.WriteString("</p>\n")
	b.WriteString("</section>\n")
	b.WriteString(tail)
	return b.String()
}

// source writes a source: its title in its language and italics, the
// publication it is part of, and its address.
func (w *writer) source(s edition.Source) string {
	var b strings.Builder
	b.WriteString("<i")
	b.WriteString(langAttrs(s.Lang))
	b.WriteString(">")
	b.WriteString(esc(s.Title))
	b.WriteString("</i>")
	if s.Container != "" {
		b.WriteString(", in <i")
		b.WriteString(langAttrs(s.Lang))
		b.WriteString(">")
		b.WriteString(esc(s.Container))
		b.WriteString("</i>")
		if s.Volume != "" {
			b.WriteString(", vol.\u00a0" + esc(s.Volume))
		}
	}
	if s.URL != "" {
		b.WriteString(", ")
		b.WriteString(w.inline(&edition.Link{URL: s.URL, Content: []edition.Inline{&edition.Text{Text: s.URL}}}, nil))
	}
	b.WriteString(".")
	return b.String()
}

func langAttrs(lang string) string {
	if lang == "" {
		return ""
	}
	return fmt.Sprintf(` lang="%s" xml:lang="%s"`, esc(lang), esc(lang))
}

// section writes the preface or the colophon.
func (w *writer) section(d *document, s *edition.Section, matter, epubType, role string) string {
	var b strings.Builder
	b.WriteString(w.head(d.title, docCSS, matter))
	fmt.Fprintf(&b, `<section id="%s" epub:type="%s" role="%s" aria-labelledby="%s-title">`+"\n", esc(s.ID), epubType, role, esc(s.ID))
	fmt.Fprintf(&b, `<h1 id="%s-title">%s</h1>`+"\n", esc(s.ID), w.inlines(s.Title, nil))
	for i := range s.Paragraphs {
		b.WriteString(w.paragraph(&s.Paragraphs[i], "", ""))
	}
	if s.Signature != nil {
		b.WriteString(w.paragraph(s.Signature, "signature", ""))
	}
	b.WriteString("</section>\n")
	b.WriteString(tail)
	return b.String()
}

// interview writes one interview. Each turn is a block of its own holding
// the turn's paragraphs, so a turn of several paragraphs reads as one; the
// first paragraph opens with the speaker's name (b: a name set apart without
// stress, in small caps by the stylesheet) and any stage direction in
// italics, in parentheses, as the source gives it. A quotation the speaker
// reads out is a blockquote within the turn. In a collection, a line under
// the title names the participants, the place and the date.
func (w *writer) interview(d *document, iv *edition.Interview) string {
	var b strings.Builder
	b.WriteString(w.head(d.title, docCSS, "bodymatter"))
	fmt.Fprintf(&b, `<section id="%s" epub:type="chapter" role="doc-chapter" aria-labelledby="%s-title">`+"\n", esc(iv.ID), esc(iv.ID))
	fmt.Fprintf(&b, `<h1 id="%s-title">%s</h1>`+"\n", esc(iv.ID), w.inlines(iv.Title, nil))
	if w.book.Collection() {
		if line := cite.Chapter(w.book, iv); line != "" {
			fmt.Fprintf(&b, `<p class="chapter-event">%s</p>`+"\n", esc(line))
		}
	}
	for t := range iv.Turns {
		turn := &iv.Turns[t]
		name := turn.Speaker
		if p, ok := w.book.Meta.Person(turn.Speaker); ok {
			name = p.Speaker
			if name == "" {
				name = p.Name
			}
		}
		label := `<b class="speaker">` + esc(name) + `</b>`
		if turn.Direction != "" {
			label += ` (<i class="direction">` + esc(turn.Direction) + `</i>)`
		}
		label += ": "
		b.WriteString(`<div class="turn">` + "\n")
		quoting := false
		for i := range turn.Paragraphs {
			p := &turn.Paragraphs[i]
			if p.Quotation != quoting {
				if quoting {
					b.WriteString("</blockquote>\n")
				} else {
					b.WriteString("<blockquote>\n")
				}
				quoting = p.Quotation
			}
			prefix := ""
			if i == 0 {
				prefix = label
			}
			b.WriteString(w.paragraph(p, "", prefix))
		}
		if quoting {
			b.WriteString("</blockquote>\n")
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</section>\n")
	b.WriteString(tail)
	return b.String()
}

// notes writes the endnotes.
//
// The markup is chosen so that the note pops up on the three big readers:
//   - The mark is a bare <a epub:type="noteref" role="doc-noteref"> holding
//     only the number (Apple Books pops up nothing when the link has
//     element children); its superscript comes from the stylesheet.
//   - Each note is a <div epub:type="footnote" role="doc-footnote">: Apple
//     Books pops up targets typed footnote, Kobo needs footnote (or endnote)
//     on the target because it ignores noteref. A div rather than an aside,
//     because Apple Books hides footnote asides from the reading flow and the
//     notes page would be empty; not an li, because doc-footnote is not
//     allowed on a list item and doc-endnote is deprecated.
//   - Kindle has no semantics to go on: it pops up a target that links back
//     to the mark. The backlink is the note's number at the start of the
//     note ("1."), so each pop-up begins with its number and holds that note
//     only; a backlink at the end can make Kindle run several notes into
//     one pop-up.
func (w *writer) notes(d *document) string {
	var b strings.Builder
	b.WriteString(w.head(d.title, docCSS, "backmatter"))
	b.WriteString(`<section id="endnotes" epub:type="endnotes" role="doc-endnotes" aria-labelledby="endnotes-title">` + "\n")
	fmt.Fprintf(&b, `<h1 id="endnotes-title">%s</h1>`+"\n", w.inlines(d.titleIn, nil))
	for n := range w.book.Notes {
		note := &w.book.Notes[n]
		fmt.Fprintf(&b, `<div class="note" id="note-%d" epub:type="footnote" role="doc-footnote">`+"\n", note.Number)
		back := fmt.Sprintf(`<a class="backlink" href="%s#noteref-%d" role="doc-backlink">%d.</a> `,
			esc(w.refDoc[note.Number]), note.Number, note.Number)
		if w.refDoc[note.Number] == "" {
			back = fmt.Sprintf(`<span class="number">%d.</span> `, note.Number)
		}
		for i := range note.Paragraphs {
			prefix := ""
			if i == 0 {
				prefix = back
			}
			b.WriteString(w.paragraph(&note.Paragraphs[i], "", prefix))
		}
		if len(note.Paragraphs) == 0 {
			b.WriteString("<p>" + back + "</p>\n")
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</section>\n")
	b.WriteString(tail)
	return b.String()
}

// cursor tracks, within one paragraph, the offset in runes of its plain
// text, so that page breaks land where the print edition reports them.
type cursor struct {
	id     string
	pos    int
	breaks []edition.PageBreak
	next   int
}

// mark writes the markers of every page break at or before offset at.
func (w *writer) mark(b *strings.Builder, c *cursor, at int) {
	if c == nil {
		return
	}
	for c.next < len(c.breaks) && c.breaks[c.next].At.Rune <= at {
		f := c.breaks[c.next].Folio
		fmt.Fprintf(b, `<span id="%s" role="doc-pagebreak" epub:type="pagebreak" aria-label="%s"></span>`, pageID(f), esc(f))
		c.next++
		w.placed[c.id]++
	}
}

// paragraph writes p with its ID, its class, an optional prefix (markup
// written by this package: a speaker's name, a note's backlink) and the page
// breaks that fall in it.
func (w *writer) paragraph(p *edition.Paragraph, class, prefix string) string {
	var b strings.Builder
	b.WriteString("<p")
	if p.ID != "" {
		fmt.Fprintf(&b, ` id="%s"`, esc(p.ID))
	}
	if class != "" {
		fmt.Fprintf(&b, ` class="%s"`, class)
	}
	b.WriteString(">")
	c := &cursor{id: p.ID, breaks: w.breaks[p.ID]}
	w.mark(&b, c, 0) // a page that begins with the paragraph begins before its label
	b.WriteString(prefix)
	b.WriteString(w.inlines(p.Content, c))
	w.lengths[p.ID] = c.pos
	w.mark(&b, c, c.pos)
	b.WriteString("</p>\n")
	return b.String()
}

func (w *writer) inlines(content []edition.Inline, c *cursor) string {
	var b strings.Builder
	for _, in := range content {
		b.WriteString(w.inline(in, c))
	}
	return b.String()
}

// inline writes one inline, counting its runes exactly as
// edition.PlainText does: text and quotation marks count, note marks do not.
func (w *writer) inline(in edition.Inline, c *cursor) string {
	var b strings.Builder
	switch n := in.(type) {
	case *edition.Text:
		w.text(&b, n.Text, c)
	case *edition.Emphasis:
		// Emphasis in this book marks titles of works and foreign words
		// more than stress, so <i> (a different voice) rather than <em>.
		b.WriteString("<i>")
		b.WriteString(w.inlines(n.Content, c))
		b.WriteString("</i>")
	case *edition.Quoted:
		open, close := n.Marks()
		w.text(&b, open, c)
		b.WriteString(w.inlines(n.Content, c))
		w.text(&b, close, c)
	case *edition.Foreign:
		b.WriteString("<span" + langAttrs(n.Lang) + ">")
		b.WriteString(w.inlines(n.Content, c))
		b.WriteString("</span>")
	case *edition.Link:
		if safeURL(n.URL) {
			class := ""
			if len(n.Content) == 1 {
				if t, ok := n.Content[0].(*edition.Text); ok && t.Text == n.URL {
					class = ` class="url"`
				}
			}
			fmt.Fprintf(&b, `<a href="%s"%s>`, esc(n.URL), class)
			b.WriteString(w.inlines(n.Content, c))
			b.WriteString("</a>")
		} else {
			b.WriteString(w.inlines(n.Content, c))
		}
	case *edition.Direction:
		// As a direction after a speaker's name: italics in parentheses.
		open, close := n.Marks()
		w.text(&b, open, c)
		b.WriteString(`<i class="direction">`)
		b.WriteString(w.inlines(n.Content, c))
		b.WriteString("</i>")
		w.text(&b, close, c)
	case *edition.NoteRef:
		// No element inside the link: see notes.
		fmt.Fprintf(&b, `<a class="noteref" href="notes.xhtml#note-%d" id="noteref-%d" epub:type="noteref" role="doc-noteref">%d</a>`,
			n.Number, n.Number, n.Number)
	default:
		b.WriteString(w.inlines(edition.Children(in), c))
	}
	return b.String()
}

// text writes s escaped, with the page-break markers that fall inside it.
func (w *writer) text(b *strings.Builder, s string, c *cursor) {
	if c == nil {
		b.WriteString(esc(s))
		return
	}
	n := utf8.RuneCountInString(s)
	if c.next >= len(c.breaks) || c.breaks[c.next].At.Rune >= c.pos+n {
		b.WriteString(esc(s))
		c.pos += n
		return
	}
	for _, r := range s {
		w.mark(b, c, c.pos)
		b.WriteString(esc(string(r)))
		c.pos++
	}
}

// safeURL reports whether u may be a link: only web and mail addresses.
func safeURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// sentenceEnd ends s with a full stop unless it ends a sentence already.
func sentenceEnd(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}
