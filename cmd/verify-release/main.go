// Command verify-release checks a release folder as `edition release` writes
// it, as a whole: the checksums, the zip, the citation files and the print
// page numbers carried by both EPUBs.
//
// Usage:
//
//	go run ./cmd/verify-release DIR
//
// It prints one line per check ("ok" or "FAIL", then the check's name and
// what it found; a failing check prints one line per problem, each naming
// the file, line, entry or page at fault) and a summary line, and exits 1
// when any check fails, 2 on bad usage.
//
// The checks:
//
//   - files: the release holds <slug>.epub, <slug>.kepub.epub, <slug>.pdf,
//     <slug>.txt, <slug>.json, <slug>.bib, <slug>.ris, CITATION.cff,
//     <slug>-<version>.zip and SHA256SUMS, and nothing else.
//   - sha256sums: every line of SHA256SUMS is "<64 hex>  <name>" (the text
//     format of sha256sum), every listed file exists and matches, every
//     file of DIR but SHA256SUMS is listed once.
//   - zip: its entries are exactly the other artifacts, byte for byte,
//     under one folder <slug>-<version>/, as ordinary files (no directory
//     entries, no mimetype entry, no links), all with one fixed timestamp,
//     the EPUB's dcterms:modified.
//   - csl-json, cff, bibtex, ris: each citation file is read (see
//     citation.go): CITATION.cff is validated against the official CFF
//     1.2.0 JSON schema (installed by scripts/cff-schema.sh); the .bib is
//     read by pandoc (-f biblatex -t csljson); the CSL-JSON and RIS files by
//     this command's own small readers (no official CSL-JSON schema is
//     published in a package registry this project reaches).
//   - agreement: the title and the creators' family names (and the
//     translators', where given) agree across the four citation files and
//     the EPUB's package document.
//   - page-list (epub) and page-list (kepub): the EPUB's page-list nav, its
//     page-break markers and the folios printed in the PDF agree (see
//     pagelist.go). Needs pdftotext and pdfinfo from poppler-utils.
//
// A check that needs a missing tool (pdftotext, pandoc) or the missing CFF
// schema fails, saying what is missing.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, "usage: verify-release DIR")
		return 2
	}
	dir := args[0]
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "verify-release: %s is not a directory\n", dir)
		return 2
	}
	results := verify(dir)
	failed := 0
	for _, r := range results {
		if len(r.problems) == 0 {
			fmt.Fprintf(stdout, "ok   %s: %s\n", r.name, r.summary)
			continue
		}
		failed++
		for _, p := range r.problems {
			fmt.Fprintf(stdout, "FAIL %s: %s\n", r.name, p)
		}
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "verify-release: %s: %d of %d checks FAILED\n", dir, failed, len(results))
		return 1
	}
	fmt.Fprintf(stdout, "verify-release: %s: all %d checks passed\n", dir, len(results))
	return 0
}

// result is the outcome of one check: its problems (none when it passed)
// and, when it passed, a short account of what it saw.
type result struct {
	name     string
	summary  string
	problems []string
}

// checker accumulates the problems of one check.
type checker struct {
	result
}

func (c *checker) fail(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// verify runs every check on the release in dir, in order.
func verify(dir string) []result {
	rel, res := discover(dir)
	out := []result{res}
	if rel == nil {
		return out
	}
	out = append(out, checkSums(rel), checkZip(rel))
	cites, citeResults := parseCitations(rel)
	out = append(out, citeResults...)
	out = append(out, checkAgreement(rel, cites))
	folios, ferr := readFolios(rel.path(rel.slug + ".pdf"))
	out = append(out, checkPageList(rel, "page-list (epub)", rel.slug+".epub", folios, ferr))
	out = append(out, checkPageList(rel, "page-list (kepub)", rel.slug+".kepub.epub", folios, ferr))
	return out
}
