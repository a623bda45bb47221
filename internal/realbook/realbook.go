// Package realbook gives tests the book of this repository, loaded from its
// source/ folder, and fails the test loudly when it does not load: a test
// written to check the real book must never pass, skip or quietly leave the
// book out because the source is broken.
package realbook

import (
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"edition/edition"
	"edition/edition/load"
)

// Dir returns the path of the repository's source/ folder.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("realbook: cannot tell where this package is")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "source")
}

// Load loads the real book afresh (callers may change it), or fails the
// test with every problem the loader reports.
func Load(t testing.TB) *edition.Book {
	t.Helper()
	return loadFrom(t, "the real book", Dir())
}

// loadFrom loads the book in dir afresh, or fails the test with every
// problem the loader reports, naming the book as what.
func loadFrom(t testing.TB, what, dir string) *edition.Book {
	t.Helper()
	b, err := load.Dir(dir)
	if err != nil {
		t.Fatalf("%s in %s does not load: %v", what, dir, err)
		return nil
	}
	return b
}

var shared struct {
	once sync.Once
	book *edition.Book
	err  error
}

// Shared returns one copy of the real book, loaded once for the whole test
// binary, for tests and benchmarks that only read it; it fails the test with
// every problem the loader reports. A test that changes the book must use
// Load instead.
func Shared(t testing.TB) *edition.Book {
	t.Helper()
	shared.once.Do(func() { shared.book, shared.err = load.Dir(Dir()) })
	if shared.err != nil {
		t.Fatalf("the real book in %s does not load: %v", Dir(), shared.err)
	}
	return shared.book
}

// CollectionDir returns the path of testdata/books/second, the tests'
// second book on disk: a collection of two interviews with quotations and
// stage directions within turns.
func CollectionDir() string {
	return filepath.Join(filepath.Dir(Dir()), "testdata", "books", "second")
}

// Collection loads the collection of CollectionDir afresh, or fails the
// test with every problem the loader reports.
func Collection(t testing.TB) *edition.Book {
	t.Helper()
	return loadFrom(t, "the collection", CollectionDir())
}

// FixtureDir returns the path of the loader's fixture book on disk
// (edition/load/testdata/book): a small book with every part the schema
// allows, an editor, an ISBN.
func FixtureDir() string {
	return filepath.Join(filepath.Dir(Dir()), "edition", "load", "testdata", "book")
}

// Fixture loads the book of FixtureDir afresh, or fails the test with
// every problem the loader reports.
func Fixture(t testing.TB) *edition.Book {
	t.Helper()
	return loadFrom(t, "the fixture book", FixtureDir())
}

// Case is a book of the tests, set at a trim.
type Case struct {
	Name, Trim string
	Book       *edition.Book
}

// Cases returns the books on disk a renderer is tested on: the real book
// at its own trim and at trim, the collection and the fixture book.
func Cases(t testing.TB, trim string) []Case {
	t.Helper()
	return []Case{
		{"real", "", Shared(t)},
		{"real " + trim, trim, Shared(t)},
		{"collection", "", Collection(t)},
		{"fixture", "", Fixture(t)},
	}
}
