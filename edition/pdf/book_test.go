package pdf

import (
	"bytes"
	"os"
	"testing"

	"edition/edition"
	"edition/internal/realbook"
)

// realBook is the manuscript of the project, loaded once for every test
// of the package that only reads it.
func realBook(t testing.TB) *edition.Book { return realbook.Shared(t) }

// renderBook renders the real book; with PDF_OUT set it also writes the
// file there, for looking at the pages.
func renderBook(t testing.TB, trim string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (Renderer{Trim: trim}).Render(&buf, realBook(t)); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("PDF_OUT"); out != "" && trim == "" {
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func TestRenderBook(t *testing.T) {
	out := renderBook(t, "")
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", out[:10])
	}
}
