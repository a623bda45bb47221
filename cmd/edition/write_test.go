package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"edition/edition/load"
)

// TestHostileVersionAndSlugWriteNothingOutsideOut builds, from Go, books
// whose version or slug climbs out of --out (the loader refuses them too,
// but the writer must not rely on it): the release and the build fail, and
// nothing is written anywhere.
func TestHostileVersionAndSlugWriteNothingOutsideOut(t *testing.T) {
	for _, tc := range []struct{ field, value string }{
		{"version", "1.0/../../../victim/pwn2"},
		{"slug", "../../../victim/pwn2"},
		{"slug", "/tmp/victim"},
	} {
		book, err := load.Dir(source)
		if err != nil {
			t.Fatal(err)
		}
		if tc.field == "version" {
			book.Meta.Version = tc.value
		} else {
			book.Meta.Slug = tc.value
		}
		root := t.TempDir()
		out := filepath.Join(root, "a", "b", "out")
		var stderr bytes.Buffer
		if writeRelease(&job{book: book, dir: out}, &stderr) {
			t.Errorf("%s %q: the release succeeded", tc.field, tc.value)
		}
		if !strings.Contains(stderr.String(), "edition release: ") {
			t.Errorf("%s %q: stderr does not say why:\n%s", tc.field, tc.value, stderr.String())
		}
		if tc.field == "slug" {
			// The slug names every edition: the build must fail as well.
			files, err := buildFiles(&job{book: book, dir: out}, formats)
			if err != nil {
				t.Fatal(err)
			}
			if write(out, files, "edition build", &stderr) {
				t.Errorf("%s %q: the build's write succeeded", tc.field, tc.value)
			}
		}
		// Nothing at all under root: no victim folder, not even --out.
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if p != root {
				t.Errorf("%s %q: %s was written", tc.field, tc.value, p)
			}
			return nil
		})
		if _, err := os.Stat("/tmp/victim"); err == nil && tc.value == "/tmp/victim" {
			t.Errorf("slug %q wrote /tmp/victim", tc.value)
		}
	}
}

// TestBuildRemovesStaleTemporaries leaves in --out what a build killed while
// writing leaves (the temporaries of a process that is gone), and a file
// that only looks like one: the next build removes the first, not the second.
func TestBuildRemovesStaleTemporaries(t *testing.T) {
	out := t.TempDir()
	// Process id 0 is never a build; a pid above the kernel's maximum
	// (2^22) cannot run either.
	dead := strconv.Itoa(1<<22 + 1)
	stale := filepath.Join(out, ".stalin-rolland-interview-1935.pdf.tmp-"+dead+"-2718281828")
	other := filepath.Join(out, ".notes.txt.tmp-"+dead)
	for _, p := range []string{stale, other} {
		if err := os.WriteFile(p, bytes.Repeat([]byte("%PDF-truncated"), 100), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := run(t, "build", "--source", source, "--out", out, "--format", "text")
	if code != exitOK {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("the stale temporary %s is still there", stale)
	}
	if !strings.Contains(stderr, "removed "+stale) {
		t.Errorf("stderr does not say the stale temporary was removed:\n%s", stderr)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("the build removed %s, which is not its temporary: %v", other, err)
	}
}

// TestDirectoryInTheWayChangesNothing puts a directory where the PDF goes:
// the build exits 1 and the text and EPUB of an earlier build stay as they
// were.
func TestDirectoryInTheWayChangesNothing(t *testing.T) {
	out := t.TempDir()
	slug := "stalin-rolland-interview-1935"
	for _, ext := range []string{"txt", "epub"} {
		if err := os.WriteFile(filepath.Join(out, slug+"."+ext), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(out, slug+".pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "build", "--source", source, "--out", out)
	if code != exitSource {
		t.Fatalf("build exited %d, want %d:\n%s", code, exitSource, stderr)
	}
	if !strings.Contains(stderr, slug+".pdf: a directory") {
		t.Errorf("stderr does not name the directory in the way:\n%s", stderr)
	}
	for _, ext := range []string{"txt", "epub"} {
		if got, _ := os.ReadFile(filepath.Join(out, slug+"."+ext)); string(got) != "old" {
			t.Errorf("the failed build changed %s.%s", slug, ext)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 3 {
		t.Errorf("the failed build left %d entries in --out, want the 3 that were there", len(entries))
	}
}
