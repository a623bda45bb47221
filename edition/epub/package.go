package epub

import (
	"fmt"
	"strings"

	"edition/edition"
	"edition/edition/cite"
	"edition/edition/cover"
)

// Conformance is the accessibility conformance the package claims. The
// claim is made because the content meets it: text with a logical reading
// order and structure, alternative text for the one image, marked languages,
// no forced colours or fonts; EPUBCheck and Ace by DAISY check it on every
// validation run (scripts/validate-epub.sh).
const Conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

// ModifiedFormat is the form EPUB requires of dcterms:modified.
const ModifiedFormat = "2006-01-02T15:04:05Z"

// packageDoc writes the package document: the metadata from the citation
// (every name, role, date and title comes from cite.Of), the manifest and
// the spine in reading order.
func (p *publication) packageDoc() []byte {
	c := p.cite
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="%s">`+"\n", esc(c.Language))
	b.WriteString(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	meta := func(property, value string) {
		fmt.Fprintf(&b, `<meta property="%s">%s</meta>`+"\n", property, esc(value))
	}
	refine := func(id, property, value string) {
		fmt.Fprintf(&b, `<meta refines="#%s" property="%s">%s</meta>`+"\n", id, property, esc(value))
	}
	fmt.Fprintf(&b, `<dc:identifier id="pub-id">%s</dc:identifier>`+"\n", esc(c.Identifier))
	// An ISBN is marked as one (ONIX code list 5: 15 is ISBN-13); when the
	// identifier is not the ISBN, the ISBN is a second identifier.
	if strings.HasPrefix(c.Identifier, "urn:isbn:") {
		fmt.Fprintf(&b, `<meta refines="#pub-id" property="identifier-type" scheme="onix:codelist5">15</meta>`+"\n")
	} else if c.ISBN13 != "" {
		fmt.Fprintf(&b, `<dc:identifier id="isbn">urn:isbn:%s</dc:identifier>`+"\n", c.ISBN13)
		fmt.Fprintf(&b, `<meta refines="#isbn" property="identifier-type" scheme="onix:codelist5">15</meta>`+"\n")
	}
	fmt.Fprintf(&b, `<dc:title id="title">%s</dc:title>`+"\n", esc(c.Title))
	refine("title", "title-type", "main")
	refine("title", "display-seq", "1")
	if c.Subtitle != "" {
		fmt.Fprintf(&b, `<dc:title id="subtitle">%s</dc:title>`+"\n", esc(c.Subtitle))
		refine("subtitle", "title-type", "subtitle")
		refine("subtitle", "display-seq", "2")
	}
	fmt.Fprintf(&b, "<dc:language>%s</dc:language>\n", esc(c.Language))
	// Apple Books shows only the first creator: the creators come in
	// display order, the primary one first.
	// person writes one dc:creator or dc:contributor with its refinements.
	person := func(element string, i int, n cite.Name) {
		id := fmt.Sprintf("%s-%d", element, i+1)
		fmt.Fprintf(&b, `<dc:%s id="%s">%s</dc:%s>`+"\n", element, id, esc(n.Display), element)
		refine(id, "file-as", n.FileAs)
		refine(id, "display-seq", fmt.Sprint(i+1))
		for _, r := range n.Roles {
			fmt.Fprintf(&b, `<meta refines="#%s" property="role" scheme="marc:relators">%s</meta>`+"\n", id, esc(string(r)))
		}
	}
	for i, n := range c.Creators {
		person("creator", i, n)
	}
	for i, n := range c.Contributors {
		person("contributor", i, n)
	}
	if !c.Issued.IsZero() {
		fmt.Fprintf(&b, "<dc:date>%s</dc:date>\n", esc(c.Issued.String()))
	}
	if c.Publisher != "" {
		fmt.Fprintf(&b, "<dc:publisher>%s</dc:publisher>\n", esc(c.Publisher))
	}
	if c.Series != "" {
		fmt.Fprintf(&b, `<meta property="belongs-to-collection" id="series">%s</meta>`+"\n", esc(c.Series))
		refine("series", "collection-type", "series")
		if c.SeriesNumber != "" {
			refine("series", "group-position", c.SeriesNumber)
		}
	}
	for i, s := range c.Sources {
		lang := ""
		if s.Lang != "" && s.Lang != c.Language {
			lang = ` xml:lang="` + esc(s.Lang) + `"`
		}
		fmt.Fprintf(&b, `<dc:source id="source-%d"%s>%s</dc:source>`+"\n", i+1, lang, esc(sourceLine(s)))
	}
	if p.pagSrc != "" {
		fmt.Fprintf(&b, `<dc:source id="pagination-source">%s</dc:source>`+"\n", esc(p.pagSrc))
		refine("pagination-source", "source-of", "pagination")
	}
	if c.Rights != "" {
		fmt.Fprintf(&b, "<dc:rights>%s</dc:rights>\n", esc(c.Rights))
	}
	if c.Description != "" {
		fmt.Fprintf(&b, "<dc:description>%s</dc:description>\n", esc(c.Description))
	}
	for _, s := range c.Subjects {
		fmt.Fprintf(&b, "<dc:subject>%s</dc:subject>\n", esc(s))
	}
	meta("dcterms:modified", p.book.Modified.UTC().Format(ModifiedFormat))
	meta("dcterms:bibliographicCitation", c.Text())

	// Accessibility (EPUB Accessibility 1.1, schema.org terms).
	meta("schema:accessMode", "textual")
	meta("schema:accessMode", "visual")
	meta("schema:accessModeSufficient", "textual")
	features := []string{"alternativeText", "displayTransformability", "readingOrder", "structuralNavigation", "tableOfContents"}
	if len(p.pages) > 0 {
		features = append(features, "pageBreakMarkers", "pageNavigation")
	}
	for _, f := range features {
		meta("schema:accessibilityFeature", f)
	}
	meta("schema:accessibilityHazard", "none")
	meta("schema:accessibilitySummary", p.summary())
	meta("dcterms:conformsTo", Conformance)
	// For reading systems that still look for an EPUB 2 cover.
	b.WriteString(`<meta name="cover" content="cover-image"/>` + "\n")
	b.WriteString("</metadata>\n")

	b.WriteString("<manifest>\n")
	item := func(id, href, mediaType, props string) {
		if props != "" {
			props = ` properties="` + props + `"`
		}
		fmt.Fprintf(&b, `<item id="%s" href="%s" media-type="%s"%s/>`+"\n", id, href, mediaType, props)
	}
	item("nav", navHref, "application/xhtml+xml", "nav")
	item("ncx", ncxHref, "application/x-dtbncx+xml", "")
	item("css", cssDir+"/"+cssName, "text/css", "")
	item("cover-image", imageDir+"/"+coverName, cover.MediaType, "cover-image")
	for _, d := range p.docs {
		item(d.id, xhtmlDir+"/"+d.name, "application/xhtml+xml", "")
	}
	b.WriteString("</manifest>\n")

	b.WriteString(`<spine toc="ncx">` + "\n")
	for _, d := range p.docs {
		fmt.Fprintf(&b, `<itemref idref="%s"/>`+"\n", d.id)
		if d.id == "imprint" {
			// The contents follow the imprint, as in print.
			b.WriteString(`<itemref idref="nav"/>` + "\n")
		}
	}
	b.WriteString("</spine>\n")
	b.WriteString("</package>\n")
	return []byte(b.String())
}

// summary is the accessibility summary: what a reader can rely on.
func (p *publication) summary() string {
	s := "This publication conforms to WCAG 2.2 Level AA. It is text with headings, a table of contents and landmarks; " +
		"every language other than the book's is marked; the speakers of the interview are marked up; " +
		"notes are linked both ways; the cover image has a text description; no colours or fonts are imposed."
	if len(p.pages) > 0 {
		s += " Page numbers of the print edition are marked and listed."
	}
	return s
}

// sourceLine describes a source for dc:source: title, publication, volume
// and address.
func sourceLine(s edition.Source) string {
	parts := []string{s.Title}
	if s.Container != "" {
		c := s.Container
		if s.Volume != "" {
			c += ", vol. " + s.Volume
		}
		parts = append(parts, c)
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, ", ")
}

// navDoc writes the navigation document: the contents (also a page of the
// spine, after the imprint), the landmarks and, with page breaks, the list
// of print pages.
func (p *publication) navDoc() []byte {
	w := &writer{book: p.book, lang: p.cite.Language}
	var b strings.Builder
	b.WriteString(w.head("Contents", cssDir+"/"+cssName, "frontmatter"))
	b.WriteString(`<nav id="toc" epub:type="toc" role="doc-toc" aria-labelledby="toc-title">` + "\n")
	b.WriteString(`<h1 id="toc-title">Contents</h1>` + "\n<ol>\n")
	for _, d := range p.docs {
		if d.inToc {
			fmt.Fprintf(&b, `<li><a href="%s/%s">%s</a></li>`+"\n", xhtmlDir, d.name, w.inlines(stripLinks(d.titleIn), nil))
		}
	}
	b.WriteString("</ol>\n</nav>\n")
	b.WriteString(`<nav id="landmarks" epub:type="landmarks" aria-labelledby="landmarks-title" hidden="hidden">` + "\n")
	b.WriteString(`<h2 id="landmarks-title">Landmarks</h2>` + "\n<ol>\n")
	for _, d := range p.docs {
		if d.landmark != "" {
			fmt.Fprintf(&b, `<li><a epub:type="%s" href="%s/%s">%s</a></li>`+"\n", d.landmark, xhtmlDir, d.name, esc(d.title))
		}
		if d.id == "imprint" {
			b.WriteString(`<li><a epub:type="toc" href="#toc">Contents</a></li>` + "\n")
		}
	}
	b.WriteString("</ol>\n</nav>\n")
	if len(p.pages) > 0 {
		b.WriteString(`<nav id="page-list" epub:type="page-list" role="doc-pagelist" aria-labelledby="page-list-title" hidden="hidden">` + "\n")
		b.WriteString(`<h2 id="page-list-title">Pages of the print edition</h2>` + "\n<ol>\n")
		for _, pg := range p.pages {
			fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`+"\n", esc(pg.href), esc(pg.folio))
		}
		b.WriteString("</ol>\n</nav>\n")
	}
	b.WriteString(tail)
	return []byte(b.String())
}

