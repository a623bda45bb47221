package main

import (
	"sync"

	"edition/edition/load"
	"edition/fonts"
)

// printFontCovers returns what the print edition can set: the characters of
// the Basic Multilingual Plane that Charis SIL's roman or italic maps to a
// glyph. The PDF writer (gofpdf) embeds only the BMP part of a font, so a
// character beyond it cannot be printed even when the font has it.
var printFontCovers = sync.OnceValue(func() load.Covers {
	roman, err := fonts.NewCoverage(fonts.Regular)
	if err != nil {
		panic("the embedded Charis SIL Regular does not parse: " + err.Error())
	}
	italic, err := fonts.NewCoverage(fonts.Italic)
	if err != nil {
		panic("the embedded Charis SIL Italic does not parse: " + err.Error())
	}
	return func(r rune, it bool) bool {
		if r < 0 || r > 0xFFFF {
			return false
		}
		if it {
			return italic.Has(r)
		}
		return roman.Has(r)
	}
})
