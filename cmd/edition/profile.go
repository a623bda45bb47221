//go:build profile

package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// With the build tag "profile", EDITION_CPUPROFILE=FILE writes a CPU
// profile of the whole command (everything after package initialisation)
// to FILE, sampled at 1 kHz so that a process of a few tens of
// milliseconds leaves some samples; profiles of many runs are merged with
// `go tool pprof -proto`. docs/benchmarks.md (issue 13) shows how.
//
// EDITION_TRACE=FILE writes an execution trace of the whole command instead
// (`go tool trace FILE`): which goroutine ran on which core when, the
// critical path of a build's wall time. EDITION_MEMPROFILE=FILE writes
// the profile of every allocation of the command (sampling each one) when
// it ends: what touches fresh memory.
func init() {
	if name := os.Getenv("EDITION_TRACE"); name != "" {
		startTrace(name)
		return
	}
	if name := os.Getenv("EDITION_MEMPROFILE"); name != "" {
		runtime.MemProfileRate = 1
		stopProfile = func() {
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintf(os.Stderr, "edition: %v\n", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(os.Stderr, "edition: %v\n", err)
			}
		}
		return
	}
	if name := os.Getenv("EDITION_CPUPROFILE"); name != "" {
		// StartCPUProfile then prints that it "cannot set cpu profile
		// rate": the 1 kHz set here is the rate it keeps.
		runtime.SetCPUProfileRate(1000)
		record(name, pprof.StartCPUProfile, pprof.StopCPUProfile)
	}
}

// startTrace starts the execution trace into the file name.
func startTrace(name string) {
	record(name, trace.Start, trace.Stop)
}

// record creates the file name, starts writing a profile or trace into it
// with start, and makes stopProfile stop it with stop and close the file.
// A file that cannot be written ends the command with a usage error.
func record(name string, start func(io.Writer) error, stop func()) {
	f, err := os.Create(name)
	if err != nil {
		fmt.Fprintf(os.Stderr, "edition: %v\n", err)
		os.Exit(exitUsage)
	}
	if err := start(f); err != nil {
		fmt.Fprintf(os.Stderr, "edition: %v\n", err)
		os.Exit(exitUsage)
	}
	stopProfile = func() {
		stop()
		f.Close()
	}
}
