package edition

import (
	"fmt"
	"time"
)

// The range of build dates every output format can carry: zip entries
// cannot be dated before 1980, and EPUB's dcterms:modified and a PDF's
// dates have four-digit years.
var (
	MinModified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxModified = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
)

// CheckModified reports an error when t lies outside MinModified to
// MaxModified, so that no output format has to write a date it cannot
// represent.
func CheckModified(t time.Time) error {
	if t.Before(MinModified) || t.After(MaxModified) {
		return fmt.Errorf("%s is outside the dates every format can carry (%s to %s)",
			t.UTC().Format(time.RFC3339), MinModified.Format(time.RFC3339), MaxModified.Format(time.RFC3339))
	}
	return nil
}
