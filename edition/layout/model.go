package layout

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// document turns the made-up pages into the page model: every line's runs,
// links and destinations as items in the order a backend draws them, the
// running heads and folios measured and placed, and the structure tree
// built as the items are met, so that its order is the reading order.
func (L *pageSet) document() *Document {
	lang := L.book.Meta.Language
	if lang == "" {
		lang = "en"
	}
	d := &Document{Geometry: L.g, Lang: lang, Pages: make([]Page, len(L.pages))}
	mb := &modelBuilder{L: L, d: d, elems: map[string]int{}, refs: map[int][]int{}}
	// Destinations, by page: notes and marks in the order of their
	// numbers, then the sections' openings.
	dests := map[int][]Item{}
	dest := func(page float64, name string, y float64) {
		dests[int(page)] = append(dests[int(page)], Item{Kind: DestItem, Role: ArtifactRole, Element: Artifact, Dest: &Dest{Name: name, Y: y}})
	}
	g := L.g
	for _, n := range sortedKeys(L.noteAt) {
		at := L.noteAt[n]
		dest(at[0], NoteDest(n), at[1]-g.NoteLead)
	}
	for _, n := range sortedKeys(L.markAt) {
		at := L.markAt[n]
		dest(at[0], MarkDest(n), at[1]-g.Leading)
	}
	for _, s := range L.secs {
		if pg, ok := L.opening[s.id]; ok {
			dest(float64(pg), s.id, 0)
		}
	}
	for i, p := range L.pages {
		mb.page(&d.Pages[i], p, dests[p.number])
	}
	for n, refs := range mb.refs {
		if e, ok := mb.elems["note:"+strconv.Itoa(n)]; ok {
			d.Elements[e].Refs = refs
		}
	}
	return d
}

// itemsChunk is the size, in items, of the arrays the page model's items
// are kept in (about 600 KB each), and itemsPerLine the room a page is
// given for each of its lines: the book's pages hold 13.7 items a line at
// 5.5 × 8.5 in, 14.5 at A5 (a run a word, the links, the furniture). A
// page that holds more grows its array by append, as any slice.
const (
	itemsChunk   = 4096
	itemsPerLine = 16
)

// sortedKeys returns the keys of m in increasing order.
func sortedKeys(m map[int][2]float64) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// modelBuilder builds a Document from a pageSet.
type modelBuilder struct {
	L *pageSet
	d *Document
	// elems maps an element's key to its index in d.Elements.
	elems map[string]int
	// refs maps a note's number to the elements of its marks.
	refs map[int][]int
	// items holds the pages' items one page after another: each page's
	// are appended to its spare capacity and kept as a slice of it, so
	// that they are neither gathered elsewhere nor copied. A page starts
	// a new array (itemsChunk) when the room left is short; if a page
	// fills what it was given, append moves its items so far to a larger
	// array, which the next pages go on filling.
	items []Item
}

// element returns the index of the element named key, adding it with the
// given role, parent, ID and note number if it is new.
func (mb *modelBuilder) element(key string, role Role, parent int, id string, note int) int {
	if i, ok := mb.elems[key]; ok {
		return i
	}
	i := len(mb.d.Elements)
	mb.d.Elements = append(mb.d.Elements, Element{Role: role, Parent: parent, ID: id, Note: note})
	mb.elems[key] = i
	if role == NoteRefRole {
		mb.refs[note] = append(mb.refs[note], i)
	}
	return i
}

var pageKinds = [...]PageKind{
	pageBlank: Blank, pageHalfTitle: FrontMatter, pageTitle: FrontMatter, pageImprint: FrontMatter,
	pageContents: FrontMatter, pageOpening: Opening, pageBody: Body,
}

