package main

import (
	"edition/edition/layout"
	"edition/edition/load"
)

// printFontCovers returns what the print edition can set, from the same
// metrics the page layout sets the text with (the cmap of Charis SIL's
// roman and italic, the Basic Multilingual Plane as the PDF writer embeds
// it), so that check and the print edition cannot disagree.
func printFontCovers() (load.Covers, error) {
	roman, err := layout.FaceMetrics(layout.Roman)
	if err != nil {
		return nil, err
	}
	italic, err := layout.FaceMetrics(layout.Italic)
	if err != nil {
		return nil, err
	}
	return func(r rune, it bool) bool {
		if it {
			return italic.Covers(r)
		}
		return roman.Covers(r)
	}, nil
}
