package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// The synthetic release: a ten-page book laid out as the print renderer
// lays out the real one (front matter i–iv with only the contents page
// printing its folio at the foot; the body from 1, opening pages with a
// drop folio, other text pages with the folio in the running head, blank
// pages with none), an EPUB and a kepub marking its pages, the citation
// files, the zip and SHA256SUMS.
const (
	slug    = "small-book"
	version = "2.0.1"
)

var stamp = time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)

// fixturePage is one page of the synthetic PDF.
type fixturePage struct {
	head, headFolio string // running head and the folio in it
	verso           bool   // the folio goes left in the head
	drop            string // drop folio at the foot
	lines           []string
}

// The book's pages; the EPUB marks 1, 2, 3, 5 and 6.
var fixturePages = []fixturePage{
	{lines: []string{"A Small Book"}}, // i half-title
	{},                                // ii blank
	{lines: []string{"Contents", "", "Preface      1", "Chapter      5"}, drop: "iii"}, // iii contents
	{}, // iv blank
	{lines: []string{"Preface", "", "Alpha beta gamma delta epsilon", "zeta eta theta iota kappa lambda"}, drop: "1"},
	{head: "A Small Book", headFolio: "2", verso: true, lines: []string{"mu nu xi omicron pi rho sigma", "tau upsilon phi chi"}},
	{head: "Preface", headFolio: "3", lines: []string{"psi omega and so the preface ends."}},
	{}, // 4 blank
	{lines: []string{"Chapter", "", "Once upon a time there were", "twelve ﬁsh in a pond."}, drop: "5"},
	{head: "A Small Book", headFolio: "6", verso: true, lines: []string{"They swam and swam until", "the end."}},
}

// The EPUB's content: text with page-break markers {N}.
var fixtureDocs = []struct{ id, title, text string }{
	{"preface", "Preface", "{1}Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda {2}mu nu xi omicron pi rho sigma tau upsilon phi chi {3}psi omega and so the preface ends."},
	{"chapter", "Chapter", "{5}Once upon a time there were twelve fish in a pond. {6}They swam and swam until the end."},
}