// page fills out from p: the running head and folios, the lines, the
// footnote rule and the notes, in that order, after the destinations.
func (mb *modelBuilder) page(out *Page, p *page, dests []Item) {
	g := mb.L.g
	if room := 8 + len(dests) + itemsPerLine*(len(p.lines)+len(p.notes)); cap(mb.items)-len(mb.items) < room {
		mb.items = make([]Item, 0, max(room, itemsChunk))
	}
	start := len(mb.items)
	*out = Page{Number: p.number, Folio: p.folio, Kind: pageKinds[p.kind], Outline: p.bookmark, Start: p.start, Items: append(mb.items[start:start], dests...)}
	left := g.Left(p.recto())
	mb.L.furniture(p, func(role Role, r Run) {
		out.Items = append(out.Items, Item{Kind: RunItem, Role: role, Element: Artifact, Run: r})
	})
	for _, pl := range p.lines {
		mb.line(out, pl)
	}
	if p.ruleY > 0 {
		out.Items = append(out.Items, Item{Kind: RuleItem, Role: NoteRuleRole, Element: Artifact,
			Rule: &Rule{X1: left, Y1: p.ruleY, X2: left + g.Measure/4, Y2: p.ruleY, Width: 0.4}})
	}
	for _, pl := range p.notes {
		mb.line(out, pl)
	}
	n := len(out.Items)
	if n == 0 {
		out.Items = nil
		return
	}
	if start < cap(mb.items) && &out.Items[0] == &mb.items[:start+1][start] {
		mb.items = mb.items[:start+n] // filled in place
	} else {
		mb.items = out.Items // moved: the next pages follow in its room
	}
	out.Items = out.Items[:n:n]
}

// furniture calls each with the runs of p's furniture, in the order the
// page model holds them, each with its role: the running head, centred on
// the head line, and the folio, in the head line's outer corner or centred
// at the foot.
func (L *pageSet) furniture(p *page, each func(role Role, r Run)) {
	g := L.g
	left := g.Left(p.recto())
	run := func(role Role, f Face, size, x, y float64, s string, align float64) {
		gs, w := shapeRun(L.m[f], s, size, 0, 0)
		each(role, Run{Face: f, Size: size, HScale: 100, X: x - align*w, Y: y, W: w, Text: s, Glyphs: gs})
	}
	if p.head != "" {
		run(RunningHeadRole, Italic, g.HeadSize, left+g.Measure/2, g.HeadBaseline, p.head, 0.5)
	}
	if p.headFolio {
		if p.recto() {
			run(FolioRole, Roman, g.HeadSize+0.5, left+g.Measure, g.HeadBaseline, p.folio, 1)
		} else {
			run(FolioRole, Roman, g.HeadSize+0.5, left, g.HeadBaseline, p.folio, 0)
		}
	}
	if p.dropFolio {
		run(FolioRole, Roman, g.HeadSize+0.5, left+g.Measure/2, g.FootBaseline, p.folio, 0.5)
	}
}

// block returns the element a placed line belongs to: a paragraph, a
// heading, a title or an entry of the contents; a footnote's paragraphs
// are inside the note's element.
func (mb *modelBuilder) block(pl placed) int {
	role, key, id := pl.role, pl.key, pl.line.para
	if role == 0 {
		role = ParagraphRole
	}
	if key == "" {
		key = "p:" + pl.line.para
	}
	parent := -1
	switch {
	case pl.inNote > 0:
		n := strconv.Itoa(pl.inNote)
		parent = mb.element("note:"+n, NoteRole, -1, "", pl.inNote)
		if pl.note > 0 {
			// The note's number comes before its first paragraph.
			mb.element("note:"+n+"|label", NoteLabelRole, parent, "", pl.note)
		}
	case role == TOCItemRole:
		parent = mb.element("toc", TOCRole, -1, "contents", 0)
		id = key[len("toc:"):]
	case strings.HasPrefix(key, "h:"):
		id = key[2:]
	case strings.HasPrefix(key, "front:"):
		id = key[6:]
	case pl.quote != "":
		// A block quotation's paragraphs are inside it, named by the
		// first one.
		parent = mb.element("q:"+pl.quote, QuotationRole, -1, pl.quote, 0)
	}
	return mb.element(key, role, parent, id, 0)
}

