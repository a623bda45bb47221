package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"edition/edition"
	"edition/edition/cite"
	"edition/internal/realbook"
	"edition/internal/testbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render renders b with r and fails the test on error.
func render(t testing.TB, r *Renderer, b *edition.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// container is an unzipped EPUB: its entries in zip order and their bytes.
type container struct {
	entries []*zip.File
	files   map[string][]byte
}

func unzip(t testing.TB, data []byte) *container {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	c := &container{entries: zr.File, files: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		c.files[f.Name] = b
	}
	return c
}

// element is a parsed XML element with what the tests look at.
type element struct {
	name  xml.Name
	attrs map[string]string // keyed "local" or "prefix-space local"
}

// parse parses an XML document strictly and returns every element in
// document order.
func parse(t testing.TB, name string, data []byte) []element {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = map[string]string{} // only XML's own five entities
	var out []element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			e := element{name: se.Name, attrs: map[string]string{}}
			for _, a := range se.Attr {
				key := a.Name.Local
				if a.Name.Space != "" {
					key = a.Name.Space + " " + a.Name.Local
				}
				e.attrs[key] = a.Value
			}
			out = append(out, e)
		}
	}
	return out
}

const (
	nsXHTML = "http://www.w3.org/1999/xhtml"
	nsOPS   = "http://www.idpf.org/2007/ops"
	nsXML   = "http://www.w3.org/XML/1998/namespace"
)

// checkContainer checks what every EPUB this package writes must satisfy:
// the mimetype entry first, stored and without extra field; every XML file
// well-formed; languages on every document; no script; every internal link
// and source resolving to a file and, with a fragment, to an id in it.
func checkContainer(t *testing.T, data []byte) *container {
	t.Helper()
	c := unzip(t, data)
	first := c.entries[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 ||
		string(c.files["mimetype"]) != "application/epub+zip" {
		t.Errorf("first entry: %q method %d extra %d bytes; want a stored mimetype without extra field",
			first.Name, first.Method, len(first.Extra))
	}
	var names []string
	for _, f := range c.entries[1:] {
		names = append(names, f.Name)
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
		}
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Errorf("entries not in name order: %s before %s", names[i-1], names[i])
		}
	}

	ids := map[string]map[string]bool{}
	elems := map[string][]element{}
	for name, data := range c.files {
		switch path.Ext(name) {
		case ".xhtml", ".opf", ".ncx", ".xml", ".svg":
			es := parse(t, name, data)
			elems[name] = es
			ids[name] = map[string]bool{}
			for _, e := range es {
				if id, ok := e.attrs["id"]; ok {
					if ids[name][id] {
						t.Errorf("%s: id %q twice", name, id)
					}
					ids[name][id] = true
				}
				if strings.EqualFold(e.name.Local, "script") {
					t.Errorf("%s: has a <script>", name)
				}
				for k, v := range e.attrs {
					if strings.HasPrefix(strings.ToLower(k), "on") || strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "javascript:") {
						t.Errorf("%s: <%s %s=%q>", name, e.name.Local, k, v)
					}
				}
			}
		}
	}
	// Every document has the book's language, the package's dc:language.
	lang := ""
	if m := regexp.MustCompile(`<dc:language>([^<]+)</dc:language>`).FindSubmatch(c.files["EPUB/package.opf"]); m != nil {
		lang = string(m[1])
	}
	for name, es := range elems {
		if path.Ext(name) != ".xhtml" {
			continue
		}
		root := es[0]
		if lang == "" || root.name.Space != nsXHTML || root.attrs["lang"] != lang || root.attrs[nsXML+" lang"] != lang {
			t.Errorf("%s: root %v lang=%q xml:lang=%q; want XHTML html with both %q", name, root.name, root.attrs["lang"], root.attrs[nsXML+" lang"], lang)
		}
	}
	// Links: href and src in documents, manifest hrefs, NCX sources.
	resolve := func(from, ref string) {
		u, err := url.Parse(ref)
		if err != nil {
			t.Errorf("%s: bad reference %q: %v", from, ref, err)
			return
		}
		if u.Scheme != "" || u.Host != "" {
			return // external
		}
		target := from
		if u.Path != "" {
			target = path.Join(path.Dir(from), u.Path)
		}
		if _, ok := c.files[target]; !ok {
			t.Errorf("%s: %q: no file %s", from, ref, target)
			return
		}
		if u.Fragment != "" && !ids[target][u.Fragment] {
			t.Errorf("%s: %q: no id %q in %s", from, ref, u.Fragment, target)
		}
	}
	links := 0
	for name, es := range elems {
		for _, e := range es {
			for _, key := range []string{"href", "src", "full-path"} {
				if v, ok := e.attrs[key]; ok {
					links++
					if key == "full-path" {
						resolve("", v)
					} else {
						resolve(name, v)
					}
				}
			}
		}
	}
	if links < 20 {
		t.Errorf("only %d references checked", links)
	}
	return c
}

