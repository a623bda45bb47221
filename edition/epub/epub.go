// Package epub renders the book as an EPUB 3 publication that EPUBCheck and
// Ace by DAISY accept without a warning: a generated cover, a title page, an
// imprint with the recommended citation, the contents, the preface, the
// interview, the note on the text and popup notes, with the package metadata
// a catalogue and a reference manager need and, when the print edition's
// page breaks are given, the print pages.
//
// go-epub (github.com/go-shiori/go-epub) lays out the container: the
// mimetype file, META-INF/container.xml, the folders and file names, and the
// copies of the stylesheet and the cover image. Everything that carries the
// book — the content documents, the package document, the navigation
// document and the NCX — is then written from the model in this package, in
// one place (finish), and the whole is zipped again deterministically, since
// go-epub stamps the time of day, invents identifiers, orders the manifest
// by map iteration and has no notion of roles, languages or landmarks.
package epub

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sync"
	"time"

	goepub "github.com/go-shiori/go-epub"

	"edition/edition"
	"edition/edition/cite"
	"edition/edition/cover"
	"edition/edition/ziparchive"
)

// Renderer writes a book as an EPUB 3 file. Its zero value renders the book
// without print page numbers.
type Renderer struct {
	// PageBreaks are where the print edition's pages begin. When there are
	// any, the EPUB carries a page-break marker at each, a page-list in its
	// navigation document, the print edition as its pagination source and
	// the pageBreakMarkers and pageNavigation accessibility features.
	PageBreaks []edition.PageBreak
	// PaginationSource names the print edition the page breaks come from, as
	// the package's dc:source for the pagination. Empty means a description
	// built from the metadata ("<title>, print edition, version <v>").
	PaginationSource string
	// Cover is the cover image, as cover.PNG makes it for the book, when
	// the caller has drawn it already (for instance while the page breaks
	// were being made); nil draws it.
	Cover []byte
}

var _ edition.Renderer = (*Renderer)(nil)

//go:embed style.css
var styleCSS []byte

// Where things are in the container. go-epub decides the folder layout
// (EPUB/, xhtml/, css/, images/); these names must agree with it, which
// finish checks.
const (
	cssName   = "style.css"
	coverName = "cover.png"
	navHref   = "nav.xhtml"
	ncxHref   = "toc.ncx"
	opfHref   = "package.opf"
	xhtmlDir  = "xhtml"
	cssDir    = goepub.CSSFolderName
	imageDir  = goepub.ImageFolderName
)

