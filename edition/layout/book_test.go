package layout

import (
	"sync"
	"testing"

	"edition/edition"
	"edition/edition/load"
)

var (
	bookOnce sync.Once
	theBook  *edition.Book
	bookErr  error
)

// realBook loads the manuscript of the project.
func realBook(t testing.TB) *edition.Book {
	t.Helper()
	bookOnce.Do(func() { theBook, bookErr = load.Dir("../../source") })
	if bookErr != nil {
		t.Fatalf("load source: %v", bookErr)
	}
	return theBook
}
