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
	"time"

	"github.com/pgaskin/kepubify/v4/kepub"

	"edition/edition/ziparchive"
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

// normalize rewrites an EPUB archive with the one zip writer: mimetype
// first and stored, every other entry in name order, all dated modified.
func normalize(epub []byte, modified time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(epub), int64(len(epub)))
	if err != nil {
		return nil, fmt.Errorf("kepub: read result: %w", err)
	}
	entries := make([]ziparchive.Entry, 0, len(zr.File))
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("kepub: %w", err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("kepub: %s: %w", f.Name, err)
		}
		entries = append(entries, ziparchive.Entry{Name: f.Name, Data: data})
	}
	out, err := ziparchive.Write(entries, modified)
	if err != nil {
		return nil, fmt.Errorf("kepub: %w", err)
	}
	return out, nil
}
