package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode"
)

// Namespaces of the EPUB documents read here.
const (
	nsOPS   = "http://www.idpf.org/2007/ops"
	nsDC    = "http://purl.org/dc/elements/1.1/"
	nsXHTML = "http://www.w3.org/1999/xhtml"
)

// epubFile is an EPUB opened for reading.
type epubFile struct {
	name  string // for messages
	files map[string][]byte
	opf   string // path of the package document
	pkg   packageDoc
}

// packageDoc is the part of the OPF package document read here.
type packageDoc struct {
	Metadata struct {
		Titles       []dcElem `xml:"http://purl.org/dc/elements/1.1/ title"`
		Creators     []dcElem `xml:"http://purl.org/dc/elements/1.1/ creator"`
		Contributors []dcElem `xml:"http://purl.org/dc/elements/1.1/ contributor"`
		Meta         []struct {
			Refines  string `xml:"refines,attr"`
			Property string `xml:"property,attr"`
			Value    string `xml:",chardata"`
		} `xml:"meta"`
	} `xml:"metadata"`
	Manifest []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef string `xml:"idref,attr"`
	} `xml:"spine>itemref"`
}

type dcElem struct {
	ID    string `xml:"id,attr"`
	Value string `xml:",chardata"`
}

// openEPUB reads the EPUB's files and its package document.
func openEPUB(name string, data []byte) (*epubFile, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a zip: %w", name, err)
	}
	e := &epubFile{name: name, files: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, f.Name, err)
		}
		e.files[f.Name] = b
	}
	var container struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	c, ok := e.files["META-INF/container.xml"]
	if !ok {
		return nil, fmt.Errorf("%s: no META-INF/container.xml", name)
	}
	if err := xml.Unmarshal(c, &container); err != nil || len(container.Rootfiles) == 0 {
		return nil, fmt.Errorf("%s: META-INF/container.xml names no rootfile (%v)", name, err)
	}
	e.opf = container.Rootfiles[0].FullPath
	opf, ok := e.files[e.opf]
	if !ok {
		return nil, fmt.Errorf("%s: the package document %s is missing", name, e.opf)
	}
	if err := xml.Unmarshal(opf, &e.pkg); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", name, e.opf, err)
	}
	return e, nil
}

// resolve returns the path inside the container of href, relative to the
// document at base, and its fragment.
func resolve(base, href string) (file, frag string) {
	file, frag, _ = strings.Cut(href, "#")
	if file == "" {
		return base, frag
	}
	return path.Join(path.Dir(base), file), frag
}

// refined returns the values of the meta elements refining id with property.
func (e *epubFile) refined(id, property string) []string {
	var out []string
	for _, m := range e.pkg.Metadata.Meta {
		if m.Refines == "#"+id && m.Property == property {
			out = append(out, strings.TrimSpace(m.Value))
		}
	}
	return out
}

// title returns the full title: the main title, then ": " and the
// subtitle when there is one, as the citation files write it.
func (e *epubFile) title() string {
	var main, sub string
	for i, t := range e.pkg.Metadata.Titles {
		kind := ""
		if k := e.refined(t.ID, "title-type"); len(k) > 0 {
			kind = k[0]
		}
		switch {
		case kind == "subtitle":
			sub = strings.TrimSpace(t.Value)
		case kind == "main" || (kind == "" && i == 0):
			main = strings.TrimSpace(t.Value)
		}
	}
	if sub != "" {
		return main + ": " + sub
	}
	return main
}

