package layout

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"edition/edition"
	"edition/edition/hyphen"
	"edition/edition/layout/shape"
	"edition/edition/linebreak"
)

// frag is a run of characters set in one font, size and position: the unit
// that is drawn. X is relative to the start of its box while a paragraph is
// built, and to the left edge of the text block once the line is set. Its
// fields are ordered so that none is padded: a book sets millions of runs.
type frag struct {
	X     float64
	Size  float64
	Rise  float64 // baseline shift upwards, in points
	Track float64 // extra space after every character, in points
	W     float64 // advance of the whole run, tracking included
	// Expand is the run's horizontal scale less one: the font expansion
	// of its line (drawn with Tz), already applied to X and W.
	Expand float64
	Text   string
	// glyphs are what the run draws: Text shaped in Face (see shapeRun).
	glyphs []shape.Glyph
	// ref is what the run is part of beyond its style, nil for most runs
	// (see runRef).
	ref  *runRef
	Face Face
	// label marks runs that are not part of the paragraph's text in the
	// model (a speaker's name, a stage direction after it) and the runs of
	// a direction within the turn's text.
	label labelKind
	// space tells that a word space follows the run in the text: on its
	// line, or at the end of a line broken at a space. hyphen marks a hyphen
	// added at a line break, which is not part of the text. (Both for the
	// text a tagged PDF carries; see Run.)
	space, hyphen bool
}

// runRef is what a run is part of beyond its style: a link, text in
// another language, a note's mark or number, a direction. Few runs are:
// they hold it behind a pointer, nil for none (newRef), so that a run stays
// small; runs share one and never change it.
type runRef struct {
	URL string // the run is part of a link to URL
	// lang is the run's language when it differs from the book's ("" for
	// the book's): such runs are not hyphenated with English patterns.
	lang string
	Note int // the run is the mark of note Note, linked to it
	Back int // the run is the number of note Back, linked to its mark
	// dir numbers the directions within a paragraph's text from 1, so
	// that the runs of one are known as one; 0 elsewhere.
	dir int
	// link numbers the links of a paragraph from 1, so that the runs of
	// one link are known as one; 0 outside links.
	link int
}

// newRef returns r to be held by runs: nil when it is the zero runRef.
func newRef(r runRef) *runRef {
	if r == (runRef{}) {
		return nil
	}
	return &r
}

// sameRef reports whether runs holding a and b are part of the same.
func sameRef(a, b *runRef) bool {
	return a == b || a != nil && b != nil && *a == *b
}

// value returns *r, the zero runRef for nil.
func (r *runRef) value() runRef {
	if r == nil {
		return runRef{}
	}
	return *r
}

// refs returns what f is part of (the zero runRef for nothing).
func (f *frag) refs() runRef { return f.ref.value() }

// labelKind tells which label of a turn a run belongs to.
type labelKind uint8

const (
	noLabel        labelKind = iota
	speakerLabel             // the speaker's name and the colon after it
	directionLabel           // a stage direction in parentheses
)

// piece is what an item of the line breaker stands for. Its runs are not
// changed once it holds them: the pieces of a word set again share them
// (see replay), and a set line holds copies.
type piece struct {
	frags []frag // a box's runs; a penalty's text when the line breaks there
	notes []int  // notes whose mark is in the box
	// alt holds a discretionary's other runs (frags holds its pre-break
	// runs); nil for other items.
	alt  *altRuns
	rune int // plain-text offset of the box's first character
	// postRune is the plain-text offset of a discretionary's first
	// post-break character, rune that of its no-break runs.
	postRune int
	// urlGlue marks the small stretch at a URL's break point.
	urlGlue bool
}

// altRuns are a discretionary's runs at the start of the next line when
// the line breaks there (post), and in the line when it does not
// (noBreak). Few items are discretionaries: their pieces hold these behind
// a pointer, so that a piece stays small.
type altRuns struct {
	post, noBreak []frag
}

// post returns pc's post-break runs, if it is a discretionary.
func (pc *piece) post() []frag {
	if pc.alt == nil {
		return nil
	}
	return pc.alt.post
}

// noBreak returns pc's no-break runs, if it is a discretionary.
func (pc *piece) noBreak() []frag {
	if pc.alt == nil {
		return nil
	}
	return pc.alt.noBreak
}

