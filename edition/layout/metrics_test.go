package layout

import (
	"sync"
	"testing"
)

// TestMetricsTable checks the table of advances, filled a block at a time on
// first use, against the font read directly, with goroutines asking for the
// same blocks at once (run with -race to see the filling is safe).
func TestMetricsTable(t *testing.T) {
	m, err := parseMetrics(Italic.File())
	if err != nil {
		t.Fatal(err)
	}
	const n = 4
	bad := make([]int, n)
	var wg sync.WaitGroup
	for g := range n {
		wg.Go(func() {
			for r := rune(0); r < 0x3100; r++ {
				want := 0
				if m.Face.Covers(r) {
					want = m.RuneWidth(r)
				}
				if m.Width(r) != want || m.Covers(r) != m.Face.Covers(r) {
					bad[g]++
				}
			}
		})
	}
	wg.Wait()
	for g, b := range bad {
		if b > 0 {
			t.Errorf("goroutine %d: %d characters whose width or coverage differ from the font's", g, b)
		}
	}
	if !m.Covers('a') || m.Width('a') == 0 || m.Covers(0x2FFF) && m.Width(0x2FFF) == 0 {
		t.Errorf("Width('a') = %d, Covers('a') = %v", m.Width('a'), m.Covers('a'))
	}
}

// TestFaceMetrics: every face of the family can be had, the bold ones
// parsed on demand, and measures its letters.
func TestFaceMetrics(t *testing.T) {
	for f := Roman; f <= BoldItalic; f++ {
		m, err := FaceMetrics(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if m == nil || m.Width('a') <= 0 || !m.Covers('ß') {
			t.Errorf("%s: no usable metrics", f)
		}
	}
}
