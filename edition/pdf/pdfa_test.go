package pdf

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"edition/internal/icc"
	"edition/internal/testbook"
)

// pdfaBooks are the books the PDF/A tests render: the real one and a
// fixture with notes both ways, a stage direction and a source with a URL.
func pdfaBooks(t *testing.T) map[string][]byte {
	t.Helper()
	fixture := testbook.Book([][]int{{3}, {2, 4}, {5}, {1}}, []int{2, 1}, map[string]int{"interview-2": 1, "interview-4": 2})
	var buf bytes.Buffer
	if err := (Renderer{}).Render(&buf, fixture); err != nil {
		t.Fatal(err)
	}
	// The second book has a publisher and an ISBN: dc:publisher and
	// prism:isbn, with PRISM described in an extension schema.
	var second bytes.Buffer
	if err := (Renderer{}).Render(&second, testbook.SecondBook()); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{"real": renderBook(t, ""), "fixture": buf.Bytes(), "second": second.Bytes()}
}

// TestPDFAStructure checks, without external tools, what PDF/A-1b asks of
// the file that the renderer controls: the header and its binary comment,
// the output intent with the sRGB profile, the Print flag on every link,
// the outline count, no embedded files, the XMP identification with every
// namespace declared and its extension schema, and Info and XMP agreeing.
func TestPDFAStructure(t *testing.T) {
	for name, pdf := range pdfaBooks(t) {
		t.Run(name, func(t *testing.T) {
			if len(pdf) < 15 || !regexp.MustCompile(`^%PDF-1\.[45]\n%`).Match(pdf) || pdf[14] != '\n' ||
				pdf[10] < 128 || pdf[11] < 128 || pdf[12] < 128 || pdf[13] < 128 {
				t.Errorf("header: %q", pdf[:min(20, len(pdf))])
			}
			s := string(pdf)
			for _, want := range []string{"/Type /OutputIntent /S /GTS_PDFA1 ", "/DestOutputProfile ", "/OutputIntents [", "/Type /Outlines "} {
				if !strings.Contains(s, want) {
					t.Errorf("no %q", want)
				}
			}
			if strings.Contains(s, "/EmbeddedFiles") || strings.Contains(s, "/Names <<") {
				t.Error("the file has a name dictionary (embedded files)")
			}
			if !regexp.MustCompile(`/Type /Outlines [^>]*/Count [1-9]`).MatchString(s) {
				t.Error("the outline root has no /Count")
			}
			links := regexp.MustCompile(`<</Type /Annot /Subtype /Link [^\n]*`).FindAllString(s, -1)
			if len(links) == 0 {
				t.Error("no link annotations")
			}
			for _, l := range links {
				if !strings.Contains(l, " /F 4 ") {
					t.Errorf("link without the Print flag: %s", l)
				}
			}
			// The profile is the embedded sRGB one, whole.
			if !bytes.Contains(pdf, []byte("/N 3 /Filter /FlateDecode")) || len(icc.SRGB) != 6922 {
				t.Error("no ICC profile stream")
			}

			xmp := xmpOf(t, pdf)
			for _, want := range []string{"<pdfaid:part>1</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
				"<pdfaSchema:prefix>marcrel</pdfaSchema:prefix>", "<pdfuaid:part>1</pdfuaid:part>", "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"} {
				if !strings.Contains(xmp, want) {
					t.Errorf("XMP lacks %s", want)
				}
			}
			// Every prefix used is declared: the packet parses as XML with
			// no element or attribute in an unknown namespace.
			d := xml.NewDecoder(strings.NewReader(xmp[strings.Index(xmp, "<x:xmpmeta") : strings.LastIndex(xmp, "</x:xmpmeta>")+len("</x:xmpmeta>")]))
			for {
				tok, err := d.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Errorf("XMP: %v", err)
					}
					break
				}
				if se, ok := tok.(xml.StartElement); ok {
					if se.Name.Space == "" || !strings.Contains(se.Name.Space, "/") && !strings.Contains(se.Name.Space, ":") {
						t.Errorf("XMP element %s:%s: namespace not declared", se.Name.Space, se.Name.Local)
					}
				}
			}
			// dc:creator has one entry, the Info dictionary's /Author.
			if m := regexp.MustCompile(`(?s)<dc:creator><rdf:Seq>(.*?)</rdf:Seq>`).FindStringSubmatch(xmp); m == nil || strings.Count(m[1], "<rdf:li>") != 1 {
				t.Errorf("dc:creator does not hold one entry: %v", m)
			}
		})
	}
}

// xmpOf returns the XMP packet of a file the renderer wrote.
func xmpOf(t *testing.T, pdf []byte) string {
	t.Helper()
	i := bytes.Index(pdf, []byte("<?xpacket begin="))
	j := bytes.Index(pdf, []byte("<?xpacket end="))
	if i < 0 || j < i {
		t.Fatal("no XMP packet")
	}
	return string(pdf[i:j])
}

// preflightClassPath returns the class path of PDFBox Preflight as Debian
// installs it, skipping the test when a jar or Java is missing.
func preflightClassPath(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("java not installed: skipping PDFBox Preflight")
	}
	var cp []string
	for _, j := range []string{"preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"} {
		p := filepath.Join("/usr/share/java", j+".jar")
		if _, err := os.Stat(p); err != nil {
			t.Skipf("PDFBox Preflight: %s not installed (apt-get install libpdfbox2-java libfontbox2-java libactivation-java libjaxb-api-java libcommons-logging-java)", p)
		}
		cp = append(cp, p)
	}
	return strings.Join(cp, ":")
}

// TestPDFAValidators runs PDFBox Preflight (PDF/A-1b) and pdfcpu's strict
// validation on the real book and a fixture book; both must pass.
func TestPDFAValidators(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the external validators")
	}
	books := pdfaBooks(t)
	dir := t.TempDir()
	for name, pdf := range books {
		path := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(name+"/preflight", func(t *testing.T) {
			t.Parallel()
			cp := preflightClassPath(t)
			out, err := exec.Command("java", "-cp", cp, "org.apache.pdfbox.preflight.Validator_A1b", path).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "is a valid PDF/A-1b file") {
				t.Errorf("PDFBox Preflight: %v\n%s", err, firstLines(string(out), 30))
			}
		})
		t.Run(name+"/pdfcpu", func(t *testing.T) {
			t.Parallel()
			pdfcpu, err := exec.LookPath("pdfcpu")
			if err != nil {
				t.Skip("pdfcpu not installed (go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0): skipping pdfcpu validate")
			}
			out, err := exec.Command(pdfcpu, "validate", "-m", "strict", path).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "validation ok") {
				t.Errorf("pdfcpu validate -m strict: %v\n%s", err, out)
			}
		})
	}
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