// Render writes b as an EPUB to w.
func (r *Renderer) Render(w io.Writer, b *edition.Book) error {
	c := cite.Of(b)
	p, err := r.plan(b, c)
	if err != nil {
		return fmt.Errorf("render epub: %w", err)
	}
	container, err := p.layout()
	if err != nil {
		return fmt.Errorf("render epub: go-epub: %w", err)
	}
	out, err := p.finish(container)
	if err != nil {
		return fmt.Errorf("render epub: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// publication is everything that goes into one EPUB, in spine order.
type publication struct {
	book     *edition.Book
	cite     cite.Citation
	docs     []*document
	coverPNG []byte
	pages    []pageEntry
	pagSrc   string
}

// document is one XHTML content document.
type document struct {
	name     string // file name in the xhtml folder, "preface.xhtml"
	id       string // manifest id
	title    string // plain title for <title>, the toc and the NCX
	titleIn  []edition.Inline
	inToc    bool
	landmark string // epub:type of its landmark, if it is one
	body     string // the complete XHTML document
	// interview is the interview the document holds, if it holds one.
	interview *edition.Interview
}

// plan writes every content document from the model.
func (r *Renderer) plan(b *edition.Book, c cite.Citation) (*publication, error) {
	image := r.Cover
	if image == nil {
		var err error
		if image, err = cover.PNG(b); err != nil {
			return nil, err
		}
	}
	p := &publication{book: b, cite: c, coverPNG: image}
	w, err := newWriter(b, r.PageBreaks)
	if err != nil {
		return nil, err
	}
	p.docs = []*document{
		{name: "cover.xhtml", id: "cover", title: "Cover", landmark: "cover"},
		{name: "titlepage.xhtml", id: "titlepage", title: "Title page", inToc: true, landmark: "titlepage"},
		{name: "imprint.xhtml", id: "imprint", title: "Imprint", inToc: true},
		{name: "preface.xhtml", id: "preface", titleIn: b.Preface.Title, inToc: true, landmark: "preface"},
	}
	// Each interview is a document of its own, the first one the start of
	// the body matter.
	for k := range b.Interviews {
		iv := &b.Interviews[k]
		d := &document{name: iv.ID + ".xhtml", id: iv.ID, titleIn: iv.Title, inToc: true, interview: iv}
		if k == 0 {
			d.landmark = "bodymatter"
		}
		p.docs = append(p.docs, d)
	}
	p.docs = append(p.docs,
		&document{name: "colophon.xhtml", id: "colophon", titleIn: b.Colophon.Title, inToc: true, landmark: "colophon"},
		&document{name: "notes.xhtml", id: "notes", titleIn: b.NotesTitle, inToc: true, landmark: "endnotes"},
	)
	if len(b.NotesTitle) == 0 {
		p.docs[len(p.docs)-1].title = "Notes"
	}
	// A part the book leaves out has no document, no entry in the contents
	// and no landmark.
	p.docs = slices.DeleteFunc(p.docs, func(d *document) bool {
		switch d.id {
		case "preface":
			return b.Preface.Absent()
		case "colophon":
			return b.Colophon.Absent()
		case "notes":
			return len(b.Notes) == 0
		}
		return false
	})
	for _, d := range p.docs {
		if d.title == "" {
			d.title = edition.PlainText(d.titleIn)
		}
		if d.titleIn == nil {
			d.titleIn = []edition.Inline{&edition.Text{Text: d.title}}
		}
	}
	// Where each note's mark stands, for the notes' backlinks.
	w.refDoc = map[int]string{}
	type docParas struct {
		doc   string
		paras []*edition.Paragraph
	}
	parts := []docParas{{"preface.xhtml", sectionParagraphs(&b.Preface)}}
	for k := range b.Interviews {
		parts = append(parts, docParas{b.Interviews[k].ID + ".xhtml", b.Interviews[k].Paragraphs()})
	}
	parts = append(parts,
		docParas{"colophon.xhtml", sectionParagraphs(&b.Colophon)},
		docParas{"notes.xhtml", notesParagraphs(b.Notes)})
	for _, s := range parts {
		for _, para := range s.paras {
			w.paraDoc[para.ID] = s.doc
			edition.Walk(para.Content, func(in edition.Inline) bool {
				if n, ok := in.(*edition.NoteRef); ok {
					w.refDoc[n.Number] = s.doc
				}
				return true
			})
		}
	}
	for _, d := range p.docs {
		var body string
		switch d.id {
		case "cover":
			body = w.coverDoc(d)
		case "titlepage":
			body = w.titlePage(d, c)
		case "imprint":
			body = w.imprint(d, c)
		case "preface":
			body = w.section(d, &b.Preface, "frontmatter", "preface", "doc-preface")
		case "colophon":
			body = w.section(d, &b.Colophon, "backmatter", "colophon", "doc-colophon")
		case "notes":
			body = w.notes(d)
		default:
			if d.interview != nil {
				body = w.interview(d, d.interview)
			}
		}
		d.body = body
	}
	if err := w.checkBreaks(); err != nil {
		return nil, err
	}
	p.pages = w.pageEntries()
	if len(p.pages) > 0 {
		p.pagSrc = r.PaginationSource
		if p.pagSrc == "" {
			p.pagSrc = c.FullTitle + ", print edition"
			if c.Version != "" {
				p.pagSrc += ", version " + c.Version
			}
		}
	}
	return p, nil
}

// go-epub writes a book into a folder before zipping it. Its files go to
// its in-memory file system rather than to a temporary folder on disk: the
// disk's system calls were 60% of the time of an EPUB. That file system is
// one map, shared and not locked, so go-epub is used by one goroutine at a
// time. No other package of the program uses go-epub.
var (
	goepubMemory sync.Once
	goepubErr    error
	goepubMu     sync.Mutex
)

// standInPNG is a valid one-pixel PNG image, given to go-epub in place of
// the cover.
var standInPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU\x00\x00\x00\nIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\xb18\xf6\x14\x00\x00\x00\x00IEND\xaeB`\x82")

// layout has go-epub write the container with every document, the
// stylesheet and the cover image, and returns the zipped result.
func (p *publication) layout() ([]byte, error) {
	goepubMemory.Do(func() { goepubErr = goepub.Use(goepub.MemoryFS) })
	if goepubErr != nil {
		return nil, goepubErr
	}
	goepubMu.Lock()
	defer goepubMu.Unlock()
	e, err := goepub.NewEpub(p.cite.Title)
	if err != nil {
		return nil, err
	}
	e.SetIdentifier(p.cite.Identifier)
	e.SetLang(p.cite.Language)
	e.SetDescription(p.cite.Description)
	cssPath, err := e.AddCSS(dataURL("text/css", styleCSS), cssName)
	if err != nil {
		return nil, err
	}
	// finish replaces the image and every content document with ours (which
	// have the languages and types go-epub's lack), so go-epub is given
	// stand-ins: a one-pixel image and empty bodies, which it encodes,
	// writes and deflates for nothing at little cost.
	if _, err := e.AddImage(dataURL(cover.MediaType, standInPNG), coverName); err != nil {
		return nil, err
	}
	for _, d := range p.docs {
		if _, err := e.AddSection("", d.title, d.name, cssPath); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if _, err := e.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// finish reads the container go-epub wrote, keeps its mimetype, container
// file, stylesheet and image, replaces its content documents, package
// document, navigation document and NCX with ours and zips the result again:
// the mimetype first and stored, every other entry deflated, in name order,
// all stamped with the book's Modified time.
func (p *publication) finish(container []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(container), int64(len(container)))
	if err != nil {
		return nil, fmt.Errorf("read go-epub output: %w", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		files[f.Name] = data
	}
	if string(files["mimetype"]) != "application/epub+zip" {
		return nil, errors.New("go-epub output has no mimetype file")
	}
	opfPath, err := rootfile(files["META-INF/container.xml"])
	if err != nil {
		return nil, err
	}
	root := path.Dir(opfPath)
	if path.Base(opfPath) != opfHref {
		return nil, fmt.Errorf("go-epub package document is %s, want %s", opfPath, opfHref)
	}

	ours := map[string][]byte{
		opfPath:                              p.packageDoc(),
		path.Join(root, navHref):             p.navDoc(),
		path.Join(root, ncxHref):             p.ncxDoc(),
		path.Join(root, cssDir, cssName):     styleCSS,
		path.Join(root, imageDir, coverName): p.coverPNG,
	}
	for _, d := range p.docs {
		ours[path.Join(root, xhtmlDir, d.name)] = []byte(d.body)
	}
	// Every file go-epub wrote must be one we replace or keep on purpose;
	// anything else means its layout changed under us.
	for name, data := range files {
		switch {
		case name == "mimetype", name == "META-INF/container.xml":
			ours[name] = data
		case ours[name] == nil:
			return nil, fmt.Errorf("go-epub wrote %s, which this renderer does not know", name)
		case name == path.Join(root, cssDir, cssName):
			if !bytes.Equal(data, ours[name]) {
				return nil, fmt.Errorf("go-epub changed %s", name)
			}
		case name == path.Join(root, imageDir, coverName):
			if !bytes.Equal(data, standInPNG) {
				return nil, fmt.Errorf("go-epub changed %s", name)
			}
		}
	}
	for name := range ours {
		if _, ok := files[name]; !ok {
			return nil, fmt.Errorf("go-epub did not write %s", name)
		}
	}
	return zipDeterministic(ours, p.book.Modified)
}

// zipDeterministic zips files with the one zip writer: the mimetype first
// and stored, then every other file deflated in name order, all with the
// time t.
func zipDeterministic(files map[string][]byte, t time.Time) ([]byte, error) {
	entries := make([]ziparchive.Entry, 0, len(files))
	for name, data := range files {
		entries = append(entries, ziparchive.Entry{Name: name, Data: data})
	}
	return ziparchive.Write(entries, t)
}

// rootfile returns the package document's path from container.xml.
func rootfile(containerXML []byte) (string, error) {
	var c struct {
		Rootfiles []struct {
			FullPath  string `xml:"full-path,attr"`
			MediaType string `xml:"media-type,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(containerXML, &c); err != nil {
		return "", fmt.Errorf("go-epub container.xml: %w", err)
	}
	if len(c.Rootfiles) != 1 || c.Rootfiles[0].MediaType != "application/oebps-package+xml" {
		return "", errors.New("go-epub container.xml does not name one package document")
	}
	return c.Rootfiles[0].FullPath, nil
}

func dataURL(mediaType string, data []byte) string {
	return "data:" + mediaType + ";base64," + base64.StdEncoding.EncodeToString(data)
}

func sectionParagraphs(s *edition.Section) []*edition.Paragraph {
	var out []*edition.Paragraph
	for i := range s.Paragraphs {
		out = append(out, &s.Paragraphs[i])
	}
	if s.Signature != nil {
		out = append(out, s.Signature)
	}
	return out
}

func notesParagraphs(notes []edition.Note) []*edition.Paragraph {
	var out []*edition.Paragraph
	for n := range notes {
		for i := range notes[n].Paragraphs {
			out = append(out, &notes[n].Paragraphs[i])
		}
	}
	return out
}
