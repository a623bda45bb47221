// Package pdf draws the print edition: it writes a page model made by
// package layout as a PDF with gofpdf, and decides nothing about where
// anything goes — line breaking, make-up and font metrics are layout's.
// Renderer lays a book out and draws it; a Writer draws a Document made
// elsewhere (the command shares one with the EPUB's page list).
//
// The pieces, one file each:
//
//   - draw.go: the gofpdf document (the faces the pages use, embedded as
//     subsets), each page's items in order — runs of shaped glyphs with
//     their tracking, rules, links to named destinations and URLs — the
//     outline and the Info dictionary.
//   - xmp.go: the XMP metadata from the citation (package cite).
//   - compress.go: the page streams, written uncompressed by gofpdf,
//     deflated afterwards with one reused compressor into the bytes gofpdf
//     itself would write.
//   - postprocess.go: an incremental update linking the XMP stream from
//     the catalog and adding /Lang and a trailer /ID (a hash of the file,
//     so the same input gives the same bytes).
//
// Design decisions of the file (those of the printed page are package
// layout's):
//
//   - Only the faces the pages use are embedded; roman and italic always
//     (running heads and folios).
//   - Runs are drawn as the glyphs layout shaped them, with gofpdf's
//     GlyphRun (a patch of this project, third_party/gofpdf/PATCHES.md):
//     each glyph is written with a code whose ToUnicode entry is the text
//     it stands for, so a ligature copies as its letters ("fi") and a
//     small capital as the letter it was set from; subsets are named with
//     a tag taken from their content (ABCDEF+CharisSIL).
//   - The PDF document, whose fonts take most of its fixed cost to parse,
//     is started by NewWriter in the background while the lines are
//     broken.
//   - Character spacing (Tc) and horizontal scaling (Tz), which gofpdf has
//     no call for, are written around the runs that need them.
//   - Outline entries are at the top level, one per section and one for
//     the contents, each at the top of its page.
package pdf
