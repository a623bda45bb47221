package startup

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// TestWants: build's arguments ask for the print layout unless --format
// (in any of the flag package's spellings) lists neither the PDF nor the
// EPUB, and for the PDF unless it lists other editions only.
func TestWants(t *testing.T) {
	for args, want := range map[string][2]bool{
		"":                                    {true, true},
		"--source book --out x":               {true, true},
		"--format pdf":                        {true, true},
		"-format=epub":                        {true, false},
		"--format=text,epub":                  {true, false},
		"--format text":                       {false, false},
		"-format text,citation":               {false, false},
		"--format= text , citation":           {false, false},
		"--source pdf --format text":          {false, false},
		"--trim a5 --format text,pdf --out x": {true, true},
	} {
		if got := wants(strings.Fields(args), NeedsPrintLayout); got != want[0] {
			t.Errorf("wants(%q, NeedsPrintLayout) = %v, want %v", args, got, want[0])
		}
		if got := wants(strings.Fields(args), IsPDF); got != want[1] {
			t.Errorf("wants(%q, IsPDF) = %v, want %v", args, got, want[1])
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