func TestContainer(t *testing.T) {
	c := checkContainer(t, render(t, &Renderer{}, fixture()))
	want := []string{
		"mimetype", "EPUB/css/style.css", "EPUB/images/cover.png", "EPUB/nav.xhtml", "EPUB/package.opf",
		"EPUB/toc.ncx", "EPUB/xhtml/colophon.xhtml", "EPUB/xhtml/cover.xhtml", "EPUB/xhtml/imprint.xhtml",
		"EPUB/xhtml/interview.xhtml", "EPUB/xhtml/notes.xhtml", "EPUB/xhtml/preface.xhtml",
		"EPUB/xhtml/titlepage.xhtml", "META-INF/container.xml",
	}
	var got []string
	for _, f := range c.entries {
		got = append(got, f.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("entries:\n got %v\nwant %v", got, want)
	}
}

// TestSemantics checks the epub:type and role of each document's main
// element, the notes' two-way links and the dialogue markup.
func TestSemantics(t *testing.T) {
	c := unzip(t, render(t, &Renderer{}, fixture()))
	find := func(doc, typ string) element {
		for _, e := range parse(t, doc, c.files["EPUB/"+doc]) {
			if e.attrs[nsOPS+" type"] == typ {
				return e
			}
		}
		t.Fatalf("%s: no epub:type %q", doc, typ)
		return element{}
	}
	for _, tc := range []struct{ doc, typ, role string }{
		{"xhtml/cover.xhtml", "cover", "doc-cover"},
		{"xhtml/titlepage.xhtml", "titlepage", ""},
		{"xhtml/imprint.xhtml", "imprint", ""},
		{"nav.xhtml", "toc", "doc-toc"},
		{"nav.xhtml", "landmarks", ""},
		{"xhtml/preface.xhtml", "preface", "doc-preface"},
		{"xhtml/interview.xhtml", "chapter", "doc-chapter"},
		{"xhtml/colophon.xhtml", "colophon", "doc-colophon"},
		{"xhtml/notes.xhtml", "endnotes", "doc-endnotes"},
	} {
		if e := find(tc.doc, tc.typ); e.attrs["role"] != tc.role {
			t.Errorf("%s: epub:type %s has role %q, want %q", tc.doc, tc.typ, e.attrs["role"], tc.role)
		}
	}

	b := fixture()
	notes := string(c.files["EPUB/xhtml/notes.xhtml"])
	for _, n := range b.Notes {
		div := regexp.MustCompile(`<div class="note" id="note-` + itoa(n.Number) + `" epub:type="footnote" role="doc-footnote">\n<p[^>]*><a class="backlink" href="([a-z]+\.xhtml)#noteref-` + itoa(n.Number) + `" role="doc-backlink">` + itoa(n.Number) + `\.</a> `)
		m := div.FindStringSubmatch(notes)
		if m == nil {
			t.Errorf("note %d: no footnote div opening with its backlink", n.Number)
			continue
		}
		ref := `<a class="noteref" href="notes.xhtml#note-` + itoa(n.Number) + `" id="noteref-` + itoa(n.Number) + `" epub:type="noteref" role="doc-noteref">` + itoa(n.Number) + `</a>`
		if !strings.Contains(string(c.files["EPUB/xhtml/"+m[1]]), ref) {
			t.Errorf("note %d: backlink to %s, which has no mark %s", n.Number, m[1], ref)
		}
	}

	iv := string(c.files["EPUB/xhtml/interview.xhtml"])
	for _, want := range []string{
		`<div class="turn">` + "\n" + `<p id="interview-1"><b class="speaker">Stalin</b>: I am glad`,
		// The two paragraphs of Rolland's turn in one block.
		`<div class="turn">` + "\n" + `<p id="interview-2"><b class="speaker">Romain Rolland</b>: It is`,
		"They need help.</p>\n<p id=\"interview-3\">A little like",
		`<p id="interview-4"><b class="speaker">Romain Rolland</b> (<i class="direction">stands</i>): That’s fine.</p>`,
		// Quotations with the model's marks, nested.
		`“O man, help ‘thyself’!”`,
		`<i><span lang="fr" xml:lang="fr">Voyage à Moscou</span></i>`,
	} {
		if !strings.Contains(iv, want) {
			t.Errorf("interview.xhtml lacks %q", want)
		}
	}
	if n := strings.Count(iv, `<div class="turn">`); n != len(b.Interviews[0].Turns) {
		t.Errorf("%d turns in the document, %d in the model", n, len(b.Interviews[0].Turns))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestEscaping checks that nothing from the source passes as markup.
func TestEscaping(t *testing.T) {
	c := unzip(t, render(t, &Renderer{}, fixture()))
	preface := c.files["EPUB/xhtml/preface.xhtml"]
	if !bytes.Contains(preface, []byte("A source string &lt;b&gt;x&lt;/b&gt; &amp; more.")) {
		t.Errorf("preface: the text <b>x</b> is not escaped:\n%s", preface)
	}
	for _, e := range parse(t, "preface", preface) {
		if e.name.Local == "b" {
			t.Errorf("preface: a <b> element came from the text")
		}
	}
	colophon := c.files["EPUB/xhtml/colophon.xhtml"]
	if bytes.Contains(colophon, []byte("javascript:")) || !bytes.Contains(colophon, []byte(", and not a link.")) {
		t.Errorf("colophon: a javascript: link is not reduced to its text:\n%s", colophon)
	}
	opf := c.files["EPUB/package.opf"]
	if !bytes.Contains(opf, []byte("Stalin &amp; his answers &lt;in full&gt;.")) {
		t.Errorf("package: description not escaped")
	}
}

// TestGolden compares the package document, the navigation document and
// the interview with testdata; -update rewrites them.
func TestGolden(t *testing.T) {
	c := unzip(t, render(t, &Renderer{PageBreaks: fixtureBreaks()}, fixture()))
	for _, tc := range []struct{ file, golden string }{
		{"EPUB/package.opf", "package.opf.golden"},
		{"EPUB/nav.xhtml", "nav.xhtml.golden"},
		{"EPUB/xhtml/interview.xhtml", "interview.xhtml.golden"},
		{"EPUB/toc.ncx", "toc.ncx.golden"},
	} {
		got := c.files[tc.file]
		golden := filepath.Join("testdata", tc.golden)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (go test -update to accept):\n%s", tc.file, golden, got)
		}
	}
}

func TestReproducible(t *testing.T) {
	a := render(t, &Renderer{PageBreaks: fixtureBreaks()}, fixture())
	b := render(t, &Renderer{PageBreaks: fixtureBreaks()}, fixture())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same book differ")
	}
	for _, f := range unzip(t, a).entries {
		if !f.Modified.Equal(fixture().Modified) {
			t.Errorf("%s: time %v, want the book's %v", f.Name, f.Modified, fixture().Modified)
		}
	}
}

// opfMeta is the package metadata as the tests read it back.
type opfMeta struct {
	XMLName  xml.Name `xml:"package"`
	Lang     string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	UniqueID string   `xml:"unique-identifier,attr"`
	Metadata struct {
		Identifiers  []idText `xml:"http://purl.org/dc/elements/1.1/ identifier"`
		Titles       []idText `xml:"http://purl.org/dc/elements/1.1/ title"`
		Languages    []string `xml:"http://purl.org/dc/elements/1.1/ language"`
		Creators     []idText `xml:"http://purl.org/dc/elements/1.1/ creator"`
		Contributors []idText `xml:"http://purl.org/dc/elements/1.1/ contributor"`
		Dates        []string `xml:"http://purl.org/dc/elements/1.1/ date"`
		Sources      []idText `xml:"http://purl.org/dc/elements/1.1/ source"`
		Rights       []string `xml:"http://purl.org/dc/elements/1.1/ rights"`
		Descriptions []string `xml:"http://purl.org/dc/elements/1.1/ description"`
		Subjects     []string `xml:"http://purl.org/dc/elements/1.1/ subject"`
		Publishers   []string `xml:"http://purl.org/dc/elements/1.1/ publisher"`
		Metas        []struct {
			Property string `xml:"property,attr"`
			Refines  string `xml:"refines,attr"`
			Scheme   string `xml:"scheme,attr"`
			Value    string `xml:",chardata"`
		} `xml:"meta"`
	} `xml:"metadata"`
}

type idText struct {
	ID    string `xml:"id,attr"`
	Value string `xml:",chardata"`
}

func readOPF(t *testing.T, data []byte) *opfMeta {
	t.Helper()
	var m opfMeta
	if err := xml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

// values returns the values of the metas with property p refining ref ("" for
// the publication).
func (m *opfMeta) values(ref, p string) []string {
	var out []string
	for _, meta := range m.Metadata.Metas {
		if meta.Property == p && meta.Refines == ref {
			out = append(out, meta.Value)
		}
	}
	return out
}

// TestMetadataMatchesCitation reads the package metadata back and compares
// it with cite.Of, the one source of names, roles, dates and titles.
func TestMetadataMatchesCitation(t *testing.T) {
	books := map[string]*edition.Book{"fixture": fixture(), "second": testbook.SecondBook(), "collection": collectionBook(t), "source": realbook.Load(t)}
	for name, b := range books {
		t.Run(name, func(t *testing.T) {
			c := cite.Of(b)
			files := unzip(t, render(t, &Renderer{}, b)).files
			m := readOPF(t, files["EPUB/package.opf"])
			if uid := `<meta name="dtb:uid" content="` + esc(c.Identifier) + `"/>`; !bytes.Contains(files["EPUB/toc.ncx"], []byte(uid)) {
				t.Errorf("toc.ncx lacks %s", uid)
			}
			md := &m.Metadata
			eq := func(what string, got, want any) {
				t.Helper()
				if g, w := toString(got), toString(want); g != w {
					t.Errorf("%s: got %q, want %q", what, g, w)
				}
			}
			eq("xml:lang", m.Lang, c.Language)
			wantIDs := 1
			if c.ISBN13 != "" && !strings.HasPrefix(c.Identifier, "urn:isbn:") {
				wantIDs = 2 // the ISBN besides
			}
			if len(md.Identifiers) != wantIDs || md.Identifiers[0].ID != m.UniqueID {
				t.Fatalf("identifiers %v, unique-identifier %q", md.Identifiers, m.UniqueID)
			}
			eq("identifier", md.Identifiers[0].Value, c.Identifier)
			if wantIDs == 2 {
				eq("ISBN", md.Identifiers[1].Value, "urn:isbn:"+c.ISBN13)
				eq("ISBN type", m.values("#"+md.Identifiers[1].ID, "identifier-type"), []string{"15"})
			}
			eq("publisher", md.Publishers, nonEmpty(c.Publisher))
			eq("series", m.values("", "belongs-to-collection"), nonEmpty(c.Series))
			eq("language", md.Languages, []string{c.Language})
			eq("title", md.Titles[0].Value, c.Title)
			eq("title-type", m.values("#"+md.Titles[0].ID, "title-type"), []string{"main"})
			if c.Subtitle != "" {
				eq("subtitle", md.Titles[1].Value, c.Subtitle)
				eq("subtitle-type", m.values("#"+md.Titles[1].ID, "title-type"), []string{"subtitle"})
			}
			check := func(kind string, got []idText, want []cite.Name) {
				if len(got) != len(want) {
					t.Fatalf("%d %ss, want %d", len(got), kind, len(want))
				}
				for i, n := range want {
					ref := "#" + got[i].ID
					eq(kind+" name", got[i].Value, n.Display)
					eq(kind+" file-as", m.values(ref, "file-as"), []string{n.FileAs})
					eq(kind+" display-seq", m.values(ref, "display-seq"), []string{itoa(i + 1)})
					var roles []string
					for _, r := range n.Roles {
						roles = append(roles, string(r))
					}
					eq(kind+" roles", m.values(ref, "role"), roles)
				}
			}
			check("creator", md.Creators, c.Creators)
			check("contributor", md.Contributors, c.Contributors)
			eq("date", md.Dates, []string{c.Issued.String()})
			eq("sources", len(md.Sources), len(c.Sources))
			for i, s := range c.Sources {
				if !strings.Contains(md.Sources[i].Value, s.Title) {
					t.Errorf("source %d: %q lacks %q", i, md.Sources[i].Value, s.Title)
				}
			}
			eq("rights", md.Rights, []string{c.Rights})
			eq("description", md.Descriptions, []string{c.Description})
			eq("subjects", md.Subjects, c.Subjects)
			eq("modified", m.values("", "dcterms:modified"), []string{b.Modified.UTC().Format("2006-01-02T15:04:05Z")})
			eq("citation", m.values("", "dcterms:bibliographicCitation"), []string{c.Text()})
			eq("conformsTo", m.values("", "dcterms:conformsTo"), []string{Conformance})
			for _, p := range []string{"schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature", "schema:accessibilityHazard", "schema:accessibilitySummary"} {
				if len(m.values("", p)) == 0 {
					t.Errorf("no %s", p)
				}
			}
			if f := strings.Join(m.values("", "schema:accessibilityFeature"), " "); strings.Contains(f, "page") {
				t.Errorf("page features %q without page breaks", f)
			}
		})
	}
}

// nonEmpty is s as a list of one, or no list when s is empty.
func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, " | ")
	case int:
		return itoa(v)
	}
	return ""
}

