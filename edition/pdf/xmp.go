package pdf

import (
	"encoding/xml"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"edition/edition/cite"
)

// setMetadata sets the document's Info dictionary and its XMP packet from
// the citation, so that both say the same, as PDF/A asks: an entry empty in
// one is absent from both, and the dates are in UTC in both.
func setMetadata(pdf *gofpdf.Fpdf, c cite.Citation, modified time.Time) {
	set := func(f func(string, bool), s string) {
		if s != "" {
			f(s, true)
		}
	}
	set(pdf.SetTitle, c.FullTitle)
	set(pdf.SetAuthor, c.ByLine())
	set(pdf.SetSubject, c.Description)
	set(pdf.SetKeywords, c.Keywords())
	set(pdf.SetCreator, CreatorTool)
	set(pdf.SetProducer, Producer)
	pdf.SetCreationDate(modified.UTC())
	pdf.SetModificationDate(modified.UTC())
	pdf.SetXmpMetadata(xmpPacket(c, modified, Producer, CreatorTool))
}

// xmpPacket returns the XMP metadata of the edition: Dublin Core from the
// citation (title, creators, the translator as a contributor and as a MARC
// relator, date, sources, rights, language, subjects, identifier), with the
// same dates the Info dictionary carries, and the PDF/A-1b and PDF/UA-1
// identifications.
//
// PDF/A-1 (ISO 19005-1, 6.7) asks that the Info dictionary and the XMP say
// the same: dc:creator holds one entry, the by-line the Info dictionary's
// /Author carries, and the title, subject, keywords, tools and dates are
// those of the Info dictionary. Every schema PDF/A-1 does not predefine (the
// MARC relators, PDF/UA's identification) is described in a PDF/A extension
// schema.
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
	b.WriteString("    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n")
	b.WriteString("    xmlns:pdfuaid=\"" + pdfuaidNS + "\"\n")
	if c.ISBN13 != "" {
		b.WriteString("    xmlns:prism=\"" + prismNS + "\"\n")
	}
	b.WriteString("    xmlns:marcrel=\"" + marcrelNS + "\">\n")
	simple("pdfaid:part", "1")
	simple("pdfaid:conformance", "B")
	simple("pdfuaid:part", "1")
	simple("dc:format", "application/pdf")
	alt("dc:title", c.Language, c.FullTitle)
	if by := c.ByLine(); by != "" {
		seq("dc:creator", "Seq", []string{by})
	}
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
	if c.Publisher != "" {
		seq("dc:publisher", "Bag", []string{c.Publisher})
	}
	if c.ISBN13 != "" {
		// The ISBN as PRISM names it, also when it is the identifier.
		simple("prism:isbn", c.ISBN)
	}
	simple("xmp:CreateDate", date)
	simple("xmp:ModifyDate", date)
	simple("xmp:MetadataDate", date)
	simple("xmp:CreatorTool", creatorTool)
	simple("pdf:Producer", producer)
	simple("pdf:Keywords", c.Keywords())
	simple("xmpMM:DocumentID", c.Identifier)
	b.WriteString("  </rdf:Description>\n")
	b.WriteString(extensionSchemas(c.ISBN13 != ""))
	b.WriteString(" </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

// marcrelNS is the namespace of the MARC relator terms, pdfuaidNS that of
// PDF/UA's identification (ISO 14289-1, 5).
const (
	marcrelNS = "http://id.loc.gov/vocabulary/relators/"
	pdfuaidNS = "http://www.aiim.org/pdfua/ns/id/"
)

// prismNS is the namespace of PRISM's basic metadata, whose isbn names
// the edition's ISBN.
const prismNS = "http://prismstandard.org/namespaces/basic/2.0/"

// xmpProperty is one property of an XMP extension schema as PDF/A-1
// describes it.
type xmpProperty struct{ name, valueType, category, description string }

// extensionSchema describes, for PDF/A-1, the schema of namespace ns,
// prefix and title with its one property p.
func extensionSchema(title, ns, prefix string, p xmpProperty) string {
	return `    <rdf:li rdf:parseType="Resource">
     <pdfaSchema:schema>` + title + `</pdfaSchema:schema>
     <pdfaSchema:namespaceURI>` + ns + `</pdfaSchema:namespaceURI>
     <pdfaSchema:prefix>` + prefix + `</pdfaSchema:prefix>
     <pdfaSchema:property><rdf:Seq>
      <rdf:li rdf:parseType="Resource">
       <pdfaProperty:name>` + p.name + `</pdfaProperty:name>
       <pdfaProperty:valueType>` + p.valueType + `</pdfaProperty:valueType>
       <pdfaProperty:category>` + p.category + `</pdfaProperty:category>
       <pdfaProperty:description>` + p.description + `</pdfaProperty:description>
      </rdf:li>
     </rdf:Seq></pdfaSchema:property>
    </rdf:li>
`
}

// extensionSchemas describes the XMP properties the packet uses that
// PDF/A-1 does not predefine, as ISO 19005-1, 6.7.8 asks: PRISM's isbn
// when the edition has an ISBN, the MARC translators and PDF/UA's part.
func extensionSchemas(isbn bool) string {
	var b strings.Builder
	b.WriteString(`  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag>
`)
	if isbn {
		b.WriteString(extensionSchema("PRISM Basic Metadata", prismNS, "prism",
			xmpProperty{"isbn", "Text", "external", "ISBN of the publication"}))
	}
	b.WriteString(extensionSchema("MARC Code List for Relators", marcrelNS, "marcrel",
		xmpProperty{"trl", "seq Text", "external", "Translators of the work"}))
	b.WriteString(extensionSchema("PDF/UA Universal Accessibility Schema", pdfuaidNS, "pdfuaid",
		xmpProperty{"part", "Integer", "internal", "Indicates which part of ISO 14289 standard is followed"}))
	b.WriteString("   </rdf:Bag></pdfaExtension:schemas>\n  </rdf:Description>\n")
	return b.String()
}
