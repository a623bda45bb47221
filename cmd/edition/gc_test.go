package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestRetuneGC checks the policy set after the first collection: the heap
// goal of gcPercent, and a memory limit no lower than gcSoftLimit and than
// gcLimitFactor times the live heap; and that it is set again after the
// next collection.
func TestRetuneGC(t *testing.T) {
	oldPercent := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	// Something live on the heap, so that the limit has a live heap to
	// follow.
	live := make([]*[1 << 20]byte, 32)
	for i := range live {
		live[i] = new([1 << 20]byte)
	}
	retuneGC(true)
	if p := debug.SetGCPercent(gcPercent); p != gcPercent {
		t.Errorf("GC percent after the first collection = %d, want %d", p, gcPercent)
	}
	if l := debug.SetMemoryLimit(-1); l < gcSoftLimit {
		t.Errorf("memory limit = %d, want at least %d", l, gcSoftLimit)
	}
	// The next collection sets the limit again: set a marker, collect,
	// and wait for the cleanup to replace it.
	debug.SetMemoryLimit(1 << 40)
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) == 1<<40 {
		if time.Now().After(deadline) {
			t.Fatal("the memory limit was not set again after a collection")
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if l := debug.SetMemoryLimit(-1); l < gcSoftLimit {
		t.Errorf("memory limit after the next collection = %d, want at least %d", l, gcSoftLimit)
	}
	runtime.KeepAlive(live)
}
