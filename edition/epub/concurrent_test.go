package epub

import (
	"bytes"
	"image/png"
	"strings"
	"sync"
	"testing"

	"edition/edition/cover"
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

// TestGivenCover checks that a cover drawn beforehand gives the same EPUB as
// one Render draws, and that the image given is the one packaged.
func TestGivenCover(t *testing.T) {
	book := fixture()
	image, err := cover.PNG(book)
	if err != nil {
		t.Fatal(err)
	}
	drawn := render(t, &Renderer{PageBreaks: fixtureBreaks()}, book)
	given := render(t, &Renderer{PageBreaks: fixtureBreaks(), Cover: image}, book)
	if !bytes.Equal(drawn, given) {
		t.Error("the EPUB with the cover given differs from the one with the cover drawn")
	}
	other := append([]byte(nil), image...)
	other[len(other)-5] ^= 0xff // a different image, as far as packaging goes
	found := false
	for name, data := range unzip(t, render(t, &Renderer{Cover: other}, book)).files {
		if strings.HasSuffix(name, "/"+coverName) {
			found = true
			if !bytes.Equal(data, other) {
				t.Error("the packaged cover is not the image given")
			}
		}
	}
	if !found {
		t.Errorf("no %s in the EPUB", coverName)
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
