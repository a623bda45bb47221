package realbook

import "testing"

func TestLoad(t *testing.T) {
	b := Load(t)
	if b.Meta.Slug == "" || len(b.Interviews[0].Turns) == 0 || len(b.Notes) == 0 {
		t.Errorf("the real book is empty: slug %q, %d turns, %d notes", b.Meta.Slug, len(b.Interviews[0].Turns), len(b.Notes))
	}
	if Load(t) == b {
		t.Error("Load returned the same book twice; callers may change it")
	}
}

// fatalRecorder records whether Fatalf was called instead of stopping.
type fatalRecorder struct {
	testing.TB
	failed bool
}

func (f *fatalRecorder) Helper() {}
func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.failed = true
}

// TestLoadFailsLoudly: a source that does not load fails the test.
func TestLoadFailsLoudly(t *testing.T) {
	r := &fatalRecorder{TB: t}
	loadFrom(r, "the real book", t.TempDir())
	if !r.failed {
		t.Error("an empty source folder did not fail the test")
	}
}
