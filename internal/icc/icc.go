// Package icc embeds the sRGB colour profile the print edition names as its
// output intent (PDF/A-1 requires one), so that the renderer needs no files
// at run time.
package icc

import _ "embed"

// SRGB is sRGB.icc: an ICC version 2.3 sRGB profile from Debian's
// icc-profiles-free (zlib licence, see License).
//
//go:embed sRGB.icc
var SRGB []byte

// License is the copyright notice and licence of SRGB.
//
//go:embed LICENSE
var License string
