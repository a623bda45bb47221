// Package layout is the page engine of the print edition: from the model
// (an edition.Book) and a trim it makes the printed book as data, a
// Document of pages on which every run of glyphs, rule, link area and
// destination is placed, with the structure of the text they belong to. It
// decides everything about placement — line breaking, hyphenation, page
// make-up, footnotes, the front matter — and draws nothing: package pdf
// draws a Document with gofpdf, and the EPUB's page list reads its page
// breaks. It imports neither package pdf nor gofpdf.
//
// The pieces, one file each:
//
//   - metrics.go, fonts.go: the four faces, read by package shape (which
//     shapes text with the fonts' OpenType features), with advances
//     rounded as a PDF's /W array holds them, so that where a word is
//     placed and where a viewer ends it agree; the font files come from
//     package fonts.
//   - para.go: a paragraph's inlines → the line breaker's boxes, glue and
//     penalties, with what each box draws (runs of one font and size),
//     hyphenation points from package hyphen, breaks after explicit
//     hyphens and inside URLs, note marks and small capitals. Every run
//     is shaped (shapeRun): standard ligatures in running text (each run
//     of a word shaped whole, boxes cut at its glyph clusters; a
//     hyphenation point inside a ligature is a discretionary break whose
//     pre-break, post-break and unbroken parts are shaped each, as TeX
//     does: "of-" / "fice" when broken there, "office" with its ffi when
//     not), none in a letter-spaced run; the font's own small
//     capitals (smcp) for speakers' names; kerning where the font has it
//     (Charis SIL has none). A run's width is its glyphs' advances.
//   - lines.go: total-fit lines (package linebreak) placed word by word;
//     ragged and balanced setting for titles and the imprint.
//   - flow.go: the book → rows on a baseline grid, and the notes' lines.
//   - makeup.go: rows → pages, with footnotes, widow, orphan and keep
//     rules.
//   - layout.go, front.go: pages with their folios and running heads; the
//     half-title, title, imprint and contents pages.
//   - document.go, model.go: the page model (Document, Page, Item,
//     Element) and how the made-up pages become one.
//   - dump.go: a readable text form of a Document, for golden tests.
//
// # The page model
//
// A Document's Pages hold Items in drawing order: glyph runs (face, size,
// horizontal scale, tracking, position, the text they stand for, and the
// shaped glyphs that draw it, each with the text of its cluster), rules, link areas (to a named destination of the
// document or to a URL) and named destinations. Every item has a structure
// Role and the index of its Element in Document.Elements, or Artifact for
// the page's furniture (running heads, folios, the footnote rule) and for
// destinations; and a language when it differs from the document's.
//
// Document.Elements is the structure tree in reading order, each element
// naming its parent. A paragraph set over several lines and pages is one
// element; a speaker's name, a stage direction (after the name or within
// the text), a note mark and a link are elements inside their paragraph; a
// block quotation within a turn is an element holding its paragraphs. A note is an element at the top of the
// tree holding its number (a label) and its paragraphs; it comes after the
// text of the page it begins on (the page of its first mark), as a reader
// meets it, and lists the elements of its marks in Refs. The front matter is made of a title,
// paragraphs, the contents' heading and the contents (a list of entries,
// each one link).
//
// # Design decisions a reader of the printed book will notice
//
//   - Front matter: half-title (i), blank (ii), title page (iii), imprint
//     (iv), contents (v), blank (vi); folios in roman, printed only on the
//     contents. Contents too long for one page (a collection of many
//     interviews) run on over the next pages, an entry never split, each
//     further page with a running head ("Contents") and its folio at the
//     head, and a blank verso after them when they end on a recto. The body is numbered from 1 in arabic; each section
//     opens on a recto, with a blank verso before it when needed.
//   - Running heads: the short title on versos, the section title on
//     rectos, with the folio at the outer edge; none on opening pages,
//     which carry a drop folio at the foot, and none on blank pages.
//   - Dialogue: each turn starts flush left with the speaker's name run in,
//     in the font's small capitals (capitals kept as capitals, tracked 7.5 %
//     of the size), a stage direction in italics in parentheses, a colon;
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
//     (or of the facing verso), else two of the page, a line shorter or
//     longer, or without the hyphen at the foot, if its spaces stay within
//     1.57× natural; if none can, both pages of the spread end a line
//     short, on one baseline; if they cannot either, the spread one or two
//     before is made a line short on both pages and the spreads after it
//     made again (docs/print-measurements.md).
//   - Paragraphs are first set with every line within badness 45 (spaces
//     up to about 1.38× natural), hyphenated where that needs it, and only
//     where that cannot be done with TeX's tolerances: the book's spacing
//     is even at the price of more hyphens, never more than two in a row. A note begins on the page of its
//     mark — the citing line moves to the next page otherwise — and splits
//     to the next page's foot when it is too long, never leaving a lone
//     line of a note paragraph on either side.
//   - PageBreaks lists only pages that carry text of the model: the front
//     matter (built from metadata) and blank pages are left out. A page
//     opening a section begins at its first paragraph.
package layout