// paragraph is a paragraph turned into the line breaker's items, with what
// each item draws.
type paragraph struct {
	id     string
	items  []linebreak.Item
	pieces []piece
}

// textStyle is what applies at a point of the inline tree.
type textStyle struct {
	face Face
	size float64
	// ref is what the text is part of: a link (its number in the
	// paragraph, see runRef.link), another language, a direction.
	ref *runRef
}

// paraBuilder turns inline content into items. It checks every character
// against the font that will draw it and collects the ones missing.
type paraBuilder struct {
	m    [4]*Metrics
	errs *edition.ErrorList
	p    *paragraph
	// word is the word being gathered: its runs, without their text, and
	// its characters, each knowing its run.
	word  []frag
	runes []wordRune
	// breaks, at, cut, pts, runGlyphs, buf and arena are scratch space
	// reused from word to word.
	breaks    []int
	pts       []int
	at        []int
	cut       []int
	runGlyphs [][]shape.Glyph
	buf       []byte
	arena     []frag
	// wordStart is the plain-text offset of the word's first character.
	wordStart int
	wordEnd   bool // the current word contains at least one character
	rune      int
	// hyphenate is false for text that must not be hyphenated (titles).
	hyphenate bool
	// label marks the characters added as labels (see frag.label).
	label labelKind
	// dirs and links count the paragraph's directions and links so far
	// (see runRef).
	dirs, links int
	// pos is the source position of the text being added, for errors.
	pos edition.Pos
}

// builders keeps paragraph builders, with their paragraph's items and
// their scratch space, for reuse once a paragraph is set (see release).
var builders = sync.Pool{New: func() any { return &paraBuilder{p: &paragraph{}} }}

func newParaBuilder(m [4]*Metrics, errs *edition.ErrorList, id string) *paraBuilder {
	old := builders.Get().(*paraBuilder)
	p := old.p
	p.id = id
	return &paraBuilder{m: m, errs: errs, p: p, hyphenate: true,
		word: old.word[:0], runes: old.runes[:0], breaks: old.breaks[:0], pts: old.pts[:0], cut: old.cut[:0], runGlyphs: old.runGlyphs[:0], at: old.at[:0], buf: old.buf[:0], arena: old.arena[:0]}
}

// itemsPerByte is about how many items a paragraph's text makes per byte:
// 0.48 for half the book's paragraphs, 0.51 for nine in ten; a few short
// ones (a label, a word or two) make more, and their lists grow as before.
const itemsPerByte = 0.55

// reserve makes room in b's paragraph for the items that content will
// probably make (see itemsPerByte), so that the lists of a paragraph are
// allocated once rather than doubled a dozen times as they fill, each
// doubling copying the items so far to fresh memory.
func (b *paraBuilder) reserve(content []edition.Inline) {
	n := 0
	edition.Walk(content, func(in edition.Inline) bool {
		if t, ok := in.(*edition.Text); ok {
			n += len(t.Text)
		}
		return true
	})
	n = int(float64(n)*itemsPerByte) + 16
	b.p.items = withRoom(b.p.items, n)
	b.p.pieces = withRoom(b.p.pieces, n)
}

// withRoom returns s with room for n more elements. Unlike slices.Grow,
// which zeroes the room it adds (touching every page of it), it leaves the
// room as make gives it: memory not yet written, which the system maps only
// when it is.
func withRoom[S ~[]E, E any](s S, n int) S {
	if cap(s)-len(s) >= n {
		return s
	}
	t := make(S, len(s), len(s)+n)
	copy(t, s)
	return t
}

// release gives b back for reuse, once its paragraph is set: set lines hold
// copies of the runs, not references into the paragraph.
func (b *paraBuilder) release() {
	p := b.p
	clear(p.pieces) // let go of what the runs refer to
	clear(b.arena)
	p.items, p.pieces = p.items[:0], p.pieces[:0]
	b.arena = b.arena[:0]
	b.m, b.errs = [4]*Metrics{}, nil
	builders.Put(b)
}

