package epub

import (
	"bytes"
	"os"
	"testing"

	"edition/edition/load"
)

func TestDumpReal(t *testing.T) {
	out := os.Getenv("EPUB_DUMP")
	if out == "" {
		t.Skip("EPUB_DUMP not set")
	}
	b, err := load.Dir("../../source")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (&Renderer{}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(out, buf.Bytes(), 0o644)
	buf.Reset()
	if err := (&Renderer{}).Render(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(out+".fixture.epub", buf.Bytes(), 0o644)
}
