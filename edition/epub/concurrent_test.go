package epub

import (
	"bytes"
	"image/png"
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

// TestStandIn checks that the image go-epub is given in place of the cover
// is a valid PNG image.
func TestStandIn(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(standInPNG))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1 || b.Dy() != 1 {
		t.Errorf("stand-in is %v", b)
	}
}
