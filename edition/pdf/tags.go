package pdf

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"edition/edition/layout"
)

// structTree is the logical structure of a tagged PDF, collected as the
// pages are drawn: the structure elements, and as their content the
// marked-content sequences (each run of text, by page and MCID) and the
// link annotations, in drawing order, which is the reading order.
//
// Element 0 is the root, a Document element. An element's kids are its
// content and its child elements, in the order they were added, so a note
// mark sits between the words around it.
type structTree struct {
	elems []structElem
	// marks[p] lists, for page p (from 0), the element of each MCID.
	marks [][]int
	// annots lists the link annotations in order: their page and element.
	// Annotation i has the parent tree key len(marks)+i.
	annots []structAnnot
	// links[p] counts the link annotations of page p.
	links []int
}

// structElem is one structure element.
type structElem struct {
	typ    string // a standard structure type: Document, H1, P, Lbl, Link…
	parent int    // -1 for the root
	lang   string // BCP 47 tag, when it differs from the document's
	id     string // element identifier (/ID), unique in the document
	kids   []structKid
}

// structKid is one kid of an element: a child element, a marked-content
// sequence or a link annotation.
type structKid struct {
	elem  int // the child element, or -1
	page  int // the page, from 0, of a marked-content sequence or an annotation
	mcid  int // the MCID of a marked-content sequence, or -1
	annot int // the index in annots of an annotation, or -1
}

// structAnnot is a link annotation of the tree.
type structAnnot struct {
	page, elem int
	index      int // the annotation's place among the page's links, from 0
}

// newStructTree returns a tree of pages pages holding only the Document
// element, in language lang.
func newStructTree(pages int, lang string) *structTree {
	return &structTree{
		elems: []structElem{{typ: "Document", parent: -1, lang: lang}},
		marks: make([][]int, pages),
		links: make([]int, pages),
	}
}

// add adds an element of type typ as the last kid of parent and returns
// its index. lang is empty when the element is in its parent's language;
// id is empty for an element nothing refers to.
func (t *structTree) add(typ string, parent int, lang, id string) int {
	i := len(t.elems)
	t.elems = append(t.elems, structElem{typ: typ, parent: parent, lang: lang, id: id})
	t.elems[parent].kids = append(t.elems[parent].kids, structKid{elem: i, mcid: -1, annot: -1})
	return i
}

// mark adds a marked-content sequence on page (from 0) as the last kid of
// elem and returns its MCID.
func (t *structTree) mark(page, elem int) int {
	mcid := len(t.marks[page])
	t.marks[page] = append(t.marks[page], elem)
	t.elems[elem].kids = append(t.elems[elem].kids, structKid{elem: -1, page: page, mcid: mcid, annot: -1})
	return mcid
}

// link adds the next link annotation of page (from 0) as the last kid of
// elem and returns its key in the parent tree (its /StructParent).
func (t *structTree) link(page, elem int) int {
	t.annots = append(t.annots, structAnnot{page: page, elem: elem, index: t.links[page]})
	t.links[page]++
	t.elems[elem].kids = append(t.elems[elem].kids, structKid{elem: -1, page: page, mcid: -1, annot: len(t.annots) - 1})
	return len(t.marks) + len(t.annots) - 1
}

// pageKey is the parent tree key of page p (from 0): its /StructParents.
func (t *structTree) pageKey(p int) int { return p }

// firstPage returns the page of the first content of e or of its
// descendants, or -1 when it has none.
func (t *structTree) firstPage(e int) int {
	for _, k := range t.elems[e].kids {
		switch {
		case k.elem >= 0:
			if p := t.firstPage(k.elem); p >= 0 {
				return p
			}
		default:
			return k.page
		}
	}
	return -1
}

