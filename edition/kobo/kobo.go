// Package kobo makes the Kobo edition of an EPUB (a "kepub") with kepubify,
// which adds the spans Kobo's reader needs for its reading statistics,
// highlights and page turns.
package kobo

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/pgaskin/kepubify/v4/kepub"
)

// Convert returns the kepub made from the EPUB file epub, every entry
// stamped with modified. The result is deterministic: kepubify writes its
// entries in whatever order its workers finish, so the archive is written
// again with mimetype first and stored, then every other entry in name order.
func Convert(epub []byte, modified time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(epub), int64(len(epub)))
	if err != nil {
		return nil, fmt.Errorf("kepub: read epub: %w", err)
	}
	// Smart punctuation and hyphenation are already done by the edition:
	// the converter is told to do neither.
	conv := kepub.NewConverterWithOptions(kepub.ConverterOptionHyphenate(false))
	var out bytes.Buffer
	if err := conv.Convert(context.Background(), &out, zr); err != nil {
		return nil, fmt.Errorf("kepub: %w", err)
	}
	return normalize(out.Bytes(), modified)
}

// normalize rewrites an EPUB archive in a fixed order with fixed times.
func normalize(epub []byte, modified time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(epub), int64(len(epub)))
	if err != nil {
		return nil, fmt.Errorf("kepub: read result: %w", err)
	}
	entries := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].Name, entries[j].Name
		if (a == "mimetype") != (b == "mimetype") {
			return a == "mimetype"
		}
		return a < b
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range entries {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: modified.UTC()}
		if f.Name == "mimetype" {
			// Stored, and with no time: a time would add the extra field
			// that the OCF container forbids on mimetype.
			h.Method = zip.Store
			h.Modified = time.Time{}
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, fmt.Errorf("kepub: %w", err)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("kepub: %w", err)
		}
		_, err = io.Copy(w, rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("kepub: %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("kepub: %w", err)
	}
	return out.Bytes(), nil
}