// addBox adds a box of width w drawing pc's runs. Its glyphs may be
// expanded with its line unless a run is letter-spaced (small capitals),
// part of a URL or a note's number; its first and last characters may hang
// into the margins by the amounts of the protrusion table, unless they are
// note marks or a note's number.
func (b *paraBuilder) addBox(w float64, pc piece) {
	it := linebreak.Item{Kind: linebreak.Box, Width: w, Expandable: len(pc.frags) > 0}
	for i := range pc.frags {
		if f := &pc.frags[i]; f.Track != 0 || f.refs().URL != "" || f.refs().Back != 0 {
			it.Expandable = false
		}
	}
	if n := len(pc.frags); n > 0 {
		if f := &pc.frags[0]; f.refs().Note == 0 && f.refs().Back == 0 && f.Rise == 0 && f.Text != "" {
			r, _ := utf8.DecodeRuneInString(f.Text)
			it.ProtrudeLeft, _ = protrudes(b.m[f.Face], r, f.Size)
		}
		if f := &pc.frags[n-1]; f.refs().Note == 0 && f.refs().Back == 0 && f.Rise == 0 && f.Text != "" {
			r, _ := utf8.DecodeLastRuneInString(f.Text)
			_, it.ProtrudeRight = protrudes(b.m[f.Face], r, f.Size)
		}
	}
	b.p.items = append(b.p.items, it)
	b.p.pieces = append(b.p.pieces, pc)
}

func (b *paraBuilder) addGlue(w, stretch, shrink float64) {
	b.p.items = append(b.p.items, linebreak.Item{Kind: linebreak.Glue, Width: w, Stretch: stretch, Shrink: shrink})
	b.p.pieces = append(b.p.pieces, piece{})
}

func (b *paraBuilder) addPenalty(w, penalty float64, flagged bool, fr []frag) {
	b.p.items = append(b.p.items, linebreak.Item{Kind: linebreak.Penalty, Width: w, Penalty: penalty, Flagged: flagged})
	b.p.pieces = append(b.p.pieces, piece{frags: fr})
}

// indent starts the paragraph with an empty box of width w.
func (b *paraBuilder) indent(w float64) {
	b.addBox(w, piece{rune: b.rune})
}

// space adds an interword space of the given face and size: TeX's
// proportions, stretching by half and shrinking by a third.
func (b *paraBuilder) space(st textStyle, breakable bool) {
	b.flush()
	w := float64(b.m[st.face].Width(' ')) * st.size / 1000
	if !breakable {
		b.addPenalty(0, linebreak.Infinity, false, nil)
	} else if n := len(b.p.items); n > 0 && b.p.items[n-1].Kind == linebreak.Glue {
		return // a space after a space adds nothing
	}
	b.addGlue(w, w/2, w/3)
}

// char appends r, set in st, to the current word.
func (b *paraBuilder) char(r rune, st textStyle, pos edition.Pos) {
	if !b.m[st.face].Covers(r) {
		b.missing(r, st, pos)
	}
	if !b.wordEnd {
		b.wordStart = b.rune
		b.wordEnd = true
	}
	b.rune++
	n := len(b.word)
	if n > 0 {
		last := &b.word[n-1]
		// (A note mark's run holds a note, which no style does.)
		if last.Face == st.face && last.Size == st.size && sameRef(last.ref, st.ref) && last.Rise == 0 && last.Track == 0 && last.label == b.label {
			b.runes = append(b.runes, wordRune{r, n - 1})
			return
		}
	}
	b.word = append(b.word, frag{Face: st.face, Size: st.size, ref: st.ref, label: b.label})
	b.runes = append(b.runes, wordRune{r, n})
}

// missing reports r, set in st at pos, as not in the print font.
func (b *paraBuilder) missing(r rune, st textStyle, pos edition.Pos) {
	b.errs.Add(pos, fmt.Sprintf("character %q (U+%04X) is not in the print font (%s)", r, r, st.face.fileName()))
}

// wordRune is a character of the word being gathered and the index of its
// run in paraBuilder.word.
type wordRune struct {
	r    rune
	frag int
}

// mark appends a raised note mark to the current word.
func (b *paraBuilder) mark(n int, st textStyle) {
	if !b.wordEnd {
		b.wordStart = b.rune
		b.wordEnd = true
	}
	size := st.size * MarkScale
	b.word = append(b.word, frag{Face: Roman, Size: size, Rise: st.size * MarkRise,
		ref: newRef(runRef{Note: n, lang: st.ref.value().lang})})
	for _, r := range strconv.Itoa(n) {
		b.runes = append(b.runes, wordRune{r, len(b.word) - 1})
	}
}