// line adds the runs of a placed line and its links: note marks to their
// notes, note numbers back to their marks, URLs and contents entries. A
// link over several runs is one area, added after the run that follows
// it, as it is known to end only there.
func (mb *modelBuilder) line(out *Page, pl placed) {
	base := mb.block(pl)
	baseKey := mb.keyOf(pl)
	var linkStart, linkEnd, linkSize float64
	var linkURL string
	var linkElem int
	flush := func() {
		if linkURL == "" {
			return
		}
		l := &Link{X: pl.x + linkStart, Y: pl.y - linkSize*0.8, W: linkEnd - linkStart, H: linkSize * 1.05}
		if id, ok := internalTarget(linkURL); ok {
			l.Dest = id
		} else {
			l.URL = linkURL
		}
		out.Items = append(out.Items, Item{Kind: LinkItem, Role: LinkRole, Element: linkElem, Link: l})
		linkURL = ""
	}
	for _, f := range pl.line.frags {
		if f.Text == "" {
			continue
		}
		r := f.refs()
		elem, role := base, mb.d.Elements[base].Role
		switch {
		case r.Note > 0:
			elem, role = mb.element(baseKey+"|ref"+strconv.Itoa(r.Note), NoteRefRole, base, "", r.Note), NoteRefRole
		case r.Back > 0:
			note := mb.d.Elements[base].Parent
			elem, role = mb.element("note:"+strconv.Itoa(r.Back)+"|label", NoteLabelRole, note, "", r.Back), NoteLabelRole
		case r.URL != "":
			elem, role = mb.element(baseKey+"|link"+strconv.Itoa(r.link), LinkRole, base, r.URL, 0), LinkRole
		case f.label == speakerLabel:
			elem, role = mb.element(baseKey+"|speaker", SpeakerRole, base, "", 0), SpeakerRole
		case f.label == directionLabel:
			key := baseKey + "|direction"
			if r.dir > 0 {
				key += strconv.Itoa(r.dir)
			}
			elem, role = mb.element(key, DirectionRole, base, "", 0), DirectionRole
		}
		x, y := pl.x+f.X, pl.y-f.Rise
		out.Items = append(out.Items, Item{Kind: RunItem, Role: role, Element: elem, Lang: r.lang,
			Run: Run{Face: f.Face, Size: f.Size, HScale: hscale(f.Expand), Track: f.Track, X: x, Y: y, W: f.W, Text: f.Text, Glyphs: f.glyphs, Space: f.space, Hyphen: f.hyphen}})
		switch {
		case r.Note > 0:
			out.Items = append(out.Items, Item{Kind: LinkItem, Role: NoteRefRole, Element: elem,
				Link: &Link{X: pl.x + f.X - 1, Y: y - f.Size, W: f.W + 2, H: f.Size * 1.2, Dest: NoteDest(r.Note)}})
		case r.Back > 0:
			out.Items = append(out.Items, Item{Kind: LinkItem, Role: NoteLabelRole, Element: elem,
				Link: &Link{X: pl.x + f.X - 1, Y: y - f.Size, W: f.W + 2, H: f.Size * 1.2, Dest: MarkDest(r.Back)}})
		}
		if r.URL != linkURL {
			flush()
			if r.URL != "" {
				linkURL, linkStart, linkSize, linkElem = r.URL, f.X, f.Size, elem
			}
		}
		if r.URL != "" {
			linkEnd = f.X + f.W
		}
	}
	flush()
}

// keyOf is the key of the element a placed line belongs to (see block).
func (mb *modelBuilder) keyOf(pl placed) string {
	if pl.key != "" {
		return pl.key
	}
	return "p:" + pl.line.para
}

// hscale is the horizontal scale in percent of a run expanded by e (its
// line's font expansion), to a hundredth of a percent.
func hscale(e float64) float64 {
	return math.Round(10000*(1+e)) / 100
}