// write adds the tree to the update u: one object per element, the parent
// tree, the ID tree and the structure tree root, whose number it returns.
// pageObj gives the object number of page p (from 1), linkObjs the object
// numbers of its link annotations in order.
func (t *structTree) write(u *update, pageObj func(int) int, linkObjs func(int) []int) (int, error) {
	base := u.next()
	obj := func(e int) int { return base + e }
	parentTree := base + len(t.elems)
	root := parentTree + 1
	annotObj := make([]int, len(t.annots))
	for i, a := range t.annots {
		objs := linkObjs(a.page + 1)
		if a.index >= len(objs) {
			return 0, fmt.Errorf("tagged pdf: page %d has %d link annotations, the structure %d or more", a.page+1, len(objs), a.index+1)
		}
		annotObj[i] = objs[a.index]
	}
	ids := map[string]int{}
	for i, e := range t.elems {
		if e.id == "" {
			continue
		}
		if _, dup := ids[e.id]; dup {
			return 0, fmt.Errorf("tagged pdf: two structure elements with the ID %q", e.id)
		}
		ids[e.id] = i
	}
	// The tree is written with strconv rather than fmt: it has an object
	// for every paragraph of the book, on the path after the pages.
	var num []byte
	ref := func(b *bytes.Buffer, key string, n int) {
		b.WriteString(key)
		num = strconv.AppendInt(num[:0], int64(n), 10)
		b.Write(num)
		b.WriteString(" 0 R")
	}
	for i := range t.elems {
		e := &t.elems[i]
		n := u.add(func(b *bytes.Buffer) {
			b.WriteString("<</Type /StructElem /S /")
			b.WriteString(e.typ)
			if e.parent < 0 {
				ref(b, " /P ", root)
			} else {
				ref(b, " /P ", obj(e.parent))
			}
			pg := t.firstPage(i)
			if pg >= 0 {
				ref(b, " /Pg ", pageObj(pg+1))
			}
			if e.lang != "" {
				b.WriteString(" /Lang ")
				b.WriteString(pdfString(e.lang))
			}
			if e.id != "" {
				b.WriteString(" /ID ")
				b.WriteString(pdfString(e.id))
			}
			b.WriteString(" /K [")
			for j, k := range e.kids {
				if j > 0 {
					b.WriteByte(' ')
				}
				switch {
				case k.elem >= 0:
					ref(b, "", obj(k.elem))
				case k.annot >= 0:
					fmt.Fprintf(b, "<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annotObj[k.annot], pageObj(k.page+1))
				case k.page == pg:
					num = strconv.AppendInt(num[:0], int64(k.mcid), 10)
					b.Write(num)
				default:
					fmt.Fprintf(b, "<</Type /MCR /Pg %d 0 R /MCID %d>>", pageObj(k.page+1), k.mcid)
				}
			}
			b.WriteString("]>>")
		})
		if n != obj(i) {
			return 0, fmt.Errorf("tagged pdf: element %d written as object %d, not %d", i, n, obj(i))
		}
	}
	u.add(func(b *bytes.Buffer) {
		b.WriteString("<</Nums [")
		for p, marks := range t.marks {
			fmt.Fprintf(b, "\n%d [", t.pageKey(p))
			for j, e := range marks {
				if j > 0 {
					b.WriteByte(' ')
				}
				ref(b, "", obj(e))
			}
			b.WriteString("]")
		}
		for i, a := range t.annots {
			fmt.Fprintf(b, "\n%d %d 0 R", len(t.marks)+i, obj(a.elem))
		}
		b.WriteString("\n]>>")
	})
	n := u.add(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d",
			obj(0), parentTree, len(t.marks)+len(t.annots))
		if len(ids) > 0 {
			names := make([]string, 0, len(ids))
			for id := range ids {
				names = append(names, id)
			}
			sort.Strings(names)
			b.WriteString(" /IDTree <</Names [")
			for j, id := range names {
				if j > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprintf(b, "%s %d 0 R", pdfString(id), obj(ids[id]))
			}
			b.WriteString("]>>")
		}
		b.WriteString(">>")
	})
	if n != root {
		return 0, fmt.Errorf("tagged pdf: structure tree root written as object %d, not %d", n, root)
	}
	return root, nil
}

// markedContent writes, around what draw writes on the current page, a
// marked-content sequence: of a structure element of type tag with the
// MCID mcid, or, when tag is "Artifact", of an artifact whose property
// list (without its brackets; empty for none) is props.
func markedContent(pdf rawWriter, tag string, mcid int, props string, draw func()) {
	beginMarked(pdf, tag, mcid, props)
	draw()
	endMarked(pdf)
}

