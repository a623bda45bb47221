// Package pdf is the print edition: it typesets the book as a PDF for a
// trade paperback, doing in Go everything gofpdf does not — line breaking,
// hyphenation, page make-up, footnotes — and leaving gofpdf only to draw
// text at the positions decided here and to embed the fonts.
//
// The work is done in two stages. Layout breaks every paragraph into lines
// and makes up every page, drawing nothing; its result, Pages, can be
// inspected by tests and tells other editions where each printed page
// begins (PageBreaks). Pages.Write (or Renderer.Render, which does both)
// then draws the pages and post-processes gofpdf's bytes to link the XMP
// metadata from the catalog and add /Lang and a trailer /ID.
//
// The pieces, one file each:
//
//   - metrics.go: a small TrueType reader for advance widths, rounded as
//     gofpdf writes them, so our word widths and the PDF agree.
//   - para.go: a paragraph's inlines → the line breaker's boxes, glue and
//     penalties, with what each box draws (runs of one font and size),
//     hyphenation points from package hyphen, breaks after explicit
//     hyphens and inside URLs, note marks and scaled small capitals.
//   - lines.go: total-fit lines (package linebreak) placed word by word;
//     ragged and balanced setting for titles and the imprint.
//   - flow.go: the book → rows on a baseline grid, and the notes' lines.
//   - makeup.go: rows → pages, with footnotes, widow, orphan and keep
//     rules.
//   - layout.go, front.go: pages with their folios and running heads; the
//     half-title, title, imprint and contents pages.
//   - draw.go, xmp.go, postprocess.go: drawing and metadata.
//
// Design decisions a reader of the PDF will notice:
//
//   - Front matter: half-title (i), blank (ii), title page (iii), imprint
//     (iv), contents (v), blank (vi); folios in roman, printed only on the
//     contents page. The body is numbered from 1 in arabic; each section
//     opens on a recto, with a blank verso before it when needed.
//   - Running heads: the short title on versos, the section title on
//     rectos, with the folio at the outer edge; none on opening pages,
//     which carry a drop folio at the foot, and none on blank pages.
//   - Dialogue: each turn starts flush left with the speaker's name run in,
//     in scaled small capitals (full capital initials, capitals at 78 %
//     tracked 5 %), a stage direction in italics in parentheses, a colon;
//     a turn's later paragraphs are indented. No extra space between turns:
//     the small capitals mark them and the baseline grid is kept.
//   - Notes: all notes are footnotes, numbered as in the model, in 8.5/11
//     under a short rule; the number at the foot links back to the mark and
//     the mark to the note. There is no endnotes section in print.
//   - Page make-up never leaves a paragraph's first line alone at a foot
//     or its last line alone at a head (so a speaker's name is never alone
//     at a foot), keeps headings with two lines of text and a signature
//     with the text before it, and takes a page a line short rather than
//     end it on a hyphen when it can. A page those rules leave short is
//     made full, spread by spread, by setting one paragraph of the page
//     (or of the facing verso) a line shorter or longer, or without the
//     hyphen at the foot, if its spaces stay within 1.57× natural; if none
//     can, both pages of the spread end a line short, on one baseline
//     (docs/print-measurements.md). A note begins on the page of its
//     mark — the citing line moves to the next page otherwise — and splits
//     to the next page's foot when it is too long, never leaving a lone
//     line of a note paragraph on either side.
//   - PageBreaks lists only pages that carry text of the model: the front
//     matter (built from metadata) and blank pages are left out. A page
//     opening a section begins at its first paragraph.
package pdf
