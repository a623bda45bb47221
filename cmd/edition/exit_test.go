package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// copySource copies the book's source into a temporary folder, changing
// each file named in edit by the function given for it.
func copySource(t *testing.T, edit map[string]func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(source)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(source, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if f := edit[e.Name()]; f != nil {
			data = []byte(f(string(data)))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestExitStatusEveryCommand: 0 ok, 1 bad source, 2 bad usage — the same
// for every command.
func TestExitStatusEveryCommand(t *testing.T) {
	bad := copySource(t, map[string]func(string) string{
		"interview.md": func(s string) string { return s + "\nLenin: An unknown speaker.\n" },
	})
	out := t.TempDir()
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "--source", source}, exitOK},
		{[]string{"check", "--source", bad}, exitSource},
		{[]string{"check", "--no-such-flag"}, exitUsage},
		{[]string{"check", "--trim", "a5"}, exitUsage}, // check has no --trim
		{[]string{"build", "--source", bad, "--out", out}, exitSource},
		{[]string{"build", "--source", source, "--out", out, "--trim", "letter"}, exitUsage},
		{[]string{"build", "--source", source, "--out", out, "--format", "mobi"}, exitUsage},
		{[]string{"build", "--no-such-flag"}, exitUsage},
		{[]string{"release", "--source", bad, "--out", out}, exitSource},
		{[]string{"release", "--source", source, "--out", out, "--trim", "letter"}, exitUsage},
		{[]string{"release", "--no-such-flag"}, exitUsage},
		{[]string{"new"}, exitUsage},
		{[]string{"new", "--help"}, exitOK},
		{[]string{"check", "--help"}, exitOK},
		{[]string{"new", "--no-such-flag", filepath.Join(out, "x")}, exitUsage},
		{[]string{"new", filepath.Join(out, "a"), filepath.Join(out, "b")}, exitUsage},
	} {
		code, _, stderr := run(t, tc.args...)
		if code != tc.want {
			t.Errorf("edition %s exited %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.want, stderr)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("failed commands left %d entries in the output folder", len(entries))
	}
}

// TestCheckFindsWhatThePrintFontLacks: a character the print font cannot
// set is reported by check, at its own line and column and named as the
// print font's, before any layout; build reports the same and writes
// nothing.
func TestCheckFindsWhatThePrintFontLacks(t *testing.T) {
	var line9 string
	src := copySource(t, map[string]func(string) string{
		"interview.md": func(s string) string {
			lines := strings.Split(s, "\n")
			lines[8] += " A cat 🐈 and *中*."
			line9 = lines[8]
			return strings.Join(lines, "\n")
		},
		// A comment is not printed: no error for it.
		"metadata.yaml": func(s string) string {
			return strings.Replace(s, "# Names the output files", "# A comment may hold 🐈.\n# Names the output files", 1)
		},
	})
	cat := strings.Index(line9, "🐈")
	col := len([]rune(line9[:cat])) + 1
	han := len([]rune(line9[:strings.Index(line9, "中")])) + 1
	want := []string{
		filepath.Join(src, "interview.md") + ":9:" + strconv.Itoa(col) + ": character '🐈' (U+1F408) is not in the print font (Charis SIL, roman)",
		filepath.Join(src, "interview.md") + ":9:" + strconv.Itoa(han) + ": character '中' (U+4E2D) is not in the print font (Charis SIL, italic)",
	}
	for _, cmd := range [][]string{{"check", "--source", src}, {"build", "--source", src, "--out", t.TempDir()}} {
		code, _, stderr := run(t, cmd...)
		if code != exitSource {
			t.Errorf("%s exited %d, want %d", cmd[0], code, exitSource)
		}
		for _, w := range want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr lacks\n%s\ngot\n%s", cmd[0], w, stderr)
			}
		}
		if strings.Contains(stderr, "metadata.yaml") || strings.Contains(stderr, "epub:") || strings.Count(stderr, "print font") != 2 {
			t.Errorf("%s: want exactly the two characters of the text reported:\n%s", cmd[0], stderr)
		}
	}
}