func fixturePDF(t *testing.T) []byte {
	t.Helper()
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: 300, Ht: 420}})
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetFont("Helvetica", "", 11)
	for _, p := range fixturePages {
		pdf.AddPage()
		if p.head != "" {
			pdf.Text(150-pdf.GetStringWidth(p.head)/2, 40, p.head)
			x := 40.0
			if !p.verso {
				x = 260 - pdf.GetStringWidth(p.headFolio)
			}
			pdf.Text(x, 40, p.headFolio)
		}
		y := 90.0
		for _, l := range p.lines {
			l = strings.ReplaceAll(l, "ﬁ", "fi") // the core fonts have no ligatures
			pdf.Text(40, y, l)
			y += 14
		}
		if p.drop != "" {
			pdf.Text(150-pdf.GetStringWidth(p.drop)/2, 390, p.drop)
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fixtureEPUB builds the EPUB; kobo wraps the text in spans as kepubify
// does.
func fixtureEPUB(t *testing.T, kobo bool) []byte {
	t.Helper()
	files := []struct{ name, data string }{
		{"mimetype", "application/epub+zip"},
		{"META-INF/container.xml", `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`},
		{"OEBPS/content.opf", `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>
<dc:title id="t">A Small Book</dc:title>
<meta refines="#t" property="title-type">main</meta>
<dc:title id="s">A Test, 1 May 2001</dc:title>
<meta refines="#s" property="title-type">subtitle</meta>
<dc:creator id="c1">Ann de Vries</dc:creator>
<meta refines="#c1" property="file-as">de Vries, Ann</meta>
<dc:creator id="c2">Bo Li</dc:creator>
<dc:contributor id="k1">Cy Translator</dc:contributor>
<meta refines="#k1" property="role" scheme="marc:relators">trl</meta>
<meta property="dcterms:modified">2017-01-01T00:00:00Z</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="preface" href="text/preface.xhtml" media-type="application/xhtml+xml"/>
<item id="chapter" href="text/chapter.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="nav"/><itemref idref="preface"/><itemref idref="chapter"/></spine>
</package>`},
	}
	var nav strings.Builder
	nav.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>
<nav epub:type="toc"><ol><li><a href="text/preface.xhtml">Preface</a></li><li><a href="text/chapter.xhtml">Chapter</a></li></ol></nav>
<nav epub:type="page-list" hidden="hidden"><ol>
`)
	for _, d := range fixtureDocs {
		var body strings.Builder
		rest := d.text
		for rest != "" {
			i := strings.IndexByte(rest, '{')
			if i < 0 {
				i = len(rest)
			}
			if i > 0 {
				txt := rest[:i]
				if kobo {
					txt = `<span class="koboSpan" id="kobo.1.1">` + txt + `</span>`
				}
				body.WriteString(txt)
			}
			rest = rest[i:]
			if rest == "" {
				break
			}
			j := strings.IndexByte(rest, '}')
			n := rest[1:j]
			rest = rest[j+1:]
			fmt.Fprintf(&body, `<span id="page-%s" role="doc-pagebreak" epub:type="pagebreak" aria-label="%s"></span>`, n, n)
			label := n
			if kobo {
				label = `<span class="koboSpan" id="kobo.9.` + n + `">` + n + `</span>`
			}
			fmt.Fprintf(&nav, "<li><a href=\"text/%s.xhtml#page-%s\">%s</a></li>\n", d.id, n, label)
		}
		files = append(files, struct{ name, data string }{"OEBPS/text/" + d.id + ".xhtml", `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>` + d.title + `</title></head>
<body><section><h1>` + d.title + `</h1>
<p>` + body.String() + `</p></section></body></html>`})
	}
	nav.WriteString("</ol></nav></body></html>")
	files = append(files, struct{ name, data string }{"OEBPS/nav.xhtml", nav.String()})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		m := zip.Deflate
		if f.name == "mimetype" {
			m = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: m, Modified: stamp})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const fixtureCSL = `[
  {
    "id": "small-book",
    "type": "book",
    "title": "A Small Book: A Test, 1 May 2001",
    "author": [{"family": "de Vries", "given": "Ann"}, {"family": "Li", "given": "Bo"}],
    "translator": [{"family": "Translator", "given": "Cy"}],
    "issued": {"date-parts": [[2017]]},
    "original-date": {"date-parts": [[2001, 5, 1]]},
    "language": "en",
    "version": "2.0.1"
  }
]
`

const fixtureCFF = `cff-version: "1.2.0"
message: "Please cite it as below."
title: "A Small Book: A Test, 1 May 2001"
authors:
  - family-names: "de Vries"
    given-names: "Ann"
  - family-names: "Li"
    given-names: "Bo"
preferred-citation:
  type: "book"
  title: "A Small Book: A Test, 1 May 2001"
  authors:
    - family-names: "de Vries"
      given-names: "Ann"
    - family-names: "Li"
      given-names: "Bo"
  translators:
    - family-names: "Translator"
      given-names: "Cy"
`

const fixtureBib = `@book{small-book,
  author     = {de Vries, Ann and Li, Bo},
  title      = {{A Small Book}},
  subtitle   = {{A Test, 1~May 2001}},
  translator = {Translator, Cy},
  date       = {2017},
  note       = "Fish \& chips",
}
`

const fixtureRIS = "TY  - BOOK\nTI  - A Small Book: A Test, 1 May 2001\nAU  - de Vries, Ann\nAU  - Li, Bo\nA4  - Translator, Cy\nPY  - 2017\nER  - \n"

// zipEntry is an entry of the release zip.
type zipEntry struct {
	name     string
	data     []byte
	modified time.Time
}

// fixture is a release being built: its artifacts, and hooks that break
// it in one way.
type fixture struct {
	artifacts map[string][]byte
	// zip edits the zip's entries before it is written.
	zip func([]zipEntry) []zipEntry
}

func newFixture(t *testing.T) *fixture {
	return &fixture{artifacts: map[string][]byte{
		slug + ".epub":       fixtureEPUB(t, false),
		slug + ".kepub.epub": fixtureEPUB(t, true),
		slug + ".pdf":        fixturePDF(t),
		slug + ".txt":        []byte("A Small Book\n\nAlpha beta gamma.\n"),
		slug + ".json":       []byte(fixtureCSL),
		slug + ".bib":        []byte(fixtureBib),
		slug + ".ris":        []byte(fixtureRIS),
		"CITATION.cff":       []byte(fixtureCFF),
	}}
}

// write writes the release into a new temporary folder: the artifacts,
// the zip and SHA256SUMS.
func (f *fixture) write(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	names := make([]string, 0, len(f.artifacts))
	for n := range f.artifacts {
		names = append(names, n)
	}
	sort.Strings(names)
	var entries []zipEntry
	for _, n := range names {
		entries = append(entries, zipEntry{slug + "-" + version + "/" + n, f.artifacts[n], stamp})
		writeFile(t, filepath.Join(dir, n), f.artifacts[n])
	}
	if f.zip != nil {
		entries = f.zip(entries)
	}
	zipName := slug + "-" + version + ".zip"
	writeFile(t, filepath.Join(dir, zipName), zipBytes(t, entries))
	names = append(names, zipName)
	sort.Strings(names)
	var sums strings.Builder
	for _, n := range names {
		b, _ := os.ReadFile(filepath.Join(dir, n))
		s := sha256.Sum256(b)
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(s[:]), n)
	}
	writeFile(t, filepath.Join(dir, "SHA256SUMS"), []byte(sums.String()))
	return dir
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// editEPUB rewrites one file inside an EPUB artifact.
func (f *fixture) editEPUB(t *testing.T, artifact, file string, edit func(string) string) {
	t.Helper()
	old := f.artifacts[artifact]
	zr, err := zip.NewReader(bytes.NewReader(old), int64(len(old)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, e := range zr.File {
		rc, _ := e.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		data := b.String()
		if e.Name == file {
			found = true
			edited := edit(data)
			if edited == data {
				t.Fatalf("edit of %s in %s changed nothing", file, artifact)
			}
			data = edited
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: e.Method, Modified: stamp})
		w.Write([]byte(data))
	}
	zw.Close()
	if !found {
		t.Fatalf("no %s in %s", file, artifact)
	}
	f.artifacts[artifact] = buf.Bytes()
}

// editText replaces old by new in a text artifact, once.
func (f *fixture) editText(t *testing.T, artifact, old, new string) {
	t.Helper()
	s := string(f.artifacts[artifact])
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", artifact, old)
	}
	f.artifacts[artifact] = []byte(strings.Replace(s, old, new, 1))
}

// zipBytes writes the entries as a zip, stored when named mimetype,
// deflated otherwise.
func zipBytes(t *testing.T, entries []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		m := zip.Deflate
		if e.name == "mimetype" {
			m = zip.Store
		}
		h := &zip.FileHeader{Name: e.name, Method: m, Modified: e.modified}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
