package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNewScaffold: `edition new` writes a book whose check lists exactly the
// placeholders to fill in, with their positions; once they are filled (by
// string replacement here), build makes every edition from it.
func TestNewScaffold(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "My Second Book")
	if code, _, stderr := run(t, "new", dir); code != exitOK {
		t.Fatalf("new exited %d:\n%s", code, stderr)
	}
	meta, err := os.ReadFile(filepath.Join(dir, "metadata.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"slug: my-second-book\n", "version: 1.0.0\n"} {
		if !strings.Contains(string(meta), want) {
			t.Errorf("metadata.yaml lacks %q", want)
		}
	}
	if !regexp.MustCompile(`(?m)^identifier: urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).Match(meta) {
		t.Errorf("no random UUID identifier in\n%s", meta)
	}
	// Every optional field is there, commented.
	for _, key := range []string{"original_language", "subtitle", "short_title", "place", "translated", "sources", "publisher", "published", "isbn", "edition", "series", "subjects"} {
		if !regexp.MustCompile(`(?m)^\s*# ` + key + `:`).Match(meta) {
			t.Errorf("metadata.yaml has no commented %s field", key)
		}
	}
	// A second scaffold has another identifier.
	other := filepath.Join(t.TempDir(), "b")
	run(t, "new", other)
	meta2, _ := os.ReadFile(filepath.Join(other, "metadata.yaml"))
	id := regexp.MustCompile(`(?m)^identifier: .*$`)
	if id.Find(meta) == nil || string(id.Find(meta)) == string(id.Find(meta2)) {
		t.Error("two scaffolds share an identifier")
	}

	code, _, stderr := run(t, "check", "--source", dir)
	if code != exitSource {
		t.Fatalf("check of the scaffold exited %d, want %d", code, exitSource)
	}
	mf := filepath.Join(dir, "metadata.yaml")
	want := []string{
		mf + ":18:8: placeholder not replaced: title (TODO: the title proper)",
		mf + ":31:11: placeholder not replaced: people[0].name (TODO: the interviewee's name)",
		mf + ":38:11: placeholder not replaced: people[1].name (TODO: the interviewer's name)",
		mf + ":46:9: placeholder not replaced: interview.date (TODO: YYYY-MM-DD, the day of the interview)",
		mf + ":81:9: placeholder not replaced: rights (TODO: the rights statement, e.g. © 2025 Name. All rights reserved.)",
		mf + ":82:14: placeholder not replaced: description (TODO: a short account of the book for catalogues)",
		"edition: 6 problem(s) in " + dir,
	}
	if got := strings.TrimSpace(stderr); got != strings.Join(want, "\n") {
		t.Errorf("check of the scaffold said\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}

	// Fill in the placeholders.
	fill := strings.NewReplacer(
		`"TODO: the title proper"`, "A Trial Conversation",
		`"TODO: the interviewee's name"`, "Ann Example",
		`"TODO: the interviewer's name"`, "Bob Sample",
		`"TODO: YYYY-MM-DD, the day of the interview"`, "2025-03-04",
		`"TODO: the rights statement, e.g. © 2025 Name. All rights reserved."`, `"© 2025 Ann Example. All rights reserved."`,
		`"TODO: a short account of the book for catalogues"`, "A trial of the scaffold.",
	)
	if err := os.WriteFile(mf, []byte(fill.Replace(string(meta))), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "check", "--source", dir); code != exitOK {
		t.Fatalf("check of the filled scaffold exited %d:\n%s", code, stderr)
	}
	out := t.TempDir()
	if code, _, stderr := run(t, "build", "--source", dir, "--out", out); code != exitOK {
		t.Fatalf("build of the filled scaffold exited %d:\n%s", code, stderr)
	}
	for _, name := range []string{"my-second-book.txt", "my-second-book.epub", "my-second-book.pdf", "my-second-book.json", "my-second-book.bib", "my-second-book.ris", "CITATION.cff"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The citation has the interview's year, the only date given.
	csl, _ := os.ReadFile(filepath.Join(out, "my-second-book.json"))
	if !strings.Contains(string(csl), `"issued": {`) || !strings.Contains(string(csl), "2025") {
		t.Errorf("CSL-JSON without the year:\n%s", csl)
	}

	// new refuses a folder that is not empty.
	if code, _, _ := run(t, "new", dir); code != exitSource {
		t.Errorf("new into a non-empty folder exited %d, want %d", code, exitSource)
	}
}
