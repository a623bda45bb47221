// Package parallel runs independent pieces of work on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls a function for every i from 0 to n-1, on as many goroutines
// as there are cores, the calling one among them, each taking the next i
// not yet taken, and returns when all are done. worker makes each
// goroutine's function once, so that it may keep scratch space from one i
// to the next. With one core, or one i, everything runs on the calling
// goroutine.
func Each(n int, worker func() func(i int)) {
	if n <= 0 {
		return
	}
	var next atomic.Int64
	work := func() {
		do := worker()
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			do(i)
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}
