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
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

func main() {
	tuneGC()
	code := Run(os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(code)
}

// The garbage collector's policy for a process that allocates fast and
// exits (docs/benchmarks.md, issue 13, has the figures):
//
//   - No collection at all until the heap reaches gcFirstHeap. A build of
//     a book of ordinary length allocates less than that in all, so it
//     never collects: marking and the write barriers were 8–20% of its
//     instructions at GOGC=400, for memory that exiting frees anyway.
//   - From the first collection on, a heap goal of gcPercent (few
//     collections, as before), capped by a soft memory limit of
//     gcSoftLimit so that the long books stay under 1 GiB, but never below
//     gcLimitFactor times the live heap: a soft limit under the live heap
//     does not cap memory, it makes the collector run without pause (3.6
//     times the CPU time on a 20 MB interview, when a fixed limit was
//     tried). After each collection the limit is set again from the live
//     heap it measured.
//
// GOGC in the environment turns all of this off; GOMEMLIMIT replaces the
// limits (the heap goal stays gcPercent, as before this policy).
const (
	gcFirstHeap   = 128 << 20
	gcPercent     = 400
	gcSoftLimit   = 640 << 20
	gcLimitFactor = 1.5
)

func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		debug.SetGCPercent(gcPercent)
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcFirstHeap)
	afterNextGC(true)
}

// gcSentinel is an object nothing refers to: its cleanup runs after the
// first collection that finds it (it has a pointer, so it is not packed
// with other small objects by the tiny allocator).
type gcSentinel struct{ _ *byte }

// afterNextGC arranges for the policy to be set again after the next
// collection.
func afterNextGC(first bool) {
	runtime.AddCleanup(new(gcSentinel), retuneGC, first)
}

// retuneGC sets the heap goal and memory limit after a collection.
func retuneGC(first bool) {
	if first {
		debug.SetGCPercent(gcPercent)
	}
	// The heap in use just after a collection: the live heap and what was
	// allocated since. (ReadMemStats stops the world for a few
	// microseconds, once per collection; runtime/metrics would cost every
	// process its package initialisation, 15 KB in 95 allocations.)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	limit := max(float64(gcSoftLimit), gcLimitFactor*float64(ms.HeapAlloc))
	debug.SetMemoryLimit(int64(min(limit, math.MaxInt64)))
	afterNextGC(false)
}

// stopProfile ends the CPU profile a build with the tag "profile" may have
// started (profile.go); otherwise it does nothing.
var stopProfile = func() {}