// Note marks are set at MarkScale of the text size, raised by MarkRise of
// the text size: a superior figure drawn from the regular figures.
const (
	MarkScale = 0.62
	MarkRise  = 0.36
)

// flush ends the current word, adding its boxes and its possible breaks.
// A word set before in the same way is added as it was set then (see
// words).
func (b *paraBuilder) flush() {
	if len(b.word) == 0 {
		b.wordEnd = false
		return
	}
	key, memo := b.memoKey()
	var text string
	if memo {
		if w := lookup(b.buf, key); w != nil {
			b.replay(w)
			return
		}
		text = string(b.buf)
	}
	items, pieces := len(b.p.items), len(b.p.pieces)
	b.setWord()
	if memo {
		b.remember(text, key, items, pieces)
	}
}

// setWord ends the current word, adding its boxes and its possible breaks
// (see flush).
func (b *paraBuilder) setWord() {
	word, rs := b.word, b.runes
	b.wordEnd = false
	// The word's text, once; each run's text is a part of it.
	b.buf = b.buf[:0]
	at := b.at[:0] // byte offset of each rune in text
	for _, x := range rs {
		at = append(at, len(b.buf))
		b.buf = utf8.AppendRune(b.buf, x.r)
	}
	at = append(at, len(b.buf))
	b.at = at
	text := string(b.buf)
	// breaks[i] > 0: a break is allowed before rune i: 1 with a hyphen
	// added, 2 after an explicit hyphen, 3 inside a URL.
	breaks := b.breaks[:0]
	for range len(rs) + 1 {
		breaks = append(breaks, 0)
	}
	b.breaks = breaks
	// What the word's runs are, looked at once rather than for each
	// character: most words are one run of the book's language, outside
	// links and note marks.
	hasURL, plain := false, true
	for k := range word {
		f := &word[k]
		r := f.refs()
		hasURL = hasURL || r.URL != ""
		plain = plain && r.Note == 0 && r.URL == "" && r.lang == ""
	}
	isLetter := func(i int) bool {
		if !plain {
			if r := word[rs[i].frag].refs(); r.Note != 0 || r.URL != "" || r.lang != "" {
				return false
			}
		}
		return unicode.IsLetter(rs[i].r) || rs[i].r == '’' && i > 0
	}
	// Explicit hyphens and en dashes between letters or figures.
	for i := 1; i+1 < len(rs); i++ {
		if hasURL && word[rs[i].frag].refs().URL != "" {
			continue
		}
		if (rs[i].r == '-' || rs[i].r == '–') && unicode.IsLetter(rs[i-1].r) && unicode.IsLetter(rs[i+1].r) {
			breaks[i+1] = 2
		}
	}
	// Pattern hyphenation of each run of letters.
	if b.hyphenate {
		for i := 0; i < len(rs); {
			if !isLetter(i) {
				i++
				continue
			}
			j := i
			for j < len(rs) && isLetter(j) {
				j++
			}
			// Trailing apostrophes are not part of the word.
			k := j
			for k > i && rs[k-1].r == '’' {
				k--
			}
			if k-i >= 5 {
				b.pts = hyphen.English().AppendPoints(b.pts[:0], text[at[i]:at[k]])
				for _, p := range b.pts {
					if p > 0 && p < k-i {
						breaks[i+p] = 1
					}
				}
			}
			i = j
		}
	}
	// URLs break as the Chicago Manual of Style has it: after "//" or a
	// colon, before a single slash, a full stop, a hyphen, an underscore,
	// "?", "#", "%", "~", "=" or "&" (CMOS allows after "=" and "&" too;
	// one break point each keeps "=" from looking spaced). The character
	// that starts a line then shows the URL goes on.
	for i := 1; hasURL && i < len(rs); i++ {
		if word[rs[i-1].frag].refs().URL == "" || word[rs[i].frag].refs().URL == "" || i+1 >= len(rs) {
			continue
		}
		prev, cur := rs[i-1].r, rs[i].r
		switch {
		case prev == '/' && i >= 2 && rs[i-2].r == '/':
			breaks[i] = 3
		case prev == ':' && cur != '/':
			breaks[i] = 3
		case cur == '/' && prev != '/' && prev != ':' && rs[i+1].r != '/':
			breaks[i] = 3
		case strings.ContainsRune(".-_?#%~=&", cur) && prev != '/':
			breaks[i] = 3
		}
	}
	// Each run of the word is shaped whole, so that a ligature spanning a
	// hyphenation point is kept when the word is not broken there.
	// cut[i] is the index in its run's glyphs of the glyph cluster that
	// starts at rune i, -1 if rune i is inside a cluster (a ligature), -2
	// throughout a run whose clusters do not follow its characters in
	// order: such a run is shaped piece by piece, as cut at its breaks.
	cut := b.cut[:0]
	runGlyphs := b.runGlyphs[:0]
	for range len(word) {
		runGlyphs = append(runGlyphs, nil)
	}
	for i := 0; i < len(rs); {
		fi := rs[i].frag
		j := i
		for j < len(rs) && rs[j].frag == fi {
			cut = append(cut, -1)
			j++
		}
		f := &word[fi]
		gs, _ := shapeRun(b.m[f.Face], text[at[i]:at[j]], f.Size, f.Track, 0)
		runGlyphs[fi] = gs
		off, r := at[i], i
		for k := range gs {
			g := &gs[k]
			if g.Text == "" {
				continue
			}
			for r < j && at[r] < off {
				r++
			}
			if r >= j || at[r] != off {
				off = -1
				break
			}
			cut[r] = k
			off += len(g.Text)
		}
		if off != at[j] || cut[i] != 0 {
			for r := i; r < j; r++ {
				cut[r] = -2
			}
		}
		i = j
	}
	b.cut, b.runGlyphs = cut, runGlyphs
	// glyphsOf returns the glyphs and the advance of runes s..e, all of
	// one run, cut at cluster boundaries.
	glyphsOf := func(s, e int) ([]shape.Glyph, float64) {
		fi := rs[s].frag
		f := &word[fi]
		if cut[s] == -2 {
			return shapeRun(b.m[f.Face], text[at[s]:at[e]], f.Size, f.Track, 0)
		}
		gs := runGlyphs[fi]
		hi := len(gs)
		if e < len(rs) && rs[e].frag == fi {
			hi = cut[e]
		}
		g := gs[cut[s]:hi:hi]
		return g, float64(shape.Width(g))*f.Size/1000 + float64(len(g))*f.Track
	}
	// Emit: boxes between breaks.
	r0 := b.wordStart
	emit := func(start, end int) {
		if start >= end {
			return
		}
		// The box's runs: one per change of run between start and end.
		n := 1
		for i := start + 1; i < end; i++ {
			if rs[i].frag != rs[i-1].frag {
				n++
			}
		}
		fr := b.frags(n)
		x := 0.0
		nr := 0
		var notes []int
		for i := start; i < end; {
			j := i
			for j < end && rs[j].frag == rs[i].frag {
				j++
			}
			fr = append(fr, word[rs[i].frag])
			f := &fr[len(fr)-1]
			f.Text = text[at[i]:at[j]]
			f.X = x
			f.glyphs, f.W = glyphsOf(i, j)
			x += f.W
			if n := f.refs().Note; n > 0 {
				notes = append(notes, n)
			} else {
				nr += j - i
			}
			i = j
		}
		b.addBox(x, piece{frags: fr, rune: r0, notes: notes})
		r0 += nr
	}
	hyphenAfter := func(prev frag) frag {
		// The hyphen is part of what its word is part of, but for a
		// note's mark or number.
		h := frag{Text: "-", Face: prev.Face, Size: prev.Size, ref: prev.ref, label: prev.label, hyphen: true}
		if r := prev.refs(); r.Note != 0 || r.Back != 0 {
			r.Note, r.Back = 0, 0
			h.ref = newRef(r)
		}
		h.glyphs, h.W = shapeRun(b.m[h.Face], "-", h.Size, 0, 0)
		return h
	}
	// disc adds the discretionary of a hyphenation point at rune p inside
	// the cluster of runes c0..c1 (TeX's \discretionary): before a break,
	// the cluster's first part and a hyphen; after it, the second part;
	// unbroken, the cluster itself. Each part is shaped on its own.
	disc := func(c0, p, c1 int) {
		f := word[rs[c0].frag]
		part := func(s, e int) frag {
			g := f
			g.Text = text[at[s]:at[e]]
			g.glyphs, g.W = shapeRun(b.m[g.Face], g.Text, g.Size, g.Track, 0)
			return g
		}
		pre, post := part(c0, p), part(p, c1)
		h := hyphenAfter(pre)
		whole := f
		whole.Text = text[at[c0]:at[c1]]
		whole.glyphs, whole.W = glyphsOf(c0, c1)
		it := linebreak.Item{Kind: linebreak.Penalty, Penalty: hyphenPenalty, Flagged: true,
			Width: pre.W + h.W, PostBreak: post.W, NoBreak: whole.W,
			Expandable: f.refs().URL == "" && f.Track == 0}
		_, it.ProtrudeRight = protrudes(b.m[h.Face], '-', h.Size)
		it.ProtrudeLeft, _ = protrudes(b.m[f.Face], rs[p].r, f.Size)
		b.p.items = append(b.p.items, it)
		b.p.pieces = append(b.p.pieces, piece{frags: []frag{pre, h}, alt: &altRuns{post: []frag{post}, noBreak: []frag{whole}},
			rune: r0, postRune: r0 + p - c0})
		r0 += c1 - c0
	}
	start := 0
	for i := 1; i < len(rs); i++ {
		if breaks[i] == 0 || i < start {
			continue
		}
		if cut[i] == -1 {
			// Inside a ligature: a hyphenation point becomes a
			// discretionary, unless the ligature begins or ends the word
			// (a line must begin and end with material of the word's own);
			// other breaks are not taken there.
			c0, c1 := i-1, i+1
			for cut[c0] == -1 {
				c0--
			}
			for c1 < len(rs) && cut[c1] == -1 {
				c1++
			}
			if breaks[i] != 1 || c0 < start || c0 == 0 || c1 >= len(rs) {
				continue
			}
			emit(start, c0)
			disc(c0, i, c1)
			start = c1
			continue
		}
		emit(start, i)
		start = i
		prev := word[rs[i-1].frag]
		switch breaks[i] {
		case 1:
			h := hyphenAfter(prev)
			b.addPenalty(h.W, hyphenPenalty, true, append(b.frags(1), h))
			// The added hyphen is expanded with its line, and hangs.
			it := &b.p.items[len(b.p.items)-1]
			it.Expandable = h.refs().URL == ""
			_, it.ProtrudeRight = protrudes(b.m[h.Face], '-', h.Size)
		case 2:
			b.addPenalty(0, exHyphenPenalty, true, nil)
		case 3:
			// Like LaTeX's \Urlmuskip, a URL may stretch a little where it
			// may break, so that a line holding most of a long URL is not
			// justified by its one or two spaces alone. The glue follows an
			// infinite penalty, so it is not itself a break.
			b.addPenalty(0, urlPenalty, false, nil)
			b.addPenalty(0, linebreak.Infinity, false, nil)
			b.addGlue(0, prev.Size*urlStretch, 0)
			b.p.pieces[len(b.p.pieces)-1].urlGlue = true
		}
	}
	emit(start, len(rs))
	clear(word) // no URL strings kept alive by the scratch space
	b.word, b.runes = word[:0], rs[:0]
}

