// Package kobo makes the Kobo edition of an EPUB (a "kepub") with kepubify,
// which adds the spans Kobo's reader needs for its reading statistics,
// highlights and page turns.
package kobo

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"

	"github.com/pgaskin/kepubify/v4/kepub"
)

// Convert returns the kepub made from the EPUB file epub. The result is
// deterministic: the same EPUB gives the same bytes, since the zip entries
// keep the source's fixed times and order.
func Convert(epub []byte) ([]byte, error) {
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
	return out.Bytes(), nil
}