// TestRealBook renders the manuscript in source/ and checks the container
// and that every note of the model is in the EPUB with its mark.
func TestRealBook(t *testing.T) {
	b := realbook.Load(t)
	data := render(t, &Renderer{}, b)
	c := checkContainer(t, data)
	notes := string(c.files["EPUB/xhtml/notes.xhtml"])
	all := ""
	for _, name := range []string{"preface", "interview", "colophon", "notes"} {
		all += string(c.files["EPUB/xhtml/"+name+".xhtml"])
	}
	if got := strings.Count(notes, `epub:type="footnote"`); got != len(b.Notes) {
		t.Errorf("%d notes in the EPUB, %d in the model", got, len(b.Notes))
	}
	if got := strings.Count(all, `epub:type="noteref"`); got != len(b.Notes) {
		t.Errorf("%d note marks in the EPUB, %d notes in the model", got, len(b.Notes))
	}
	if got := strings.Count(all, `<div class="turn">`); got != len(b.Interviews[0].Turns) {
		t.Errorf("%d turns in the EPUB, %d in the model", got, len(b.Interviews[0].Turns))
	}
	// EPUB_OUT=dir keeps the book, plain and with fabricated print pages,
	// for the validators and for reading (scripts/validate-epub.sh).
	if dir := os.Getenv("EPUB_OUT"); dir != "" {
		paged := render(t, &Renderer{PageBreaks: sourceBreaks(b)}, b)
		checkContainer(t, paged)
		for name, d := range map[string][]byte{"book.epub": data, "book-paged.epub": paged} {
			if err := os.WriteFile(filepath.Join(dir, name), d, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestEPUBCheck runs EPUBCheck on the fixture and the real book when java
// and the jar are installed.
func TestEPUBCheck(t *testing.T) {
	const jar = "/usr/share/java/epubcheck.jar"
	if testing.Short() {
		t.Skip("EPUBCheck is slow; skipped in -short mode")
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("no java: EPUBCheck not run")
	}
	if _, err := os.Stat(jar); err != nil {
		t.Skip("no " + jar + ": EPUBCheck not run")
	}
	books := map[string]*edition.Book{"fixture": fixture(), "second": testbook.SecondBook(), "collection": collectionBook(t), "source": realbook.Load(t)}
	for name, b := range books {
		for _, breaks := range [][]edition.PageBreak{nil, fixtureBreaks()} {
			if name == "second" && breaks != nil {
				continue // the fixture's page breaks are not in it
			}
			if (name == "source" || name == "collection") && breaks != nil {
				breaks = sourceBreaks(b)
			}
			file := filepath.Join(t.TempDir(), name+".epub")
			if err := os.WriteFile(file, render(t, &Renderer{PageBreaks: breaks}, b), 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := exec.Command("java", "-jar", jar, file).CombinedOutput()
			if !bytes.Contains(out, []byte("Messages: 0 fatals / 0 errors / 0 warnings")) &&
				!bytes.Contains(out, []byte("No errors or warnings detected")) {
				t.Errorf("%s (%d page breaks): EPUBCheck:\n%s", name, len(breaks), out)
			}
		}
	}
}

func BenchmarkRender(b *testing.B) {
	book := realbook.Load(b)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := (&Renderer{}).Render(&buf, book); err != nil {
			b.Fatal(err)
		}
	}
}
