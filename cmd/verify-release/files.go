package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// release is a release folder: where it is, its slug and version, and the
// names of its files.
type release struct {
	dir     string
	slug    string
	version string
	files   []string // regular files in dir, sorted
}

func (r *release) path(name string) string { return filepath.Join(r.dir, name) }

func (r *release) zipName() string { return r.slug + "-" + r.version + ".zip" }

// artifacts are the files the zip must hold: every file but the zip and
// SHA256SUMS.
func (r *release) artifacts() []string {
	var out []string
	for _, f := range r.files {
		if f != r.zipName() && f != "SHA256SUMS" {
			out = append(out, f)
		}
	}
	return out
}

// discover finds the slug (from the one <slug>.pdf) and the version (from
// <slug>-<version>.zip) and checks that the release holds exactly the
// expected files.
func discover(dir string) (*release, result) {
	c := &checker{result: result{name: "files"}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.fail("%v", err)
		return nil, c.result
	}
	rel := &release{dir: dir}
	var pdfs, zips []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			c.fail("%s: not a regular file (a release holds only files)", e.Name())
			continue
		}
		rel.files = append(rel.files, e.Name())
		switch {
		case strings.HasSuffix(e.Name(), ".pdf"):
			pdfs = append(pdfs, e.Name())
		case strings.HasSuffix(e.Name(), ".zip"):
			zips = append(zips, e.Name())
		}
	}
	sort.Strings(rel.files)
	if len(pdfs) != 1 {
		c.fail("want exactly one <slug>.pdf, found %d %v", len(pdfs), pdfs)
		return nil, c.result
	}
	rel.slug = strings.TrimSuffix(pdfs[0], ".pdf")
	if len(zips) != 1 || !strings.HasPrefix(zips[0], rel.slug+"-") {
		c.fail("want exactly one %s-<version>.zip, found %v", rel.slug, zips)
		return nil, c.result
	}
	rel.version = strings.TrimSuffix(strings.TrimPrefix(zips[0], rel.slug+"-"), ".zip")
	s := rel.slug
	want := []string{s + ".epub", s + ".kepub.epub", s + ".pdf", s + ".txt", s + ".json", s + ".bib", s + ".ris",
		"CITATION.cff", rel.zipName(), "SHA256SUMS"}
	have := map[string]bool{}
	for _, f := range rel.files {
		have[f] = true
	}
	expected := map[string]bool{}
	for _, w := range want {
		expected[w] = true
		if !have[w] {
			c.fail("%s: missing", w)
		}
	}
	for _, f := range rel.files {
		if !expected[f] {
			c.fail("%s: not an artifact of the release (expected only %s)", f, strings.Join(want, ", "))
		}
	}
	c.summary = fmt.Sprintf("%s %s: %d files", rel.slug, rel.version, len(rel.files))
	// The other checks run on what is there even when files are missing
	// or extra; a missing PDF or EPUB makes them fail too.
	return rel, c.result
}

// sumLine is a line of SHA256SUMS in sha256sum's text format.
var sumLine = regexp.MustCompile(`^([0-9a-f]{64})  (\S(?:.*\S)?)$`)

