// Command edition builds every edition of a book from one source folder: a
// plain-text edition, an EPUB 3 and a print-ready PDF, with the citation files
// that go with them.
//
// Usage:
//
//	edition build [--source DIR] [--out DIR] [--format LIST] [--trim SIZE]
//	edition check [--source DIR]
//	edition release [--source DIR] [--out DIR] [--trim SIZE]
//
// Exit status is 0 on success, 1 when the source is bad or a build fails,
// and 2 on bad usage.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// A build allocates fast and exits: a higher heap goal cuts the
	// collector's work by 10–20% at every book length measured. No memory
	// limit is set: a soft limit below a long book's live heap does not cap
	// its memory, it only makes the collector run without pause (3.6 times
	// the CPU time on a 20 MB interview). docs/benchmarks.md has the
	// figures. The environment's GOGC and GOMEMLIMIT win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	code := Run(os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(code)
}

// stopProfile ends the CPU profile a build with the tag "profile" may have
// started (profile.go); otherwise it does nothing.
var stopProfile = func() {}