// frags returns an empty slice with room for n runs, taken from the
// paragraph's arena.
func (b *paraBuilder) frags(n int) []frag {
	if cap(b.arena)-len(b.arena) < n {
		b.arena = make([]frag, 0, max(n, 2*cap(b.arena), 16))
	}
	fr := b.arena[len(b.arena) : len(b.arena) : len(b.arena)+n]
	b.arena = b.arena[:len(b.arena)+n]
	return fr
}

// TeX's hyphenpenalty and exhyphenpenalty; a break inside a URL costs more.
const (
	hyphenPenalty   = 50
	exHyphenPenalty = 50
	urlPenalty      = 100
	// urlStretch is the stretch at each break point of a URL, per point of
	// type size: LaTeX's \Urlmuskip of 0mu plus 1mu is 1/18 em.
	urlStretch = 1.0 / 18
	// urlMaxRatio caps how far a URL's break points stretch when set: a
	// URL must not look as if it held spaces.
	urlMaxRatio = 1
)

// inlines adds content set in st.
func (b *paraBuilder) inlines(content []edition.Inline, st textStyle) {
	for _, in := range content {
		switch n := in.(type) {
		case *edition.Text:
			b.text(n.Text, st, n.Pos)
		case *edition.Emphasis:
			s := st
			s.face ^= Italic // emphasis inside emphasis is Roman again
			b.inlines(n.Content, s)
		case *edition.Quoted:
			open, close := n.Marks()
			b.text(open, st, b.pos)
			b.inlines(n.Content, st)
			b.text(close, st, b.pos)
		case *edition.Foreign:
			s, r := st, st.ref.value()
			r.lang = n.Lang
			s.ref = newRef(r)
			b.inlines(n.Content, s)
		case *edition.Link:
			s, r := st, st.ref.value()
			b.links++
			r.URL, r.link = n.URL, b.links
			s.ref = newRef(r)
			b.inlines(n.Content, s)
		case *edition.Direction:
			// In italics between parentheses, as a direction after a
			// speaker's name is set, and like it an element of its own.
			s, r := st, st.ref.value()
			s.face ^= Italic
			open, close := n.Marks()
			label := b.label
			b.dirs++
			r.dir = b.dirs
			s.ref = newRef(r)
			b.label = directionLabel
			b.text(open, s, b.pos)
			b.inlines(n.Content, s)
			b.text(close, s, b.pos)
			b.label = label
		case *edition.NoteRef:
			b.mark(n.Number, st)
		default:
			b.inlines(edition.Children(in), st)
		}
	}
}

