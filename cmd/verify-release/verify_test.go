package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"edition/internal/cffschema"
)

func havePoppler() bool {
	_, e1 := exec.LookPath("pdftotext")
	_, e2 := exec.LookPath("pdfinfo")
	return e1 == nil && e2 == nil
}

// missingFor names what the check needs beyond Go that is missing here, and
// the words with which the check says so; "" when nothing is missing. The
// agreement check cannot compare the .bib without pandoc.
func missingFor(check string) (tool, says string) {
	_, pandoc := exec.LookPath("pandoc")
	switch {
	case strings.HasPrefix(check, "page-list") && !havePoppler():
		return "pdftotext/pdfinfo (apt-get install -y poppler-utils)", "not found: cannot read the PDF's folios"
	case check == "bibtex" && pandoc != nil:
		return "pandoc (apt-get install -y pandoc)", "pandoc not found"
	case check == "agreement" && pandoc != nil:
		return "pandoc (apt-get install -y pandoc)", ""
	case check == "cff":
		if _, err := cffschema.Load(); errors.Is(err, cffschema.ErrMissing) {
			return "the CFF 1.2.0 schema (scripts/cff-schema.sh)", "cannot check against the CFF schema"
		}
	}
	return "", ""
}

// expect runs every check on dir and asserts, each check in a subtest of
// its name, that exactly the checks in want fail, each with problems
// containing its substrings (separated by " && "). A check that needs a
// missing tool must say so, what it checks without the tool is asserted,
// and its subtest is then skipped, naming the tool.
func expect(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range verify(dir) {
		seen[r.name] = true
		t.Run(r.name, func(t *testing.T) { expectOne(t, r, want) })
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("check %s did not run", name)
		}
	}
}

// expectOne asserts what expect asserts of one check's result.
func expectOne(t *testing.T, r result, want map[string]string) {
	sub, shouldFail := want[r.name]
	tool, says := missingFor(r.name)
	problems := r.problems
	if says != "" {
		problems = nil
		for _, p := range r.problems {
			if !strings.Contains(p, says) {
				problems = append(problems, p)
			}
		}
		if len(problems) == len(r.problems) && !shouldFail {
			t.Errorf("without %s, check %s does not say so:\n  %s", tool, r.name, strings.Join(r.problems, "\n  "))
		}
	}
	switch {
	case !shouldFail && len(problems) > 0:
		t.Errorf("check %s failed, want it to pass:\n  %s", r.name, strings.Join(problems, "\n  "))
	case shouldFail:
		for _, s := range strings.Split(sub, " && ") {
			if strings.Contains(strings.Join(problems, "\n"), s) {
				continue
			}
			if tool != "" {
				t.Skipf("%s not installed: the problem %q may need it", tool, s)
			}
			if len(problems) == 0 {
				t.Errorf("check %s passed (%s), want it to fail with %q", r.name, r.summary, sub)
			} else {
				t.Errorf("check %s failed, but no problem mentions %q:\n  %s", r.name, s, strings.Join(problems, "\n  "))
			}
		}
	}
	if tool != "" {
		t.Skipf("%s not installed: what the check does without it passed", tool)
	}
}

func TestGoodRelease(t *testing.T) {
	dir := newFixture(t).write(t)
	expect(t, dir, nil)
	var out, errb bytes.Buffer
	code := run([]string{dir}, &out, &errb)
	// The command needs every tool: a check that needs a missing one fails,
	// saying so, and only those do.
	var missing []string
	failing := 0
	for _, r := range verify(dir) {
		if tool, says := missingFor(r.name); says != "" {
			if !slices.Contains(missing, tool) {
				missing = append(missing, tool)
			}
			failing++
		}
	}
	if failing > 0 {
		if code != 1 || !strings.Contains(out.String(), fmt.Sprintf("%d of 10 checks FAILED", failing)) {
			t.Errorf("run without %s = %d, want 1 and %d of 10 checks failed:\n%s%s", strings.Join(missing, ", "), code, failing, out.String(), errb.String())
		}
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			name, _, _ := strings.Cut(strings.TrimPrefix(l, "FAIL "), ":")
			if _, says := missingFor(name); strings.HasPrefix(l, "FAIL") && says == "" {
				t.Errorf("unexpected %s", l)
			}
		}
		t.Skipf("not installed: %s: the command's output is not checked further", strings.Join(missing, ", "))
	}
	if code != 0 || !strings.Contains(out.String(), "all 10 checks passed") {
		t.Errorf("run = %d, output:\n%s%s", code, out.String(), errb.String())
	}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(l, "FAIL") {
			t.Errorf("unexpected %s", l)
		}
	}
	if !strings.Contains(out.String(), "ok   page-list (kepub): 5 pages listed (1–6)") {
		t.Errorf("page-list line missing or wrong:\n%s", out.String())
	}
}

