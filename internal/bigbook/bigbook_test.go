package bigbook

import (
	"path/filepath"
	"testing"

	"edition/edition/load"
)

func TestWriteMakesAValidBookNTimesLonger(t *testing.T) {
	one, err := load.Dir("../../source")
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "x3")
	if err := Write("../../source", dst, 3); err != nil {
		t.Fatal(err)
	}
	three, err := load.Dir(dst)
	if err != nil {
		t.Fatalf("the tripled book does not load: %v", err)
	}
	if got, want := len(three.Interviews[0].Turns), 3*len(one.Interviews[0].Turns); got != want {
		t.Errorf("%d turns, want %d", got, want)
	}
	if got, want := len(three.Notes), 3*len(one.Notes); got != want {
		t.Errorf("%d notes, want %d", got, want)
	}
	if got, want := len(three.Preface.Paragraphs), len(one.Preface.Paragraphs); got != want {
		t.Errorf("the preface was repeated: %d paragraphs, want %d", got, want)
	}
}
