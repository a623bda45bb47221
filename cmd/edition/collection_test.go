package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// collection is the second book of the tests: a collection of two interviews,
// original English, an editor, a speaker without a role, A5.
const collection = "../../testdata/books/second"

// TestCollectionEveryEdition builds every edition of the second book and
// reads each back: the EPUB unzipped and every XML file parsed, the PDF
// through pdftotext, the text edition and the CSL-JSON.
func TestCollectionEveryEdition(t *testing.T) {
	if code, _, stderr := run(t, "check", "--source", collection); code != exitOK || !strings.Contains(stderr, ": ok: 2 interviews, 11 turns,") {
		t.Errorf("check exited %d, want ok with 2 interviews and 11 turns:\n%s", code, stderr)
	}
	out := t.TempDir()
	code, _, stderr := run(t, "build", "--source", collection, "--out", out)
	if code != exitOK {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "warning") {
		t.Errorf("the second book builds with warnings:\n%s", stderr)
	}
	titles := []string{"The Workshop in Hackney", "The Last Commission"}

	// EPUB: every XML file well-formed; one chapter per interview, each in
	// the contents.
	epub, err := zip.OpenReader(filepath.Join(out, "setting-by-hand.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer epub.Close()
	files := map[string]string{}
	for _, f := range epub.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(data)
		if ext := filepath.Ext(f.Name); ext == ".xhtml" || ext == ".opf" || ext == ".ncx" || ext == ".xml" {
			d := xml.NewDecoder(bytes.NewReader(data))
			d.Strict = true
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
			}
		}
	}
	for i, title := range titles {
		doc := files["EPUB/xhtml/interview-"+string(rune('1'+i))+".xhtml"]
		if !strings.Contains(doc, ">"+title+"</h1>") {
			t.Errorf("EPUB: interview %d does not open with %q", i+1, title)
		}
		if !strings.Contains(files["EPUB/nav.xhtml"], ">"+title+"</a>") {
			t.Errorf("EPUB contents lack %q", title)
		}
	}
	if !strings.Contains(files["EPUB/xhtml/interview-2.xhtml"], "<blockquote>") {
		t.Error("EPUB: the resolution is not a blockquote")
	}

	// Text edition.
	txt, err := os.ReadFile(filepath.Join(out, "setting-by-hand.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"THE WORKSHOP IN HACKNEY", "THE LAST COMMISSION", "    Dear Meg,", "(laughs)"} {
		if !strings.Contains(string(txt), want) {
			t.Errorf("text edition lacks %q", want)
		}
	}

	// Citation: a collection is a book.
	data, err := os.ReadFile(filepath.Join(out, "setting-by-hand.json"))
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(data, &items); err != nil || len(items) != 1 {
		t.Fatalf("CSL-JSON: %v (%d items)", err, len(items))
	}
	if items[0]["type"] != "book" || items[0]["language"] != "en-GB" {
		t.Errorf("CSL-JSON type %v language %v, want book en-GB", items[0]["type"], items[0]["language"])
	}

	// PDF, read back with pdftotext.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext: the PDF is not read back")
	}
	pdf := filepath.Join(out, "setting-by-hand.pdf")
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range append(titles, "Dear Meg,", "(laughs)", "(to Åkesson)", "London, 14 March 1998") {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The contents page lists each interview with a page number.
	for _, title := range titles {
		if !regexp.MustCompile(regexp.QuoteMeta(title) + `\s+\d+\s`).Match(text) {
			t.Errorf("PDF contents do not list %q with its page", title)
		}
	}
	// The outline has an entry for each, in order.
	if _, err := exec.LookPath("mutool"); err != nil {
		t.Skip("no mutool: the PDF's outline is not read back")
	}
	outline, err := exec.Command("mutool", "show", pdf, "outline").Output()
	if err != nil {
		t.Fatalf("mutool show outline: %v", err)
	}
	if !regexp.MustCompile(`(?s)"Preface".*"`+titles[0]+`"\s+#page=\d+.*"`+titles[1]+`"\s+#page=\d+`).Match(outline) || strings.Contains(string(outline), "Note on the Text") {
		t.Errorf("PDF outline does not list the interviews in order, or lists a note on the text the book does not have:\n%s", outline)
	}
}

// TestWarningsDoNotFail checks that a doubtful but valid source is reported
// with located warnings by check and build, on stderr, and still builds.
func TestWarningsDoNotFail(t *testing.T) {
	src := t.TempDir()
	entries, err := os.ReadDir(collection)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(collection, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "interview.md" {
			data = bytes.Replace(data, []byte("She still says that."), []byte("She still says that. [laughs]"), 1)
		}
		if err := os.WriteFile(filepath.Join(src, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	warning := regexp.MustCompile(`(?m)^\S+/interview\.md:7:37: warning: bracketed text \[laughs\] is printed as it stands`)
	for _, args := range [][]string{
		{"check", "--source", src},
		{"build", "--source", src, "--out", t.TempDir(), "--format", "text"},
	} {
		code, _, stderr := run(t, args...)
		if code != exitOK {
			t.Errorf("%s exited %d:\n%s", args[0], code, stderr)
		}
		if !warning.MatchString(stderr) || !strings.Contains(stderr, "1 warning(s)") {
			t.Errorf("%s: no located warning on stderr:\n%s", args[0], stderr)
		}
	}
}