func TestExitStatus(t *testing.T) {
	f := newFixture(t)
	f.editText(t, slug+".ris", "ER  - \n", "")
	dir := f.write(t)
	var out, errb bytes.Buffer
	code := run([]string{dir}, &out, &errb)
	if code != 1 {
		t.Errorf("run = %d, want 1", code)
	}
	if !strings.Contains(out.String(), "FAIL ris: small-book.ris:6: the last line is not ER\n") ||
		!strings.Contains(out.String(), "checks FAILED") {
		t.Errorf("output lacks the failure or the summary:\n%s", out.String())
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(nil, &out, &errb); code != 2 {
		t.Errorf("no argument: exit %d, want 2", code)
	}
	if code := run([]string{filepath.Join(t.TempDir(), "nope")}, &out, &errb); code != 2 {
		t.Errorf("missing folder: exit %d, want 2", code)
	}
}

func TestBrokenRelease(t *testing.T) {
	sumsFile := func(dir string) string { return filepath.Join(dir, "SHA256SUMS") }
	cases := []struct {
		name   string
		before func(t *testing.T, f *fixture) // breaks an artifact before sums and zip
		after  func(t *testing.T, dir string) // breaks the written release
		want   map[string]string
	}{
		{
			name: "tampered file",
			after: func(t *testing.T, dir string) {
				writeFile(t, filepath.Join(dir, slug+".txt"), []byte("changed\n"))
			},
			want: map[string]string{"sha256sums": "SHA256SUMS:9: small-book.txt: checksum mismatch", "zip": "differs from small-book.txt"},
		},
		{
			name: "missing SHA line",
			after: func(t *testing.T, dir string) {
				b, _ := os.ReadFile(sumsFile(dir))
				var keep []string
				for _, l := range strings.SplitAfter(string(b), "\n") {
					if !strings.HasSuffix(l, "  "+slug+".ris\n") {
						keep = append(keep, l)
					}
				}
				writeFile(t, sumsFile(dir), []byte(strings.Join(keep, "")))
			},
			want: map[string]string{"sha256sums": "small-book.ris: in the release but not listed in SHA256SUMS"},
		},
		{
			name: "malformed SHA line",
			after: func(t *testing.T, dir string) {
				b, _ := os.ReadFile(sumsFile(dir))
				writeFile(t, sumsFile(dir), bytes.Replace(b, []byte("  CITATION.cff"), []byte(" CITATION.cff"), 1))
			},
			want: map[string]string{"sha256sums": `SHA256SUMS:1: not "<64 lowercase hex digits>  <file name>"`},
		},
		{
			name: "SHA line for a missing file",
			after: func(t *testing.T, dir string) {
				b, _ := os.ReadFile(sumsFile(dir))
				b = append(b, []byte(strings.Repeat("ab", 32)+"  ghost.pdf\n")...)
				writeFile(t, sumsFile(dir), b)
			},
			want: map[string]string{"sha256sums": "SHA256SUMS:10: ghost.pdf: listed but not in the release"},
		},
		{
			name: "extra file",
			after: func(t *testing.T, dir string) {
				writeFile(t, filepath.Join(dir, "notes.md"), []byte("x\n"))
			},
			want: map[string]string{
				"files":      "notes.md: not an artifact of the release",
				"sha256sums": "notes.md: in the release but not listed",
				"zip":        "notes.md is missing from the zip",
			},
		},
		{
			name: "missing artifact",
			after: func(t *testing.T, dir string) {
				os.Remove(filepath.Join(dir, slug+".kepub.epub"))
			},
			want: map[string]string{
				"files":             "small-book.kepub.epub: missing",
				"sha256sums":        "small-book.kepub.epub: listed but not in the release",
				"zip":               "not an artifact of the release",
				"page-list (kepub)": "no such file",
			},
		},
		{
			name: "zip entry outside the folder, with another time, and a mimetype",
			before: func(t *testing.T, f *fixture) {
				f.zip = func(es []zipEntry) []zipEntry {
					es[0].name = strings.TrimPrefix(es[0].name, slug+"-"+version+"/")
					es[1].modified = stamp.Add(time.Hour)
					return append([]zipEntry{{slug + "-" + version + "/mimetype", []byte("application/epub+zip"), stamp}}, es...)
				}
			},
			want: map[string]string{"zip": `entry 2 "CITATION.cff": not directly under the folder small-book-2.0.1/ && ` +
				`entry 1 "small-book-2.0.1/mimetype": a mimetype entry && entry 3 "small-book-2.0.1/small-book.bib": timestamp 2017-01-01T01:00:00Z differs && ` +
				`CITATION.cff is missing from the zip`},
		},
		{
			name: "zip entry with another time",
			before: func(t *testing.T, f *fixture) {
				f.zip = func(es []zipEntry) []zipEntry {
					es[3].modified = stamp.Add(time.Hour)
					return es
				}
			},
			want: map[string]string{"zip": "timestamp 2017-01-01T01:00:00Z differs from the first entry's 2017-01-01T00:00:00Z"},
		},
		{
			name: "zip stamped now",
			before: func(t *testing.T, f *fixture) {
				f.zip = func(es []zipEntry) []zipEntry {
					for i := range es {
						es[i].modified = time.Date(2025, 3, 4, 5, 6, 8, 0, time.UTC)
					}
					return es
				}
			},
			want: map[string]string{"zip": "but the edition's date (the EPUB's dcterms:modified) is 2017-01-01T00:00:00Z"},
		},
		{
			name: "zip entry with other bytes",
			before: func(t *testing.T, f *fixture) {
				f.zip = func(es []zipEntry) []zipEntry {
					es[2].data = []byte("other")
					return es
				}
			},
			want: map[string]string{"zip": "differs from small-book.epub beside the zip"},
		},
		{
			name:   "broken JSON",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".json", `"type": "book",`, `"type": "book"`) },
			want:   map[string]string{"csl-json": "small-book.json:5: not JSON"},
		},
		{
			name:   "CSL-JSON not an array",
			before: func(t *testing.T, f *fixture) { f.artifacts[slug+".json"] = []byte(`{"id": "x"}`) },
			want:   map[string]string{"csl-json": "not a CSL-JSON array of item objects"},
		},
		{
			name:   "CSL-JSON without issued",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".json", `"issued"`, `"published"`) },
			want:   map[string]string{"csl-json": `item 1: no "issued"`},
		},
		{
			name:   "CSL-JSON unknown variable",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".json", `"language"`, `"lang"`) },
			want:   map[string]string{"csl-json": `"lang" is not a CSL variable`},
		},
		{
			name:   "CSL-JSON bad date",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".json", `[[2001, 5, 1]]`, `[[2001, 5, 1, 9]]`) },
			want:   map[string]string{"csl-json": `"original-date" each date in date-parts must be`},
		},
		{
			name:   "CSL-JSON unknown item type",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".json", `"type": "book"`, `"type": "novel"`) },
			want:   map[string]string{"csl-json": `type "novel" is not a CSL item type`},
		},
		{
			name: "CFF without message",
			before: func(t *testing.T, f *fixture) {
				f.editText(t, "CITATION.cff", `message: "Please cite it as below."`+"\n", "")
			},
			want: map[string]string{"cff": `at /: missing property 'message'`},
		},
		{
			name:   "CFF not YAML",
			before: func(t *testing.T, f *fixture) { f.editText(t, "CITATION.cff", `title: "A Small`, `title: [A Small`) },
			want:   map[string]string{"cff": "not YAML"},
		},
		{
			name:   "BibTeX unbalanced",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".bib", `{{A Small Book}}`, `{{A Small Book}`) },
			want:   map[string]string{"bibtex": "small-book.bib:10:1: pandoc cannot read it: unexpected end of input"},
		},
		{
			name:   "BibTeX without key",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".bib", `@book{small-book,`, `@book{`) },
			want:   map[string]string{"bibtex": "small-book.bib:2:14: pandoc cannot read it: unexpected '='"},
		},
		{
			name:   "RIS bad line",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".ris", "PY  - 2017", "PY - 2017") },
			want:   map[string]string{"ris": `small-book.ris:6: not "XX  - value"`},
		},
		{
			name:   "RIS without ER",
			before: func(t *testing.T, f *fixture) { f.editText(t, slug+".ris", "ER  - \n", "") },
			want:   map[string]string{"ris": "the last line is not ER"},
		},
		{
			name: "title disagrees",
			before: func(t *testing.T, f *fixture) {
				f.editText(t, slug+".ris", "TI  - A Small Book", "TI  - A Smaller Book")
			},
			want: map[string]string{"agreement": `RIS (small-book.ris): title "A Smaller Book: A Test, 1 May 2001", but the EPUB package (OEBPS/content.opf) has "A Small Book: A Test, 1 May 2001"`},
		},
		{
			name: "creator disagrees",
			before: func(t *testing.T, f *fixture) {
				f.editText(t, "CITATION.cff", `family-names: "Li"`, `family-names: "Lee"`)
			},
			want: map[string]string{"agreement": "CITATION.cff: creators (family names) [Lee, de Vries], but the EPUB package"},
		},
		{
			name: "EPUB creator disagrees",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".epub", "OEBPS/content.opf", func(s string) string { return strings.Replace(s, "de Vries, Ann", "Vries, Ann de", 1) })
			},
			want: map[string]string{"agreement": "[Li, de Vries], but the EPUB package (OEBPS/content.opf) has [Li, Vries]"},
		},
		{
			name: "translator disagrees",
			before: func(t *testing.T, f *fixture) {
				f.editText(t, slug+".bib", "translator = {Translator, Cy}", "translator = {Other, Cy}")
			},
			want: map[string]string{"agreement": "BibTeX (small-book.bib): translators [Other]"},
		},
		{
			name: "page-list label changed in the nav",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".epub", "OEBPS/nav.xhtml", func(s string) string { return strings.Replace(s, `#page-3">3<`, `#page-3">4<`, 1) })
			},
			want: map[string]string{"page-list (epub)": `page-list entry 3 ("4" → text/preface.xhtml#page-3): the marker there is labelled "3"`},
		},
		{
			name: "page label changed to a folio no page has",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".epub", "OEBPS/nav.xhtml", func(s string) string { return strings.Replace(s, `#page-6">6<`, `#page-6">7<`, 1) })
				f.editEPUB(t, slug+".epub", "OEBPS/text/chapter.xhtml", func(s string) string { return strings.Replace(s, `aria-label="6"`, `aria-label="7"`, 1) })
			},
			want: map[string]string{"page-list (epub)": `page-list entry 5 ("7"): no page of`},
		},
		{
			name: "page label changed to a blank page's folio",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".kepub.epub", "OEBPS/nav.xhtml", func(s string) string { return strings.Replace(s, `>5</span>`, `>4</span>`, 1) })
				f.editEPUB(t, slug+".kepub.epub", "OEBPS/text/chapter.xhtml", func(s string) string { return strings.Replace(s, `aria-label="5"`, `aria-label="4"`, 1) })
			},
			want: map[string]string{"page-list (kepub)": `page-list entry 4 ("4"): PDF page 8 (folio 4) carries no text`},
		},
		{
			name: "page missing from the page-list",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".epub", "OEBPS/nav.xhtml", func(s string) string {
					return strings.Replace(s, "<li><a href=\"text/preface.xhtml#page-2\">2</a></li>\n", "", 1)
				})
				f.editEPUB(t, slug+".epub", "OEBPS/text/preface.xhtml", func(s string) string {
					return strings.Replace(s, `<span id="page-2" role="doc-pagebreak" epub:type="pagebreak" aria-label="2"></span>`, "", 1)
				})
			},
			want: map[string]string{"page-list (epub)": "PDF page 6 prints folio 2 (head) and carries text, but the page-list lacks it"},
		},
		{
			name: "page-list out of order",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".epub", "OEBPS/nav.xhtml", func(s string) string {
					a := "<li><a href=\"text/preface.xhtml#page-2\">2</a></li>\n"
					b := "<li><a href=\"text/preface.xhtml#page-3\">3</a></li>\n"
					return strings.Replace(s, a+b, b+a, 1)
				})
			},
			want: map[string]string{"page-list (epub)": "PDF page 6 comes before or at PDF page 7"},
		},
		{
			name: "page-break marker in the wrong place",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".epub", "OEBPS/text/preface.xhtml", func(s string) string {
					s = strings.Replace(s, `<span id="page-3" role="doc-pagebreak" epub:type="pagebreak" aria-label="3"></span>`, "", 1)
					return strings.Replace(s, "and so the", `and so <span id="page-3" role="doc-pagebreak" epub:type="pagebreak" aria-label="3"></span>the`, 1)
				})
			},
			want: map[string]string{"page-list (epub)": `the text after the marker (OEBPS/text/preface.xhtml:4) begins "theprefaceends", but PDF page 7 (folio 3) begins "psi omega and so the preface ends."`},
		},
		{
			name: "marker without role and not in the page-list",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".epub", "OEBPS/text/chapter.xhtml", func(s string) string {
					return strings.Replace(s, "until the end", `until <span epub:type="pagebreak" id="x" aria-label="9"></span>the end`, 1)
				})
			},
			want: map[string]string{"page-list (epub)": `page-break marker "9" has role "", want doc-pagebreak`},
		},
		{
			name: "no page-list",
			before: func(t *testing.T, f *fixture) {
				f.editEPUB(t, slug+".kepub.epub", "OEBPS/nav.xhtml", func(s string) string {
					return strings.Replace(s, `epub:type="page-list"`, `epub:type="landmarks"`, 1)
				})
			},
			want: map[string]string{"page-list (kepub)": `has no <nav epub:type="page-list">`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			if tc.before != nil {
				tc.before(t, f)
			}
			dir := f.write(t)
			if tc.after != nil {
				tc.after(t, dir)
			}
			expect(t, dir, tc.want)
		})
	}
}

