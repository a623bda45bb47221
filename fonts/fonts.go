// Package fonts embeds the book face, Charis SIL 6.101 (SIL Open Font
// License 1.1), so that the print renderer needs no files at run time.
package fonts

import _ "embed"

// Regular is CharisSIL-Regular.ttf.
//
//go:embed CharisSIL-Regular.ttf
var Regular []byte

// Italic is CharisSIL-Italic.ttf.
//
//go:embed CharisSIL-Italic.ttf
var Italic []byte

// Bold is CharisSIL-Bold.ttf.
//
//go:embed CharisSIL-Bold.ttf
var Bold []byte

// BoldItalic is CharisSIL-BoldItalic.ttf.
//
//go:embed CharisSIL-BoldItalic.ttf
var BoldItalic []byte

// License is the text of the SIL Open Font License under which the fonts
// are distributed.
//
//go:embed OFL.txt
var License string
