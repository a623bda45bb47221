package main

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEveryEditionWritesTheSameURL builds the book with URLs written
// with letters beyond ASCII, an internationalised host and an upper-case
// scheme, and reads the editions back: the EPUB's hrefs, the PDF's /URI
// actions, the text and the citation files must all carry the one
// normalised form of each URL the loader stores (issue 12, item 6).
func TestEveryEditionWritesTheSameURL(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(source)); err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		t.Helper()
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(string(data), old) != 1 {
			t.Fatalf("%s: %q is not there once", name, old)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("preface.md", "# Preface\n\n", "# Preface\n\nSee <HTTPS://Bücher.example/straße?q=ü> and [his life](https://fr.wikipedia.org/wiki/Romain_Rolland_(écrivain)).\n\n")
	edit("metadata.yaml", "http://www.centremlm.be/Texte-officiel-de-l-entretien-de-Staline-avec-Romain-Rolland-1935",
		"http://www.centremlm.be/Texte-officiel–1935")
	const (
		shown  = "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC"
		hidden = "https://fr.wikipedia.org/wiki/Romain_Rolland_(%C3%A9crivain)"
		src    = "http://www.centremlm.be/Texte-officiel%E2%80%931935"
	)
	out := t.TempDir()
	if code, _, stderr := run(t, "build", "--source", dir, "--out", out, "--format", "text,epub,pdf,citation"); code != exitOK {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	stem := filepath.Join(out, "stalin-rolland-interview-1935")
	// The book's own URLs, in normal form already.
	const (
		colophon = "http://www.centremlm.be/Texte-officiel-de-l-entretien-de-Staline-avec-Romain-Rolland-1935"
		note     = "http://chicagounbound.uchicago.edu/cgi/viewcontent.cgi?article=1567&context=uclrev"
	)
	want := []string{shown, hidden, src, colophon, note}
	slices.Sort(want)

	// The EPUB: every href to the web, from every XHTML file.
	zr, err := zip.OpenReader(stem + ".epub")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var hrefs []string
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(r)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "a" {
				for _, a := range se.Attr {
					if a.Name.Local == "href" && strings.Contains(a.Value, ":") {
						hrefs = append(hrefs, a.Value)
					}
				}
			}
		}
		r.Close()
	}
	if got := uniq(hrefs); !slices.Equal(got, want) {
		t.Errorf("EPUB hrefs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The PDF: every /URI action (gofpdf writes the annotations as plain
	// objects, outside compressed streams).
	pdf, err := os.ReadFile(stem + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	var uris []string
	for _, m := range regexp.MustCompile(`/URI \(((?:[^()\\]|\\.)*)\)`).FindAllSubmatch(pdf, -1) {
		uris = append(uris, pdfString(string(m[1])))
	}
	if got := uniq(uris); !slices.Equal(got, want) {
		t.Errorf("PDF /URI actions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The text edition and the citation files.
	for _, tc := range []struct {
		ext  string
		urls []string
	}{
		{".txt", []string{shown, hidden, colophon, note}}, // the text has no title page
		{".json", []string{src}},
		{".ris", []string{src}},
		{".bib", []string{strings.ReplaceAll(src, "%", `\%`)}},
	} {
		data, err := os.ReadFile(stem + tc.ext)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range tc.urls {
			if !strings.Contains(string(data), u) {
				t.Errorf("%s does not contain %s", tc.ext, u)
			}
		}
		if strings.Contains(string(data), "straße") || strings.Contains(string(data), "–1935") {
			t.Errorf("%s holds a URL as written, not in its normal form", tc.ext)
		}
	}
	cff, err := os.ReadFile(filepath.Join(out, "CITATION.cff"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(cff), src) {
		t.Errorf("CITATION.cff does not contain %s", src)
	}
}

// uniq returns the distinct strings of list, sorted.
func uniq(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return slices.Compact(out)
}

// pdfString undoes the backslash escapes of a PDF literal string.
func pdfString(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