// checkSums checks SHA256SUMS against the files beside it.
func checkSums(rel *release) result {
	c := &checker{result: result{name: "sha256sums"}}
	data, err := os.ReadFile(rel.path("SHA256SUMS"))
	if err != nil {
		c.fail("%v", err)
		return c.result
	}
	if len(data) == 0 {
		c.fail("SHA256SUMS is empty")
		return c.result
	}
	if !bytes.HasSuffix(data, []byte("\n")) {
		c.fail("SHA256SUMS: the last line has no newline")
	}
	listed := map[string]int{}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		n := i + 1
		m := sumLine.FindStringSubmatch(line)
		if m == nil {
			c.fail("SHA256SUMS:%d: not \"<64 lowercase hex digits>  <file name>\": %q", n, line)
			continue
		}
		name := m[2]
		if strings.ContainsAny(name, `/\`) {
			c.fail("SHA256SUMS:%d: %s: names a path, not a file beside SHA256SUMS", n, name)
			continue
		}
		if prev, dup := listed[name]; dup {
			c.fail("SHA256SUMS:%d: %s: listed again (first on line %d)", n, name, prev)
			continue
		}
		listed[name] = n
		if name == "SHA256SUMS" {
			c.fail("SHA256SUMS:%d: lists itself", n)
			continue
		}
		f, err := os.ReadFile(rel.path(name))
		if err != nil {
			c.fail("SHA256SUMS:%d: %s: listed but not in the release (%v)", n, name, err)
			continue
		}
		sum := sha256.Sum256(f)
		if got := hex.EncodeToString(sum[:]); got != m[1] {
			c.fail("SHA256SUMS:%d: %s: checksum mismatch: listed %s…, the file's is %s…", n, name, m[1][:12], got[:12])
		}
	}
	for _, f := range rel.files {
		if f != "SHA256SUMS" && listed[f] == 0 {
			c.fail("%s: in the release but not listed in SHA256SUMS", f)
		}
	}
	c.summary = fmt.Sprintf("%d files listed, every one matches, every file is listed", len(listed))
	return c.result
}

// checkZip checks the release zip against the artifacts beside it.
func checkZip(rel *release) result {
	c := &checker{result: result{name: "zip"}}
	name := rel.zipName()
	zr, err := zip.OpenReader(rel.path(name))
	if err != nil {
		c.fail("%s: %v", name, err)
		return c.result
	}
	defer zr.Close()
	folder := strings.TrimSuffix(name, ".zip") + "/"
	want := map[string]bool{}
	for _, a := range rel.artifacts() {
		want[a] = true
	}
	seen := map[string]bool{}
	var stamp time.Time
	modified, merr := epubModified(rel.path(rel.slug + ".epub"))
	for i, f := range zr.File {
		where := fmt.Sprintf("%s: entry %d %q", name, i+1, f.Name)
		if strings.HasSuffix(f.Name, "/") || f.FileInfo().IsDir() {
			c.fail("%s: a directory entry (want files only)", where)
			continue
		}
		if !f.Mode().IsRegular() {
			c.fail("%s: not an ordinary file (mode %v)", where, f.Mode())
		}
		if f.Flags&0x1 != 0 {
			c.fail("%s: encrypted", where)
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			c.fail("%s: compression method %d (want store or deflate)", where, f.Method)
		}
		if stamp.IsZero() {
			stamp = f.Modified
		} else if !f.Modified.Equal(stamp) {
			c.fail("%s: timestamp %s differs from the first entry's %s", where, f.Modified.UTC().Format(time.RFC3339), stamp.UTC().Format(time.RFC3339))
		}
		clean := path.Clean(f.Name)
		if clean != f.Name || path.IsAbs(f.Name) || strings.Contains(f.Name, "..") || strings.Contains(f.Name, `\`) {
			c.fail("%s: not a clean relative path", where)
			continue
		}
		base, ok := strings.CutPrefix(f.Name, folder)
		if !ok || strings.Contains(base, "/") {
			c.fail("%s: not directly under the folder %s", where, folder)
			continue
		}
		if base == "mimetype" {
			c.fail("%s: a mimetype entry (the release zip is not an EPUB container)", where)
			continue
		}
		if seen[base] {
			c.fail("%s: duplicate entry", where)
			continue
		}
		seen[base] = true
		if !want[base] {
			c.fail("%s: not an artifact of the release (no such file beside the zip, or it is SHA256SUMS or the zip)", where)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			c.fail("%s: %v", where, err)
			continue
		}
		inZip, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			c.fail("%s: %v", where, err)
			continue
		}
		beside, err := os.ReadFile(rel.path(base))
		if err != nil {
			c.fail("%s: %v", where, err)
			continue
		}
		if !bytes.Equal(inZip, beside) {
			c.fail("%s: differs from %s beside the zip (%d bytes in the zip, %d beside)", where, base, len(inZip), len(beside))
		}
	}
	for _, a := range rel.artifacts() {
		if !seen[a] {
			c.fail("%s: %s is missing from the zip", name, a)
		}
	}
	switch {
	case stamp.IsZero():
		c.fail("%s: no entries", name)
	case merr != nil:
		c.fail("%s: cannot compare the timestamp with the EPUB's dcterms:modified: %v", name, merr)
	case !sameZipTime(stamp, modified):
		c.fail("%s: entries are stamped %s, but the edition's date (the EPUB's dcterms:modified) is %s", name,
			stamp.UTC().Format(time.RFC3339), modified.UTC().Format(time.RFC3339))
	}
	c.summary = fmt.Sprintf("%d entries under %s, identical to the files beside it, all stamped %s", len(zr.File), folder, stamp.UTC().Format(time.RFC3339))
	return c.result
}

// sameZipTime reports whether a zip entry's time is t, at the two-second
// resolution of the MS-DOS time a zip always carries.
func sameZipTime(entry, t time.Time) bool {
	d := entry.Sub(t)
	return d > -2*time.Second && d < 2*time.Second
}

// bufLines returns the lines of data, without their line ends.
func bufLines(data []byte) []string {
	var out []string
	s := bufio.NewScanner(bytes.NewReader(data))
	s.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for s.Scan() {
		out = append(out, s.Text())
	}
	return out
}