// stripLinks drops links and note marks from a title, keeping their text,
// so that a toc entry is one link.
func stripLinks(content []edition.Inline) []edition.Inline {
	var out []edition.Inline
	for _, in := range content {
		switch n := in.(type) {
		case *edition.Link:
			out = append(out, stripLinks(n.Content)...)
		case *edition.NoteRef:
		case *edition.Emphasis:
			out = append(out, &edition.Emphasis{Content: stripLinks(n.Content)})
		case *edition.Quoted:
			out = append(out, &edition.Quoted{Kind: n.Kind, Content: stripLinks(n.Content)})
		case *edition.Foreign:
			out = append(out, &edition.Foreign{Lang: n.Lang, Content: stripLinks(n.Content)})
		default:
			out = append(out, in)
		}
	}
	return out
}

// ncxDoc writes the NCX for EPUB 2 reading systems, with the identifier as
// dtb:uid (go-epub leaves it out).
func (p *publication) ncxDoc() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="%s">`+"\n", esc(p.cite.Language))
	b.WriteString("<head>\n")
	fmt.Fprintf(&b, `<meta name="dtb:uid" content="%s"/>`+"\n", esc(p.cite.Identifier))
	b.WriteString(`<meta name="dtb:depth" content="1"/>` + "\n")
	b.WriteString(`<meta name="dtb:totalPageCount" content="0"/>` + "\n")
	b.WriteString(`<meta name="dtb:maxPageNumber" content="0"/>` + "\n")
	b.WriteString("</head>\n")
	fmt.Fprintf(&b, "<docTitle><text>%s</text></docTitle>\n", esc(p.cite.FullTitle))
	b.WriteString("<navMap>\n")
	order := 0
	for _, d := range p.docs {
		if !d.inToc {
			continue
		}
		order++
		fmt.Fprintf(&b, `<navPoint id="navpoint-%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="%s/%s"/></navPoint>`+"\n",
			order, order, esc(d.title), xhtmlDir, d.name)
	}
	b.WriteString("</navMap>\n</ncx>\n")
	return []byte(b.String())
}
