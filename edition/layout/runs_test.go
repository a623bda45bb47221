package layout

import (
	"fmt"
	"slices"
	"testing"

	"edition/internal/realbook"
)

// runKey is what Pages.Runs tells of a run, as text to compare.
func runKey(r *Run, artifact bool) string {
	return fmt.Sprintf("%d %.2f %q %v space=%v hyphen=%v artifact=%v", r.Face, r.Size, r.Text, r.Glyphs, r.Space, r.Hyphen, artifact)
}

// TestRunsAreTheModels checks that Pages.Runs, called while Document
// builds the model on another goroutine (as the PDF writer's Plan does),
// gives the runs of the page model — each run the model's items hold, as
// often, furniture as artifacts — for the real book at two trims, the
// collection, the loader's fixture book and a long generated book.
func TestRunsAreTheModels(t *testing.T) {
	cases := append(realbook.Cases(t, "a5"), realbook.Case{Name: "parallel", Trim: "6x9in", Book: parallelBook()})
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			p, err := MakeUp(c.Book, c.Trim)
			if err != nil {
				t.Fatal(err)
			}
			runs := make(chan []string)
			go func() {
				var keys []string
				p.Runs(func(r *Run, artifact bool) { keys = append(keys, runKey(r, artifact)) })
				runs <- keys
			}()
			d := p.Document()
			var want []string
			for _, pg := range d.Pages {
				for _, it := range pg.Items {
					if it.Kind == RunItem {
						r := it.Run
						r.HScale, r.Track, r.X, r.Y, r.W = 0, 0, 0, 0, 0
						want = append(want, runKey(&r, it.Element == Artifact))
					}
				}
			}
			got := <-runs
			if len(want) < 50 {
				t.Fatalf("the model has %d runs: the test proves little", len(want))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("%d runs, the model %d; first difference:\n runs  %s\n model %s", len(got), len(want), got[i], want[i])
					}
				}
				t.Fatalf("%d runs, the model %d", len(got), len(want))
			}
		})
	}
}
