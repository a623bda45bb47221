package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"edition/edition/layout"
)

// tool returns the path of a command-line tool, skipping the test without
// it.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed: skipping the read-back test", name)
	}
	return p
}

var (
	pdfPath string
	pdfOnce bool
)

// bookPDF writes the rendered real book to a temporary file once.
func bookPDF(t *testing.T) string {
	t.Helper()
	if !pdfOnce {
		dir, err := os.MkdirTemp("", "edition-pdf")
		if err != nil {
			t.Fatal(err)
		}
		pdfPath = filepath.Join(dir, "book.pdf")
		if err := os.WriteFile(pdfPath, renderBook(t, ""), 0o644); err != nil {
			t.Fatal(err)
		}
		pdfOnce = true
	}
	return pdfPath
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestReproducible(t *testing.T) {
	a := renderBook(t, "")
	b := renderBook(t, "")
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same book differ")
	}
}

func TestReadBackText(t *testing.T) {
	path := bookPDF(t)
	text := run(t, "pdftotext", "-layout", path, "-")
	flat := strings.Join(strings.Fields(text), " ")
	order := []string{
		"Interview of Stalin", "How to cite this edition", "Contents",
		"This interview with Stalin by the well-known French writer",
		"George Gruenthal, 2017",
		"Stalin: I am glad to talk to the world’s greatest writer.",
		"All-Union Society for Cultural Relations with Foreign Countries",
		"guaranteed.", "Note on the Text", "Translated from the French by George Gruenthal.",
	}
	at := 0
	for _, s := range order {
		// Small capitals come out as the letters they stand for.
		i := strings.Index(flat[at:], s)
		if i < 0 {
			t.Errorf("%q not found after position %d", s, at)
			continue
		}
		at += i + len(s)
	}
	pages := strings.Count(text, "\f")
	info := run(t, "pdfinfo", path)
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	n, _ := strconv.Atoi(m[1])
	d, err := layout.Layout(realBook(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if n != len(d.Pages) || pages != n {
		t.Errorf("pdfinfo counts %d pages, pdftotext %d, the layout %d", n, pages, len(d.Pages))
	}
	// Each folio of the layout is printed on its page.
	byPage := strings.Split(text, "\f")
	for _, pb := range d.PageBreaks() {
		for _, p := range d.Pages {
			if p.Folio == pb.Folio && !regexp.MustCompile(`(^|\s)`+pb.Folio+`(\s|$)`).MatchString(byPage[p.Number-1]) {
				t.Errorf("folio %s not printed on physical page %d", pb.Folio, p.Number)
			}
		}
	}
}

func TestReadBackMetadata(t *testing.T) {
	path := bookPDF(t)
	info := run(t, "pdfinfo", path)
	for _, want := range []string{
		`Title:\s+Interview of Stalin by Romain Rolland: The Official Text, Moscow, 28.June 1935\n`,
		`Author:\s+Joseph Stalin and Romain Rolland\n`,
		`Keywords:\s+Stalin, Joseph`,
		`CreationDate:\s+Sun Jan  1 00:00:00 2017 UTC`,
		`Metadata Stream:\s+yes`,
		`Page size:\s+396 x 612 pts`,
	} {
		if !regexp.MustCompile(want).MatchString(info) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	meta := run(t, "pdfinfo", "-meta", path)
	for _, want := range []string{"<dc:title>", "Joseph Stalin", "<marcrel:trl>", "George Gruenthal", "<dc:date>", "2017",
		"<dc:source>", "centremlm.be", "<dc:rights>", "<dc:language>", "<rdf:li>en</rdf:li>"} {
		if !strings.Contains(meta, want) {
			t.Errorf("XMP lacks %q", want)
		}
	}
	trailer := run(t, "qpdf", "--show-object=trailer", path)
	root := regexp.MustCompile(`/Root (\d+) 0 R`).FindStringSubmatch(trailer)
	if root == nil || !regexp.MustCompile(`/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]`).MatchString(trailer) {
		t.Fatalf("trailer without /Root or /ID: %s", trailer)
	}
	catalog := run(t, "qpdf", "--show-object="+root[1], path)
	for _, want := range []string{"/Lang (en)", "/Metadata", "/Outlines"} {
		if !strings.Contains(catalog, want) {
			t.Errorf("catalog lacks %s: %s", want, catalog)
		}
	}
	check := run(t, "qpdf", "--check", path)
	if !strings.Contains(check, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %s", check)
	}
}

func TestReadBackFonts(t *testing.T) {
	out := run(t, "pdffonts", bookPDF(t))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 4 {
		t.Fatalf("pdffonts: %s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID: "emb" is the 4th
		// field from the end but three.
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	// The book uses roman and italic only; only those are embedded.
	checkFonts(t, bookPDF(t), 2)
	if !strings.Contains(out, "+CharisSIL-Italic ") {
		t.Errorf("no italic: %s", out)
	}
}

func TestReadBackLinks(t *testing.T) {
	path := bookPDF(t)
	urls := run(t, "pdfinfo", "-url", path)
	for _, want := range []string{
		"http://chicagounbound.uchicago.edu/cgi/viewcontent.cgi?article=1567&context=uclrev",
		"http://www.centremlm.be/Texte-officiel-de-l-entretien-de-Staline-avec-Romain-Rolland-1935",
	} {
		if !strings.Contains(urls, want) {
			t.Errorf("no link to %s:\n%s", want, urls)
		}
	}
	// Internal links: every note mark to its note, every note number back,
	// and the contents entries. Count the annotations with a /Dest.
	qdf := filepath.Join(t.TempDir(), "q.pdf")
	run(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	internal := bytes.Count(raw, []byte("/Subtype /Link")) - bytes.Count(raw, []byte("/S /URI"))
	b := realBook(t)
	want := 2*len(b.Notes) + 2*3 // notes both ways, contents (title and folio)
	if internal != want {
		t.Errorf("%d internal links, want %d", internal, want)
	}
	out := run(t, "mutool", "show", path, "outline")
	for _, s := range []string{"Contents", "Preface", "The Interview", "Note on the Text"} {
		if !strings.Contains(out, s) {
			t.Errorf("outline lacks %q:\n%s", s, out)
		}
	}
}

// BenchmarkRender measures the whole print edition: layout and drawing.
func BenchmarkRender(b *testing.B) {
	book := realBook(b)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := (Renderer{}).Render(&buf, book); err != nil {
			b.Fatal(err)
		}
	}
}