// TestFolios checks the folio reading on pages as pdftotext -layout prints
// them, without a PDF.
func TestFolios(t *testing.T) {
	pages := []string{
		"Title\n\f",
		"\f",
		"       Contents\n\n\nPreface     1\n\n\n            iii\n\f",
		"\f",
		"      Preface\n\nText begins here and\ngoes on.\n\n\n            1\n\f",
		"2          Short Title\n\n\nmore text 1940, twelve\n1 A note.\n\f",
		"Preface          3\n\n\n1940,  a year began the page\n\f",
		"\f",
		"12 o'clock was the hour\nit began, a body line\n\f",
	}
	f, err := paginate("t.pdf", pages)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ printed, where, label string }{
		{"", "", "i"}, {"", "", "ii"}, {"iii", "foot", "iii"}, {"", "", "iv"},
		{"1", "foot", "1"}, {"2", "head", "2"}, {"3", "head", "3"}, {"", "", "4"}, {"", "", "5"},
	}
	for i, w := range want {
		p := f.pages[i]
		if p.printed != w.printed || p.where != w.where || p.label != w.label {
			t.Errorf("page %d: printed %q (%s), label %q; want %q (%s), %q", i+1, p.printed, p.where, p.label, w.printed, w.where, w.label)
		}
	}
	if f.pages[5].body != "moretext1940twelve1anote" {
		t.Errorf("page 6 body %q: the running head should be left out, the note kept", f.pages[5].body)
	}
	if f.bodyFrom != 5 {
		t.Errorf("body from page %d, want 5", f.bodyFrom)
	}
	// Folios that do not run on one per page are an error.
	bad := append([]string(nil), pages...)
	bad[6] = "Preface          4\n\n\ntext\n\f"
	if _, err := paginate("t.pdf", bad); err == nil || !strings.Contains(err.Error(), "PDF page 7 prints folio 4 (head), but page 5 prints 1") {
		t.Errorf("inconsistent folios: err = %v", err)
	}
	if _, err := paginate("t.pdf", []string{"Title\n\f", "\f"}); err == nil || !strings.Contains(err.Error(), "no page prints an arabic folio") {
		t.Errorf("no folios: err = %v", err)
	}
}