// beginMarked begins a marked-content sequence (see markedContent).
func beginMarked(pdf rawWriter, tag string, mcid int, props string) {
	switch {
	case tag != "Artifact":
		pdf.RawWriteStr("/" + tag + " <</MCID " + strconv.Itoa(mcid) + ">> BDC\n")
	case props != "":
		pdf.RawWriteStr("/Artifact <<" + props + ">> BDC\n")
	default:
		pdf.RawWriteStr("/Artifact BMC\n")
	}
}

// endMarked ends a marked-content sequence.
func endMarked(pdf rawWriter) { pdf.RawWriteStr("EMC\n") }

// rawWriter writes operators into the current page's content stream
// (gofpdf's RawWriteStr).
type rawWriter interface{ RawWriteStr(string) }

// structTypes are the standard structure types (ISO 32000-1, 14.8.4) of
// the page model's roles. A note's mark is a Reference and a note's number
// a Lbl, each holding a Link (its content and its link annotation).
var structTypes = map[layout.Role]string{
	layout.TitleRole:     "H1",
	layout.HeadingRole:   "H1",
	layout.ParagraphRole: "P",
	layout.SpeakerRole:   "Lbl",
	layout.DirectionRole: "Span",
	layout.NoteRefRole:   "Reference",
	layout.NoteRole:      "Note",
	layout.NoteLabelRole: "Lbl",
	layout.LinkRole:      "Link",
	layout.TOCRole:       "TOC",
	layout.TOCItemRole:   "TOCI",
	layout.QuotationRole: "BlockQuote",
}

// tagger tags the pages as they are drawn: it opens and closes the
// marked-content sequences around the runs, the structure elements of the
// page model's elements as their first content is drawn (so each comes in
// its parent where it is read), and marks the furniture as artifacts.
// Consecutive runs of one element and language share one sequence.
type tagger struct {
	pdf  rawWriter
	d    *layout.Document
	tree *structTree
	// inner[e] is the structure element that holds the content of the
	// model's element e (a Link inside a Reference or a Lbl, else the
	// element itself), or -1 before its first content.
	inner []int
	// langSpans are the Span elements added for a run in another language.
	langSpans map[int]bool
	// text[e] is the text drawn so far of the model's link element e.
	text map[int]string
	page int
	// open is the sequence open on the page: its structure element, or -1
	// for an artifact (with props), or -2 for none.
	open  int
	props string
}

// newTagger returns a tagger for the pages of d drawn on pdf.
func newTagger(pdf rawWriter, d *layout.Document) *tagger {
	tg := &tagger{pdf: pdf, d: d, tree: newStructTree(len(d.Pages), d.Lang),
		inner: make([]int, len(d.Elements)), langSpans: map[int]bool{}, text: map[int]string{}, open: -2}
	for i := range tg.inner {
		tg.inner[i] = -1
	}
	return tg
}

// startPage gives the page just added (p from 0) its key in the parent
// tree and the structure tab order.
func (tg *tagger) startPage(pdf interface{ SetPageExtra(string) }, p int) {
	tg.page = p
	pdf.SetPageExtra(fmt.Sprintf("/StructParents %d /Tabs /S", tg.tree.pageKey(p)))
}

// endPage closes the sequence open on the page.
func (tg *tagger) endPage() { tg.close() }

func (tg *tagger) close() {
	if tg.open != -2 {
		endMarked(tg.pdf)
		tg.open = -2
	}
}

// run opens, if it is not open already, the sequence the run it is drawn
// in: of its element, of a Span in its language, or an artifact.
//
// A hyphen added at a line break is an artifact: it is not part of the
// text (ISO 32000-1, 14.8.2.2.2, incidental artifacts).
func (tg *tagger) run(it *layout.Item) {
	if it.Element == layout.Artifact || it.Run.Hyphen {
		tg.artifact(it)
		return
	}
	e := tg.content(it.Element, it.Lang)
	if tg.d.Elements[it.Element].Role == layout.LinkRole {
		tg.text[it.Element] += it.Run.Text + " "
	}
	if tg.open == e {
		return
	}
	tg.close()
	beginMarked(tg.pdf, tg.tree.elems[e].typ, tg.tree.mark(tg.page, e), "")
	tg.open = e
}

