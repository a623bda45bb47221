package layout

import (
	"testing"

	"edition/edition"
	"edition/internal/realbook"
)

// realBook is the manuscript of the project, loaded once for every test
// of the package that only reads it.
func realBook(t testing.TB) *edition.Book { return realbook.Shared(t) }
