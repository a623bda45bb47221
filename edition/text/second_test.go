package text

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edition/internal/testbook"
)

// TestSecondBook renders the book with no translator, an editor, a speaker
// without a role, a publisher and an ISBN, and no note on the text and no
// notes.
func TestSecondBook(t *testing.T) {
	var buf bytes.Buffer
	if err := (&Renderer{}).Render(&buf, testbook.SecondBook()); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	path := filepath.Join("testdata", "second.txt")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(path); err != nil || string(want) != got {
		t.Errorf("differs from %s (run go test -update to accept):\n%s", path, got)
	}
	for _, want := range []string{"Ruth Marsh, editor, preface and notes", "With Björn Åkesson", "Second edition", "Conversations 3",
		"London: Example Press, 2024", "ISBN 978-0-306-40615-7", "ÅKESSON: Except me.", "HOW TO CITE THIS EDITION"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"NOTES", "NOTE ON THE TEXT", "Translated"} {
		if strings.Contains(got, bad) {
			t.Errorf("text has %q, which the book does not", bad)
		}
	}
}
