// Package startup starts, while the Go runtime is still initialising the
// packages after it, the preparation a build needs whatever the book: the
// print faces' metrics (package layout: Charis SIL's roman and italic
// read and set up for shaping), then the PDF writer's reading of the same
// faces (package pdf, Prepare), and the hyphenation patterns (package
// hyphen). The command imports it for that alone.
//
// Go initialises packages one after another on one core before main runs
// (goldmark, x/net/html and the others take about 3 ms here), so the other
// core is idle; this package is initialised early among them (its import
// path sorts before theirs and it needs few of them) and its init hands
// the preparation to that core. main's own start-up (prepare in
// cmd/edition) asks for the same things again: each is made once (a
// sync.Once), by whoever asks first, and waited for by whoever needs it.
//
// The preparation starts only for the commands that use it, read from
// os.Args: check reads the metrics (which characters the faces have),
// build and release the metrics and, when an edition with a print layout
// is built (the PDF, or the EPUB's page list), the patterns, and when the
// PDF is, the PDF writer's faces. Reading the
// arguments wrongly could only make the preparation start late or for
// nothing, never change what is built. A test binary's arguments name no
// command, so tests are left as they were.
//
// Until main sets its garbage-collection policy (tuneGC), collection is
// off for these commands: the preparation allocates a few megabytes while
// the runtime's default policy (a collection every 4 MB at first) would
// still be in force, and main turns collection off anyway for a build of
// ordinary length. GOGC in the environment is left to rule.
package startup

import (
	"os"
	"runtime/debug"
	"strings"

	"edition/edition/hyphen"
	"edition/edition/layout"
	"edition/edition/pdf"
)

func init() {
	if len(os.Args) < 2 {
		return
	}
	cmd, args := os.Args[1], os.Args[2:]
	if cmd != "build" && cmd != "release" && cmd != "check" {
		return
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
	}
	all := cmd == "release"
	build := cmd == "build"
	Prepare(all || build && wants(args, NeedsPrintLayout), all || build && wants(args, IsPDF))
}

// Prepare starts, on another goroutine, the preparation the editions to
// be built need: the print faces' metrics, then, with printLayout, the
// hyphenation patterns, then, with pdfFaces, the PDF writer's faces. They
// are made one after the other, in the order they are needed (the
// paragraphs need the faces and the patterns as soon as the book is
// loaded, the PDF writer its faces once the book is set), on one core,
// while the other initialises the program and loads the book. Each is
// made once for the process: a second Prepare waits for what the first
// started, and adds only what it did not.
func Prepare(printLayout, pdfFaces bool) {
	go func() {
		layout.FaceMetrics(layout.Roman) // the roman and the italic
		if printLayout {
			hyphen.English()
		}
		if pdfFaces {
			pdf.Prepare()
		}
	}()
}

// NeedsPrintLayout reports whether the edition named format is made from
// the print layout: the PDF, and the EPUB for its list of print pages.
func NeedsPrintLayout(format string) bool { return format == "epub" || format == "pdf" }

// IsPDF reports whether the edition named format is the PDF.
func IsPDF(format string) bool { return format == "pdf" }

// wants reports whether build's arguments ask for an edition that
// edition reports true of, or for every edition (no --format).
func wants(args []string, edition func(format string) bool) bool {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "format" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		for _, f := range strings.Split(value, ",") {
			if edition(strings.TrimSpace(f)) {
				return true
			}
		}
		return false
	}
	return true
}