// familyOf returns a dc:creator's or dc:contributor's family name: from its
// file-as refinement ("Family, Given") when there is one, else its last word.
func (e *epubFile) familyOf(d dcElem) string {
	if fa := e.refined(d.ID, "file-as"); len(fa) > 0 {
		fam, _, _ := strings.Cut(fa[0], ",")
		return strings.TrimSpace(fam)
	}
	f := strings.Fields(d.Value)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// people returns the family names of the creators, and of the creators and
// contributors with the MARC role trl.
func (e *epubFile) people() (creators, translators []string) {
	isTrl := func(d dcElem) bool {
		for _, r := range e.refined(d.ID, "role") {
			if r == "trl" {
				return true
			}
		}
		return false
	}
	for _, d := range e.pkg.Metadata.Creators {
		if isTrl(d) {
			translators = append(translators, e.familyOf(d))
		} else {
			creators = append(creators, e.familyOf(d))
		}
	}
	for _, d := range e.pkg.Metadata.Contributors {
		if isTrl(d) {
			translators = append(translators, e.familyOf(d))
		}
	}
	return creators, translators
}

// epubModified returns the dcterms:modified of the EPUB at path.
func epubModified(file string) (time.Time, error) {
	e, err := readEPUB(file)
	if err != nil {
		return time.Time{}, err
	}
	for _, m := range e.pkg.Metadata.Meta {
		if m.Refines == "" && m.Property == "dcterms:modified" {
			return time.Parse(time.RFC3339, strings.TrimSpace(m.Value))
		}
	}
	return time.Time{}, fmt.Errorf("%s: no dcterms:modified", file)
}

// pageLink is an entry of the page-list nav.
type pageLink struct {
	label string
	href  string // as written
	file  string // resolved, inside the container
	frag  string
}

// pageList returns the entries of the nav document's page-list, in order,
// and the nav document's path.
func (e *epubFile) pageList() ([]pageLink, string, error) {
	nav := ""
	for _, it := range e.pkg.Manifest {
		for _, p := range strings.Fields(it.Properties) {
			if p == "nav" {
				nav, _ = resolve(e.opf, it.Href)
			}
		}
	}
	if nav == "" {
		return nil, "", fmt.Errorf("%s: no manifest item has properties=\"nav\"", e.name)
	}
	data, ok := e.files[nav]
	if !ok {
		return nil, nav, fmt.Errorf("%s: the nav document %s is missing", e.name, nav)
	}
	d := newDecoder(data)
	var out []pageLink
	found := false
	depth := 0 // nesting inside the page-list nav; 0 outside
	var cur *pageLink
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nav, fmt.Errorf("%s: %s: %w", e.name, nav, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth > 0 {
				depth++
				if t.Name.Local == "a" {
					href := attr(t, "", "href")
					f, frag := resolve(nav, href)
					cur = &pageLink{href: href, file: f, frag: frag}
					text.Reset()
				}
			} else if t.Name.Local == "nav" && hasToken(attr(t, nsOPS, "type"), "page-list") {
				if found {
					return nil, nav, fmt.Errorf("%s: %s: more than one page-list nav", e.name, nav)
				}
				found = true
				depth = 1
			}
		case xml.EndElement:
			if depth > 0 {
				if t.Name.Local == "a" && cur != nil {
					cur.label = strings.Join(strings.Fields(text.String()), " ")
					out = append(out, *cur)
					cur = nil
				}
				depth--
			}
		case xml.CharData:
			if cur != nil {
				text.Write(t)
			}
		}
	}
	if !found {
		return nil, nav, fmt.Errorf("%s: %s has no <nav epub:type=\"page-list\">", e.name, nav)
	}
	return out, nav, nil
}

// marker is a page-break marker in a content document.
type marker struct {
	file, id, label, role, elem string
	line                        int
	// after is the text that follows the marker in its document, reduced
	// to lowercase letters and digits (see letters).
	after string
}

// spine returns the paths of the spine's documents, in reading order.
func (e *epubFile) spine() []string {
	byID := map[string]string{}
	for _, it := range e.pkg.Manifest {
		byID[it.ID], _ = resolve(e.opf, it.Href)
	}
	var out []string
	for _, it := range e.pkg.Spine {
		out = append(out, byID[it.IDRef])
	}
	return out
}

// markers returns the page-break markers (elements whose epub:type holds
// "pagebreak") of every spine document, in reading order.
func (e *epubFile) markers() ([]marker, error) {
	var out []marker
	for _, file := range e.spine() {
		data, ok := e.files[file]
		if !ok {
			return nil, fmt.Errorf("%s: spine document %s is missing", e.name, file)
		}
		d := newDecoder(data)
		var text strings.Builder // the body's text so far, as letters
		var pending []int        // indexes in out of this document's markers
		inBody := false
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", e.name, file, err)
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if t.Name.Local == "body" {
					inBody = true
				}
				if hasToken(attr(t, nsOPS, "type"), "pagebreak") {
					line, _ := d.InputPos()
					pending = append(pending, len(out))
					out = append(out, marker{file: file, id: attr(t, "", "id"), label: attr(t, "", "aria-label"),
						role: attr(t, "", "role"), elem: t.Name.Local, line: line, after: text.String()})
				}
			case xml.EndElement:
				if t.Name.Local == "body" {
					inBody = false
				}
			case xml.CharData:
				if inBody {
					text.WriteString(letters(string(t)))
				}
			}
		}
		all := text.String()
		for _, i := range pending {
			out[i].after = all[len(out[i].after):]
		}
	}
	return out, nil
}

func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	return d
}

// attr returns the value of the attribute space:local of t.
func attr(t xml.StartElement, space, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (a.Name.Space == space || (space == "" && a.Name.Space == "")) {
			return a.Value
		}
	}
	return ""
}

// hasToken reports whether the space-separated list s holds tok.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if f == tok {
			return true
		}
	}
	return false
}

// letters reduces s to its letters and digits, lowercased, with the
// typographic ligatures spelt out: what both the PDF's extracted text and
// the EPUB's text keep, whatever the hyphenation, spacing, small capitals
// and punctuation.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ﬀ':
			b.WriteString("ff")
		case 'ﬁ':
			b.WriteString("fi")
		case 'ﬂ':
			b.WriteString("fl")
		case 'ﬃ':
			b.WriteString("ffi")
		case 'ﬄ':
			b.WriteString("ffl")
		default:
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return b.String()
}
