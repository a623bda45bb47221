package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEach: every i is done exactly once, whatever the number of cores,
// each goroutine's function is made once, and no more goroutines work
// than there are cores or pieces of work.
func TestEach(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 3, 1000} {
			done := make([]atomic.Int32, n)
			var workers atomic.Int32
			Each(n, func() func(int) {
				workers.Add(1)
				return func(i int) { done[i].Add(1) }
			})
			for i := range done {
				if c := done[i].Load(); c != 1 {
					t.Errorf("GOMAXPROCS %d, n %d: i %d done %d times", procs, n, i, c)
				}
			}
			if w, want := int(workers.Load()), min(procs, n); w != want {
				t.Errorf("GOMAXPROCS %d, n %d: %d workers, want %d", procs, n, w, want)
			}
		}
		runtime.GOMAXPROCS(old)
	}
}
