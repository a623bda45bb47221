package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"edition/edition/layout"
	"edition/internal/realbook"
)

// realRelease runs `edition release` on the real source into a temporary
// folder, and fails the test when the release does not build.
func realRelease(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the real release; skipped with -short")
	}
	dir := filepath.Join(t.TempDir(), "release")
	cmd := exec.Command("go", "run", "../edition", "release", "--source", realbook.Dir(), "--out", dir)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the real release does not build (%v):\n%s", err, out)
	}
	return dir
}

// TestRealRelease checks the release of the real book, and cross-checks
// the folios read from its PDF with the print renderer's own page breaks.
// Without poppler-utils, every check but the page lists still runs.
func TestRealRelease(t *testing.T) {
	dir := realRelease(t)
	expect(t, dir, nil)
	if !havePoppler() {
		t.Skip("pdftotext/pdfinfo not installed (apt-get install -y poppler-utils): the folios are not cross-checked")
	}

	// The renderer's page breaks are the pages that carry text of the
	// model: those are the body pages this command finds text on.
	b := realbook.Load(t)
	breaks, err := layout.PageBreaks(b, "")
	if err != nil {
		t.Fatal(err)
	}
	var fromRenderer []string
	for _, pb := range breaks {
		fromRenderer = append(fromRenderer, pb.Folio)
	}
	rel, _ := discover(dir)
	f, err := readFolios(rel.path(rel.slug + ".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var read []string
	printed := 0
	for _, p := range f.pages {
		if p.number >= f.bodyFrom && p.body != "" {
			read = append(read, p.label)
		}
		if p.printed != "" {
			printed++
			if p.printed != p.label {
				t.Errorf("PDF page %d prints %q but is labelled %q", p.number, p.printed, p.label)
			}
		}
	}
	if strings.Join(read, " ") != strings.Join(fromRenderer, " ") {
		t.Errorf("body pages with text, read from the PDF: %v\nthe renderer's page breaks: %v", read, fromRenderer)
	}
	if printed < len(read) {
		t.Errorf("only %d pages print a folio, fewer than the %d text pages", printed, len(read))
	}
	if f.pages[0].label != "i" || f.bodyFrom < 2 {
		t.Errorf("front matter: first page %q, body from page %d", f.pages[0].label, f.bodyFrom)
	}
	t.Run("broken", func(t *testing.T) { realReleaseBroken(t, dir) })
}

// realReleaseBroken breaks the real EPUB's page-list and markers and
// expects the page-list check to say where.
func realReleaseBroken(t *testing.T, dir string) {
	rel, _ := discover(dir)
	f, err := readFolios(rel.path(rel.slug + ".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	epub, err := os.ReadFile(rel.path(rel.slug + ".epub"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := openEPUB("x", epub)
	if err != nil {
		t.Fatal(err)
	}
	list, nav, err := e.pageList()
	if err != nil || len(list) < 3 {
		t.Fatalf("page-list: %v (%d entries)", err, len(list))
	}
	// A body page that is blank, to relabel a marker to.
	blank := ""
	for _, p := range f.pages {
		if p.number >= f.bodyFrom && p.body == "" {
			blank = p.label
		}
	}
	mid := list[len(list)/2]
	cases := []struct {
		name string
		edit func(files map[string]string)
		want string
	}{
		{"label changed in the nav", func(files map[string]string) {
			files[nav] = strings.Replace(files[nav], `#`+mid.frag+`">`+mid.label+`<`, `#`+mid.frag+`">x`+mid.label+`<`, 1)
		}, `("x` + mid.label + `" → ` + mid.href + `): the marker there is labelled "` + mid.label + `"`},
		{"marker moved by a word", func(files map[string]string) {
			s := files[mid.file]
			tag := `aria-label="` + mid.label + `"></span>`
			i := strings.Index(s, tag)
			if i < 0 {
				t.Fatalf("no marker %q in %s", tag, mid.file)
			}
			start := strings.LastIndex(s[:i], "<span")
			marker := s[start : i+len(tag)]
			rest := s[i+len(tag):]
			// The first space of the text, not one inside a tag.
			sp, inTag := -1, false
			for k, c := range rest {
				if c == '<' || c == '>' {
					inTag = c == '<'
				} else if c == ' ' && !inTag {
					sp = k
					break
				}
			}
			if sp < 0 {
				t.Fatalf("no space after the marker in %s", mid.file)
			}
			files[mid.file] = s[:start] + rest[:sp+1] + marker + rest[sp+1:]
		}, "the text after the marker"},
	}
	if blank != "" {
		cases = append(cases, struct {
			name string
			edit func(files map[string]string)
			want string
		}{"label changed to a blank page's", func(files map[string]string) {
			files[nav] = strings.Replace(files[nav], `#`+mid.frag+`">`+mid.label+`<`, `#`+mid.frag+`">`+blank+`<`, 1)
			files[mid.file] = strings.Replace(files[mid.file], `aria-label="`+mid.label+`"`, `aria-label="`+blank+`"`, 1)
		}, "carries no text"})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for name, data := range e.files {
				files[name] = string(data)
			}
			tc.edit(files)
			out := filepath.Join(t.TempDir(), "x.epub")
			writeEPUBFiles(t, out, files)
			broken := *rel
			broken.dir = filepath.Dir(out)
			writeFile(t, filepath.Join(broken.dir, rel.slug+".epub"), mustRead(t, out))
			r := checkPageList(&broken, "page-list (epub)", rel.slug+".epub", f, nil)
			found := false
			for _, p := range r.problems {
				found = found || strings.Contains(p, tc.want)
			}
			if !found {
				t.Errorf("want a problem with %q, got:\n  %s", tc.want, strings.Join(r.problems, "\n  "))
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeEPUBFiles writes files as an EPUB (mimetype first, stored).
func writeEPUBFiles(t *testing.T, path string, files map[string]string) {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		if n != "mimetype" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	entries := []zipEntry{{"mimetype", []byte(files["mimetype"]), stamp}}
	for _, n := range names {
		entries = append(entries, zipEntry{n, []byte(files[n]), stamp})
	}
	writeFile(t, path, zipBytes(t, entries))
}
