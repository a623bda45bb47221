package cite

import (
	"edition/edition"
	"edition/internal/testbook"
)

// fixture is a Book with the metadata of this edition as the source README
// describes it, built in Go so the tests do not depend on the loader.
func fixture() *edition.Book {
	meta := testbook.Metadata()
	meta.Description = "The official text of Romain Rolland’s interview with Stalin in Moscow on 28 June 1935 — “the world’s greatest writer” — translated into English for the first time, with a preface & notes {50% new}."
	meta.Subjects = []string{"Stalin, Joseph, 1878-1953 -- Interviews", "Rolland, Romain, 1866-1944", "Soviet Union -- Politics and government -- 1917-1936"}
	return &edition.Book{
		Meta: meta,
	}
}
