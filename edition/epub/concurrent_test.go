package epub

import (
	"bytes"
	"sync"
	"testing"
)

// TestConcurrentRender renders the same book from several goroutines at
// once: go-epub's in-memory file system is shared, so the renderer must
// serialise its use (run with -race to see a missing lock), and every
// result must be the same bytes.
func TestConcurrentRender(t *testing.T) {
	book := fixture()
	var want bytes.Buffer
	if err := (&Renderer{}).Render(&want, book); err != nil {
		t.Fatal(err)
	}
	const n = 6
	got := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			var buf bytes.Buffer
			errs[i] = (&Renderer{}).Render(&buf, book)
			got[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("render %d: %v", i, errs[i])
		} else if !bytes.Equal(got[i], want.Bytes()) {
			t.Errorf("render %d differs from a render alone", i)
		}
	}
}
