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
//   - xmp.go: the Info dictionary and the XMP metadata, from the citation
//     (package cite), saying the same things, with the PDF/A-1b and
//     PDF/UA-1 identifications.
//   - tags.go: the tagging — marked-content sequences around the runs, the
//     structure tree of the page model's elements, artifacts for the
//     furniture.
//   - compress.go: the page streams, deflated on another core as the
//     pages are drawn, with gofpdf's compressor at its level, and given to
//     gofpdf to write as its own compressed streams.
//   - postprocess.go: an incremental update adding what concerns the
//     document as a whole: the sRGB output intent and its ICC profile
//     (package icc), the structure tree, a catalog linking the XMP stream
//     with /Lang, /MarkInfo, /StructTreeRoot and /ViewerPreferences, and a
//     trailer /ID (a hash of the file, so the same input gives the same
//     bytes).
//
// The file is PDF/A-1b (PDFBox Preflight finds it valid) and a tagged PDF
// declaring PDF/UA-1. gofpdf is patched for what must be inside the objects
// it writes (third_party/gofpdf/PATCHES.md): the binary header comment, link
// annotations as objects with the Print flag, /Contents and /StructParent,
// pages' /StructParents and /Tabs, the outline's /Count, no empty name
// dictionary, dates with their time zone.
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
//   - Structure: section titles and the book's title are H1, paragraphs P
//     (of the front matter too), the contents a TOC of TOCI each holding a
//     Link; a speaker's name is a Lbl (and a stage direction a Span) at the
//     head of the turn's first P; a note mark is a Reference holding a Link
//     to the note, a note a Note (ID note-N) whose number is a Lbl holding
//     a Link back to the mark; a passage in another language a Span with
//     its /Lang. Running heads and folios are pagination artifacts, the
//     note rule a layout artifact, a hyphen added at a line break an
//     artifact too.
//   - Words are drawn one by one; a space character drawn after each word
//     followed by a word space (no ink) gives the structure's text and what
//     is copied their spaces, as pdfTeX's \pdfinterwordspaceon does.
//   - Consecutive runs of one element and language are one marked-content
//     sequence, to keep the parent tree and the page streams small.
package pdf
