package pdf

import (
	"encoding/xml"
	"strings"
	"time"

	"edition/edition/cite"
)

// xmpPacket returns the XMP metadata of the edition: Dublin Core from the
// citation (title, creators, the translator as a contributor and as a MARC
// relator, date, sources, rights, language, subjects, identifier), with the
// same dates the Info dictionary carries.
func xmpPacket(c cite.Citation, modified time.Time, producer, creatorTool string) []byte {
	var b strings.Builder
	esc := func(s string) string {
		var e strings.Builder
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	seq := func(tag, kind string, items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString("   <" + tag + "><rdf:" + kind + ">\n")
		for _, it := range items {
			b.WriteString("    <rdf:li>" + esc(it) + "</rdf:li>\n")
		}
		b.WriteString("   </rdf:" + kind + "></" + tag + ">\n")
	}
	alt := func(tag, lang, s string) {
		if s == "" {
			return
		}
		b.WriteString("   <" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(s) + "</rdf:li>")
		if lang != "" {
			b.WriteString("<rdf:li xml:lang=\"" + esc(lang) + "\">" + esc(s) + "</rdf:li>")
		}
		b.WriteString("</rdf:Alt></" + tag + ">\n")
	}
	simple := func(tag, s string) {
		if s != "" {
			b.WriteString("   <" + tag + ">" + esc(s) + "</" + tag + ">\n")
		}
	}
	names := func(ns []cite.Name) []string {
		var out []string
		for _, n := range ns {
			out = append(out, n.Display)
		}
		return out
	}
	date := modified.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("  <rdf:Description rdf:about=\"\"\n")
	b.WriteString("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
	b.WriteString("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
	b.WriteString("    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n")
	b.WriteString("    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n")
	b.WriteString("    xmlns:marcrel=\"http://id.loc.gov/vocabulary/relators/\">\n")
	simple("dc:format", "application/pdf")
	alt("dc:title", c.Language, c.FullTitle)
	seq("dc:creator", "Seq", names(c.Creators))
	seq("dc:contributor", "Bag", names(c.Contributors))
	seq("marcrel:trl", "Seq", names(c.Translators))
	alt("dc:description", c.Language, c.Description)
	if !c.Issued.IsZero() {
		seq("dc:date", "Seq", []string{c.Issued.String()})
	}
	var sources []string
	for _, s := range c.Sources {
		src := s.Title
		if s.Container != "" {
			src += ", in " + s.Container
		}
		if s.Volume != "" {
			src += ", vol. " + s.Volume
		}
		if s.URL != "" {
			src += ", " + s.URL
		}
		sources = append(sources, src)
	}
	simple("dc:source", strings.Join(sources, "; "))
	alt("dc:rights", c.Language, c.Rights)
	seq("dc:language", "Bag", []string{c.Language})
	seq("dc:subject", "Bag", c.Subjects)
	simple("dc:identifier", c.Identifier)
	simple("xmp:CreateDate", date)
	simple("xmp:ModifyDate", date)
	simple("xmp:MetadataDate", date)
	simple("xmp:CreatorTool", creatorTool)
	simple("pdf:Producer", producer)
	simple("pdf:Keywords", c.Keywords())
	simple("xmpMM:DocumentID", c.Identifier)
	b.WriteString("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}