// spaced reports whether a space is to be drawn after the run of it: a
// run of the text followed by a word space. Words are drawn one by one,
// and the gaps between them are only positions: the space glyph drawn
// after each word, which has no ink and changes nothing visible, gives the
// structure tree's text, and what is copied, its spaces. (pdfTeX's
// \pdfinterwordspaceon does the same.)
func (tg *tagger) spaced(it *layout.Item) bool {
	return spaced(&it.Run, it.Element == layout.Artifact)
}

// spaced is tagger.spaced for a run r, artifact telling whether it is
// drawn as an artifact (furniture, belonging to no element).
func spaced(r *layout.Run, artifact bool) bool {
	return r.Space && !artifact && !r.Hyphen
}

// artifact opens, if it is not open already, an artifact sequence for the
// furniture it: running heads and folios are pagination, at the head or
// the foot; the note rule is layout.
func (tg *tagger) artifact(it *layout.Item) {
	props := ""
	switch it.Role {
	case layout.RunningHeadRole:
		props = "/Type /Pagination /Subtype /Header"
	case layout.FolioRole:
		props = "/Type /Pagination /Subtype /Footer"
		if it.Run.Y < tg.d.Geometry.H/2 {
			props = "/Type /Pagination /Subtype /Header"
		}
	case layout.NoteRuleRole:
		props = "/Type /Layout"
	}
	if tg.open == -1 && tg.props == props {
		return
	}
	tg.close()
	beginMarked(tg.pdf, "Artifact", 0, props)
	tg.open, tg.props = -1, props
}

// rule opens the sequence a rule is drawn in: rules are furniture (the
// page model gives them no element), artifacts.
func (tg *tagger) rule(it *layout.Item) { tg.artifact(it) }

// link returns the alternate description and the parent tree key of the
// link annotation of it.
func (tg *tagger) link(it *layout.Item) (contents string, key int) {
	e := tg.content(it.Element, "")
	el := tg.d.Elements[it.Element]
	switch {
	case it.Link.URL != "":
		contents = it.Link.URL
	case el.Role == layout.NoteRefRole:
		contents = fmt.Sprintf(linkWords(tg.d.Lang)[0], el.Note)
	case el.Role == layout.NoteLabelRole:
		contents = fmt.Sprintf(linkWords(tg.d.Lang)[1], el.Note)
	default:
		contents = strings.TrimSpace(tg.text[it.Element])
	}
	return contents, tg.tree.link(tg.page, e)
}

// linkWords are the descriptions of a note's link and of its way back, in
// the book's language (English unless French).
func linkWords(lang string) [2]string {
	if lang == "fr" || strings.HasPrefix(lang, "fr-") {
		return [2]string{"Note %d", "Retour à l’appel de la note %d"}
	}
	return [2]string{"Note %d", "Back to the mark of note %d"}
}

// content returns the structure element that holds the content of the
// model's element e in language lang (empty: the element's), adding it
// and its ancestors on first use.
func (tg *tagger) content(e int, lang string) int {
	c := tg.inner[e]
	if c < 0 {
		el := tg.d.Elements[e]
		parent := 0
		if el.Parent >= 0 {
			parent = tg.content(el.Parent, "")
		}
		id := ""
		if el.Role == layout.NoteRole {
			id = layout.NoteDest(el.Note)
		}
		typ, ok := structTypes[el.Role]
		if !ok {
			typ = "Span"
		}
		c = tg.tree.add(typ, parent, el.Lang, id)
		if el.Role == layout.NoteRefRole || el.Role == layout.NoteLabelRole {
			c = tg.tree.add("Link", c, "", "")
		}
		tg.inner[e] = c
	}
	if lang == "" || lang == tg.langOf(e) {
		return c
	}
	kids := tg.tree.elems[c].kids
	if n := len(kids); n > 0 && tg.langSpans[kids[n-1].elem] && tg.tree.elems[kids[n-1].elem].lang == lang {
		return kids[n-1].elem
	}
	s := tg.tree.add("Span", c, lang, "")
	tg.langSpans[s] = true
	return s
}

// langOf is the language of the model's element e.
func (tg *tagger) langOf(e int) string {
	for ; e >= 0; e = tg.d.Elements[e].Parent {
		if l := tg.d.Elements[e].Lang; l != "" {
			return l
		}
	}
	return tg.d.Lang
}
