package startup

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// TestWantsPrintLayout: build's arguments ask for the print layout unless
// --format (in any of the flag package's spellings) lists neither the PDF
// nor the EPUB.
func TestWantsPrintLayout(t *testing.T) {
	for args, want := range map[string]bool{
		"":                                    true,
		"--source book --out x":               true,
		"--format pdf":                        true,
		"-format=epub":                        true,
		"--format=text,epub":                  true,
		"--format text":                       false,
		"-format text,citation":               false,
		"--format= text , citation":           false,
		"--source pdf --format text":          false,
		"--trim a5 --format text,pdf --out x": true,
	} {
		if got := wantsPrintLayout(strings.Fields(args)); got != want {
			t.Errorf("wantsPrintLayout(%q) = %v, want %v", args, got, want)
		}
	}
}

// TestTestsLeftAlone: a test binary's arguments name no command, so init
// left the garbage collector as it was.
func TestTestsLeftAlone(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set in the environment")
	}
	p := debug.SetGCPercent(100)
	defer debug.SetGCPercent(p)
	if p < 0 {
		t.Errorf("collection is off in a test binary (GC percent %d)", p)
	}
}
