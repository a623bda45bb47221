package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestEditionsAloneEqualTheWholeBuild builds the EPUB alone (its cover drawn
// while the page breaks are made, and the breaks made without the page
// model) and the PDF alone, and requires the same bytes as the files of a
// build of every edition (one print layout shared, the cover drawn after
// it): how the work is arranged must not change the output.
func TestEditionsAloneEqualTheWholeBuild(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1500000000")
	all := t.TempDir()
	if code, _, stderr := run(t, "build", "--source", source, "--out", all); code != exitOK {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	for _, f := range []string{"epub", "pdf"} {
		alone := t.TempDir()
		if code, _, stderr := run(t, "build", "--source", source, "--out", alone, "--format", f); code != exitOK {
			t.Fatalf("build --format %s exited %d:\n%s", f, code, stderr)
		}
		name := "stalin-rolland-interview-1935." + f
		want, err := os.ReadFile(filepath.Join(all, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(alone, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("--format %s: %s (%d bytes) differs from the whole build's (%d bytes)", f, name, len(got), len(want))
		}
	}
}