// text adds the characters of s.
func (b *paraBuilder) text(s string, st textStyle, pos edition.Pos) {
	if pos.File != "" {
		b.pos = pos
	}
	// same is set once the current word's last run is one in st: the
	// characters after it join that run without comparing styles again
	// (within one call nothing but a space, which ends the word, can
	// change the run a character goes to).
	same := false
	for _, r := range s {
		switch r {
		case ' ', '\n', '\t':
			b.rune++
			b.space(st, true)
			same = false
		case '\u00a0':
			b.rune++
			b.space(st, false)
			same = false
		default:
			if !same {
				b.char(r, st, b.pos)
				same = true
				continue
			}
			if !b.m[st.face].Covers(r) {
				b.missing(r, st, b.pos)
			}
			b.rune++
			b.runes = append(b.runes, wordRune{r, len(b.word) - 1})
		}
	}
}

// smallCaps adds name in small capitals: the font's own (smcp), each
// word's capitals kept as capitals, tracked a little. The plain-text
// offsets are not advanced: a speaker's name is not part of the
// paragraph's text in the model.
func (b *paraBuilder) smallCaps(name string, st textStyle) {
	for i, w := range strings.Fields(name) {
		if i > 0 {
			b.flush()
			sw := float64(b.m[st.face].Width(' ')) * st.size / 1000
			b.addPenalty(0, linebreak.Infinity, false, nil)
			b.addGlue(sw, sw/2, sw/3)
		}
		track := st.size * smallCapTrack
		sc := frag{Text: w, Face: st.face, Size: st.size, Track: track, label: b.label}
		sc.glyphs, sc.W = shapeRun(b.m[st.face], w, st.size, track, shape.Smcp)
		// No tracking after the last letter: what follows is set close, as
		// the colon after a name must be.
		sc.W -= track
		for _, r := range w {
			if !b.m[st.face].Covers(r) {
				b.errs.Add(b.pos, fmt.Sprintf("character %q (U+%04X) is not in the print font (%s)", r, r, st.face.fileName()))
			}
		}
		b.addBox(sc.W, piece{frags: []frag{sc}, rune: b.rune})
	}
}

// Small capitals are tracked by 7.5% of the size, as a typesetter spaces
// a string of capitals or small capitals (docs/print-measurements.md has
// how the pages fare with other values).
const smallCapTrack = 0.075

// finish ends the paragraph: the last word, then TeX's \parfillskip and the
// forced break.
func (b *paraBuilder) finish() *paragraph {
	b.flush()
	// Drop a trailing space.
	for n := len(b.p.items); n > 0 && b.p.items[n-1].Kind != linebreak.Box; n = len(b.p.items) {
		b.p.items = b.p.items[:n-1]
		b.p.pieces = b.p.pieces[:n-1]
	}
	before := len(b.p.items)
	b.p.items = linebreak.Finish(b.p.items)
	for i := before; i < len(b.p.items); i++ {
		b.p.pieces = append(b.p.pieces, piece{})
	}
	return b.p
}
