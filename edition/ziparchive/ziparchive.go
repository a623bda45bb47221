// Package ziparchive is the one zip writer of every archive this tool makes
// (the EPUB, the Kobo edition and the release zip). Its archives are
// deterministic: the same entries and date give the same bytes.
//
// An entry named "mimetype" comes first and is stored, as the EPUB container
// (OCF) requires; every other entry follows in name order. Every entry is
// dated with the same time, in the zip format's MS-DOS date and time fields
// only (no extended-timestamp extra field, which OCF forbids on mimetype),
// and carries the permissions 0644. Entry names must be relative slash paths
// without "." or ".." elements, so no archive can unpack outside its folder.
package ziparchive

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// Entry is one file of an archive.
type Entry struct {
	// Name is the entry's slash-separated path inside the archive.
	Name string
	Data []byte
	// Store keeps the entry uncompressed (for data that is already
	// compressed); otherwise it is deflated. The mimetype entry is always
	// stored.
	Store bool
}

// Write returns the archive of entries, each dated modified (the zip format
// cannot say earlier than 1980-01-01 nor later than 2107: dates outside are
// clamped).
func Write(entries []Entry, modified time.Time) ([]byte, error) {
	sorted := append([]Entry(nil), entries...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].Name, sorted[j].Name
		if (a == "mimetype") != (b == "mimetype") {
			return a == "mimetype"
		}
		return a < b
	})
	for i, e := range sorted {
		if err := CheckName(e.Name); err != nil {
			return nil, err
		}
		if i > 0 && sorted[i-1].Name == e.Name {
			return nil, fmt.Errorf("zip: entry %q twice", e.Name)
		}
	}
	date, clock := dosTime(modified)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range sorted {
		//lint:ignore SA1019 the MS-DOS fields are the only way to date an entry without an extra field
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate, ModifiedDate: date, ModifiedTime: clock}
		if e.Store || e.Name == "mimetype" {
			h.Method = zip.Store
		}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, fmt.Errorf("zip %s: %w", e.Name, err)
		}
		if _, err := w.Write(e.Data); err != nil {
			return nil, fmt.Errorf("zip %s: %w", e.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	return buf.Bytes(), nil
}

// CheckName reports why name cannot be an entry's name: it must be a
// slash-separated relative path with no empty, "." or ".." element, no
// backslash and no NUL.
func CheckName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.ContainsAny(name, "\\\x00") {
		return fmt.Errorf("zip: entry name %q is not a relative path inside the archive", name)
	}
	return nil
}

// dosTime returns t (in UTC) as the zip format's MS-DOS date and time.
func dosTime(t time.Time) (date, clock uint16) {
	u := t.UTC()
	switch {
	case u.Year() < 1980:
		u = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	case u.Year() > 2107:
		u = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(u.Day() + int(u.Month())<<5 + (u.Year()-1980)<<9)
	clock = uint16(u.Second()/2 + u.Minute()<<5 + u.Hour()<<11)
	return date, clock
}
