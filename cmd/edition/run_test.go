package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"edition/edition/load"
)

const source = "../../source"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"build", "--no-such-flag"},
		{"build", "--format", "txt,mobi", "--source", source},
		{"check", "extra-argument"},
		{"build", "--trim", "letter", "--source", source},
		{"release", "--trim", "a4", "--source", source},
	} {
		if code, _, stderr := run(t, args...); code != exitUsage {
			t.Errorf("edition %v exited %d, want %d\n%s", args, code, exitUsage, stderr)
		}
	}
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	code, _, stderr := run(t, "build", "--help")
	if code != exitOK {
		t.Fatalf("build --help exited %d", code)
	}
	for _, flag := range []string{"-source", "-out", "-format"} {
		if !strings.Contains(stderr, flag) {
			t.Errorf("build --help does not mention %s:\n%s", flag, stderr)
		}
	}
	code, _, stderr = run(t, "check", "--help")
	if code != exitOK || !strings.Contains(stderr, "-source") {
		t.Errorf("check --help exited %d:\n%s", code, stderr)
	}
}

func TestCheckPassesOnTheBook(t *testing.T) {
	code, _, stderr := run(t, "check", "--source", source)
	if code != exitOK {
		t.Fatalf("check exited %d:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "8 notes") {
		t.Errorf("check summary does not count 8 notes: %s", stderr)
	}
}

// badSource copies the book's source into a temporary folder and breaks it
// in two places at once.
func badSource(t *testing.T) string {
	t.Helper()
	return copySource(t, map[string]func(string) string{
		"interview.md": func(s string) string {
			return s + "\nLenin: An unknown speaker.\n\nA mark for no note.[^nowhere]\n"
		},
	})
}

func TestBadSourceReportsEveryProblemAndWritesNothing(t *testing.T) {
	src := badSource(t)
	out := t.TempDir()
	previous := filepath.Join(out, "stalin-rolland-interview-1935.txt")
	if err := os.WriteFile(previous, []byte("previous build"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "build", "--source", src, "--out", out)
	if code != exitSource {
		t.Fatalf("build of a bad source exited %d, want %d", code, exitSource)
	}
	located := regexp.MustCompile(`(?m)^\S+/interview\.md:\d+:\d+: `)
	if n := len(located.FindAllString(stderr, -1)); n < 2 {
		t.Errorf("want both problems reported as file:line:col, got %d:\n%s", n, stderr)
	}
	for _, want := range []string{"Lenin", "nowhere"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %q:\n%s", want, stderr)
		}
	}
	got, _ := os.ReadFile(previous)
	if string(got) != "previous build" {
		t.Error("a failed build changed an existing output")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("a failed build left %d files in the output folder, want the 1 that was there", len(entries))
	}
	if code, _, _ := run(t, "check", "--source", src); code != exitSource {
		t.Errorf("check of a bad source exited %d, want %d", code, exitSource)
	}
}

func TestBuildWritesTheTextEditionReproducibly(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1500000000")
	out := t.TempDir()
	code, _, stderr := run(t, "build", "--source", source, "--out", out, "--format", "text")
	if code != exitOK {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	path := filepath.Join(out, "stalin-rolland-interview-1935.txt")
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "wrote "+path) {
		t.Errorf("stderr does not report the file written:\n%s", stderr)
	}
	if code, _, _ := run(t, "build", "--source", source, "--out", out, "--format", "text"); code != exitOK {
		t.Fatal("second build failed")
	}
	second, _ := os.ReadFile(path)
	if !bytes.Equal(first, second) {
		t.Error("two builds of the same source differ")
	}
}

func TestBadSourceDateEpoch(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"yesterday", `SOURCE_DATE_EPOCH="yesterday" is not a count of seconds`},
		{"-1", `SOURCE_DATE_EPOCH="-1" is not a count of seconds`},
		// 1979-12-31T23:59:59Z: zip entries cannot be dated before 1980.
		{"315532799", "SOURCE_DATE_EPOCH=315532799: 1979-12-31T23:59:59Z is outside the dates every format can carry (1980-01-01T00:00:00Z to 9999-12-31T23:59:59Z)"},
		// 10000-01-01T00:00:00Z: a five-digit year.
		{"253402300800", "SOURCE_DATE_EPOCH=253402300800: "},
		{"9223372036854775807", "SOURCE_DATE_EPOCH=9223372036854775807: "},
	} {
		t.Run(tc.value, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tc.value)
			out := t.TempDir()
			code, _, stderr := run(t, "build", "--source", source, "--out", out)
			if code != exitUsage {
				t.Errorf("build with SOURCE_DATE_EPOCH=%s exited %d:\n%s", tc.value, code, stderr)
			}
			if !strings.Contains(stderr, "edition: "+tc.want) {
				t.Errorf("stderr does not say %q:\n%s", tc.want, stderr)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("the failed build wrote %d file(s)", len(entries))
			}
		})
	}
	// The two ends of the range are accepted.
	for _, v := range []string{"315532800", "253402300799"} {
		t.Setenv("SOURCE_DATE_EPOCH", v)
		if _, _, err := sourceDateEpoch(); err != nil {
			t.Errorf("SOURCE_DATE_EPOCH=%s: %v", v, err)
		}
	}
}

func TestReleaseIsCompleteAndReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1500000000")
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code, _, stderr := run(t, "release", "--source", source, "--out", dir); code != exitOK {
			t.Fatalf("release exited %d:\n%s", code, stderr)
		}
	}
	slug := "stalin-rolland-interview-1935"
	want := []string{
		"CITATION.cff", "SHA256SUMS", slug + "-1.0.0.zip", slug + ".bib", slug + ".epub",
		slug + ".json", slug + ".kepub.epub", slug + ".pdf", slug + ".ris", slug + ".txt",
	}
	entries, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("release holds\n%v\nwant\n%v", got, want)
	}
	sums, _ := os.ReadFile(filepath.Join(a, "SHA256SUMS"))
	for _, name := range want {
		if name != "SHA256SUMS" && !strings.Contains(string(sums), "  "+name+"\n") {
			t.Errorf("SHA256SUMS does not cover %s", name)
		}
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two releases of the same source", name)
		}
	}
}

func TestLongBuildsReportEachEdition(t *testing.T) {
	book, err := load.Dir(source)
	if err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	// A build that started long ago reports every edition as it finishes.
	j := &job{book: book, dir: t.TempDir(), progress: &progress, start: time.Now().Add(-time.Hour)}
	if _, err := buildFiles(j, formats); err != nil {
		t.Fatal(err)
	}
	for _, f := range formats {
		if !strings.Contains(progress.String(), "  "+f.name+": ") {
			t.Errorf("no progress line for %s:\n%s", f.name, progress.String())
		}
	}
	if !regexp.MustCompile(`pdf: .* \(\d+ pages, \d+ pages/s\)`).MatchString(progress.String()) {
		t.Errorf("the PDF's progress line gives no pages per second:\n%s", progress.String())
	}
	// A short build says nothing.
	progress.Reset()
	j = &job{book: book, dir: t.TempDir(), progress: &progress, start: time.Now().Add(time.Hour)}
	if _, err := buildFiles(j, formats); err != nil {
		t.Fatal(err)
	}
	if progress.Len() != 0 {
		t.Errorf("a short build reported progress:\n%s", progress.String())
	}
}
