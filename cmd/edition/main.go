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
	// collector's work (docs/benchmarks.md), and the limit keeps a long
	// book's memory bounded. The environment's GOGC and GOMEMLIMIT win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
	os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
}
