package layout

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"edition/edition"
	"edition/edition/linebreak"
	"edition/internal/parallel"
)

// rowKind tells what a row of the text block holds.
type rowKind uint8

const (
	rowText      rowKind = iota // a line of a paragraph
	rowHeading                  // a section's opening: sink and title
	rowSignature                // the preface's signature, set right
	rowSpace                    // blank lines
	// rowPending stands for a body paragraph not yet set, while the book is
	// walked: startParagraphs sets it, and next gives its lines in its place.
	rowPending
)

// row is one unit of the vertical flow of the body: a set line, or a
// section's heading. Its height is a whole number of body lines, so every
// page keeps the baseline grid. Make-up copies rows over and over: its
// fields are ordered so that none is padded, and a heading's lines are
// behind a pointer.
type row struct {
	line  line
	x     float64 // indent from the left of the text block
	lines int     // height in body lines
	// idx and count place a text row in its paragraph.
	idx, count int
	// sec is the section the row belongs to (its title is the running
	// head), shared by its rows.
	sec *section
	// quote is the ID of the first paragraph of the block quotation a text
	// row belongs to; empty outside quotations.
	quote string
	// head is a heading row's lines; nil for other rows.
	head *headingLines
	// src identifies a text row's paragraph for setting it again
	// (flowBuilder.rebreak): its index in flowBuilder.srcs plus one; 0 for
	// rows that cannot be set again.
	src int32
	// loose is set once page make-up has set the row's paragraph again,
	// which is then not set again: -1 or +1 for a line shorter or longer,
	// 2 for as long but without a hyphen at a page's foot.
	loose int8
	kind  rowKind
	// turnStart is set on the first line of a speaker's turn.
	turnStart bool
	// keep forbids a page break after the row.
	keep bool
	// newPage starts the row on a new recto page.
	newPage bool
}

// headingLines are a heading row's set title lines; sub the lines set under
// them (a collection's participants, place and date), from the body line
// subAt of the row.
type headingLines struct {
	title []line
	sub   []line
	subAt int
}

// section is a titled part of the body, for the contents and the outline.
type section struct {
	id, title string
}

// flowBuilder sets the paragraphs of the book into rows and notes into foot
// lines.
type flowBuilder struct {
	g      Geometry
	m      [4]*Metrics
	params linebreak.Params
	errs   edition.ErrorList
	rows   []row
	notes  map[int][]noteLine
	secs   []section
	err    error
	// speakers maps a person's key to the label of their turns.
	speakers map[string]string
	// srcs are the body paragraphs as the model gives them, so that page
	// make-up can set one again with a looseness.
	srcs []paraSrc
	// errsAt holds, for each of srcs, how many errors errs held when the
	// walk met it, so that finish reports them in the walk's order.
	errsAt []int
	// built are the paragraphs rebreak set last, as built (at most
	// maxBuilt, the oldest first).
	built []builtPara
	// kept are the body paragraphs as startParagraphs built them, by
	// src-1, for rebreak (nil once released).
	kept []*paraBuilder
}

// maxBuilt is how many paragraphs rebreak keeps built: make-up asks for
// the variants of the paragraphs of a spread, and asks again when it makes
// the spread again (looking back, or with wider spaces).
const maxBuilt = 32

// aheadLag is how many paragraphs the workers may have built beyond the
// one next hands out. The paragraphs kept behind it (keptLag) hold tokens
// too: with room for only as many ahead as there are cores, the workers
// waited for make-up to hand out a paragraph and make-up for them to
// finish the next, both idle half the time (a trace of the 100x book: the
// two workers 925 ms blocked on tokens, make-up 362 ms on paragraphs, the
// layout at 1.4 cores).
const aheadLag = 64

// keptLag is how many paragraphs before the one next hands out stay
// built for rebreak as startParagraphs built them: make-up sets again the
// paragraphs of the last few spreads, and builds anew one further back.
// A paragraph let go gives its builder, with its lists, to a later
// paragraph (builders), whose lists then touch no fresh memory: 48 keeps
// every paragraph make-up sets again in the 10x book (as many instructions
// as 128 kept, 24 cost 0.4 % more in building anew) and lets the book's
// paragraphs from the 49th on reuse lists (337 fewer page faults of its
// PDF build than 128).
const keptLag = 48

// builtPara is a body paragraph built for rebreak: src, its builder and
// the paragraph of items.
type builtPara struct {
	src  int32
	b    *paraBuilder
	para *paragraph
}

// paraSrc is what setting a body paragraph takes.
type paraSrc struct {
	p      *edition.Paragraph
	indent bool
	turn   *edition.Turn
	sec    *section
	// quote is the ID of the first paragraph of the block quotation p is
	// part of; empty when it is none.
	quote string
}

// quoteSize is how much smaller than the body a block quotation is set, on
// the body's leading, so that the baseline grid holds.
const quoteSize = 1.0

// inset returns how far s's lines stand in from each side of the text
// block: a paragraph of a block quotation is indented on both sides.
func (fb *flowBuilder) inset(s paraSrc) float64 {
	if s.p.Quotation {
		return fb.g.Indent
	}
	return 0
}

// noteLine is a set line of a footnote.
type noteLine struct {
	line
	note  int
	first bool // the note's first line, which carries its number
}

func (fb *flowBuilder) body(p *paraBuilder) []line {
	return fb.bodyAt(p, fb.g.Measure)
}

// bodyAt sets p justified at the measure width.
func (fb *flowBuilder) bodyAt(p *paraBuilder, width float64) []line {
	para := p.finish()
	lines, err := setJustified(para, width, fb.params)
	if err != nil && fb.err == nil {
		fb.err = err
	}
	p.release()
	return lines
}

// paragraph adds one body paragraph, to be set by startParagraphs.
// ps.indent is false for the first paragraph after a heading; ps.turn,
// when set, starts a turn.
func (fb *flowBuilder) paragraph(ps paraSrc) {
	fb.srcs = append(fb.srcs, ps)
	fb.errsAt = append(fb.errsAt, len(fb.errs))
	fb.rows = append(fb.rows, row{kind: rowPending, src: int32(len(fb.srcs))})
}

// paraSet is the setting of the body paragraphs under way (see
// startParagraphs).
type paraSet struct {
	fb *flowBuilder
	// walk is the rows of the walk, with the paragraphs pending.
	walk  []row
	lines [][]line
	errs  []edition.ErrorList
	fails []error
	// done[i] is closed once paragraph i is set.
	done []chan struct{}
	wg   sync.WaitGroup
	// tokens bounds how many paragraphs are kept built (fb.kept): a
	// paragraph takes one to be built and gives it back once next has
	// handed out the paragraph keptLag after it.
	tokens chan struct{}
	// at is the index of the next of walk for next; held the last row
	// next made, given out with the rows after it (a signature may ask
	// for it to keep with them); out the rows next returned last.
	at        int
	held, out []row
}

// startParagraphs starts setting the body paragraphs the walk of the book
// left pending (rowPending) on every core, in their order; next gives the
// rows as they are set, finish waits for the rest. Each paragraph's lines
// depend on nothing but its source, the fonts (package shape and Metrics
// are safe for concurrent use) and the hyphenator (likewise), so the rows,
// the errors and their order are those of setting them one by one.
func (fb *flowBuilder) startParagraphs() *paraSet {
	n := len(fb.srcs)
	ps := &paraSet{fb: fb, walk: fb.rows, lines: make([][]line, n), errs: make([]edition.ErrorList, n), fails: make([]error, n), done: make([]chan struct{}, n)}
	for i := range ps.done {
		ps.done[i] = make(chan struct{})
	}
	fb.kept = make([]*paraBuilder, n)
	ps.tokens = make(chan struct{}, keptLag+aheadLag)
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), n) {
		ps.wg.Go(func() {
			for {
				// The token is taken before the index, so that every
				// paragraph taken holds one: next never waits for a
				// paragraph that waits for a token.
				ps.tokens <- struct{}{}
				i := int(next.Add(1) - 1)
				if i >= n {
					<-ps.tokens
					return
				}
				s := fb.srcs[i]
				b := fb.build(s.p, s.indent, s.turn, &ps.errs[i])
				ps.lines[i], ps.fails[i] = setJustified(b.finish(), fb.g.Measure-2*fb.inset(s), fb.params)
				fb.kept[i] = b
				close(ps.done[i])
			}
		})
	}
	return ps
}

// next returns the next rows of the body in order, waiting for their
// paragraph to be set; false once there are no more. The rows are valid
// until the next call (their callers copy them): one slice serves every
// call, so that a paragraph's rows are not allocated each time.
func (ps *paraSet) next() ([]row, bool) {
	fb := ps.fb
	out := append(ps.out[:0], ps.held...)
	ps.held = ps.held[:0]
	for ps.at < len(ps.walk) {
		r := ps.walk[ps.at]
		ps.at++
		start := len(out)
		if r.kind != rowPending {
			out = append(out, r)
		} else {
			i := r.src - 1
			<-ps.done[i]
			if j := i - keptLag; j >= 0 && fb.kept[j] != nil {
				fb.kept[j].release()
				fb.kept[j] = nil
				<-ps.tokens
			}
			s, ls := fb.srcs[i], ps.lines[i]
			inset := fb.inset(s)
			for k, l := range ls {
				out = append(out, row{kind: rowText, line: l, lines: 1, x: inset, idx: k, count: len(ls),
					turnStart: s.turn != nil && k == 0, sec: s.sec, src: r.src, quote: s.quote})
			}
		}
		if r.keep && len(out) > 0 {
			// A signature follows: the last row before it keeps with it
			// (the held row, when the paragraph has none).
			out[len(out)-1].keep = true
		}
		if len(out) == start {
			continue
		}
		// The last row is held: given out with the rows after it (a
		// signature may ask for it to keep with them).
		ps.held = append(ps.held, out[len(out)-1])
		ps.out = out[:len(out)-1]
		return ps.out, true
	}
	if len(out) > 0 {
		ps.out = out
		return out, true
	}
	return nil, false
}

// finish waits until every paragraph is set and adds their errors to fb's
// in the walk's order; a paragraph that could not be set is fb.err, before
// any error of the notes.
func (ps *paraSet) finish() {
	// Paragraphs not handed out yet hold tokens the workers wait for:
	// hand them out (make-up takes all, so this is for a caller that
	// stopped early).
	for _, ok := ps.next(); ok; _, ok = ps.next() {
	}
	ps.wg.Wait()
	fb := ps.fb
	for _, err := range ps.fails {
		if err != nil {
			fb.err = err
			break
		}
	}
	var all edition.ErrorList
	at := 0
	for i, e := range ps.errs {
		if len(e) > 0 {
			all = append(append(all, fb.errs[at:fb.errsAt[i]]...), e...)
			at = fb.errsAt[i]
		}
	}
	if all != nil {
		fb.errs = append(all, fb.errs[at:]...)
	}
}

// build turns a body paragraph into the line breaker's items.
func (fb *flowBuilder) build(p *edition.Paragraph, indent bool, turn *edition.Turn, errs *edition.ErrorList) *paraBuilder {
	b := newParaBuilder(fb.m, errs, p.ID)
	b.pos = p.Pos
	st := textStyle{face: Roman, size: fb.g.Size}
	if p.Quotation {
		st.size -= quoteSize
	}
	if indent {
		b.indent(fb.g.Indent)
	}
	if turn != nil {
		b.label = speakerLabel
		b.smallCaps(fb.speakerName(turn), st)
		if turn.Direction != "" {
			b.space(st, false)
			b.label = directionLabel
			b.text("("+turn.Direction+")", textStyle{face: Italic, size: fb.g.Size}, turn.Pos)
			b.label = speakerLabel
			// The text of the direction is not part of the paragraph's
			// plain text: undo its offsets.
			b.rune -= len([]rune(turn.Direction)) + 2
		}
		b.text(":", st, turn.Pos)
		b.rune--
		b.text(" ", st, turn.Pos)
		b.rune--
		b.label = noLabel
	}
	b.reserve(p.Content)
	b.inlines(p.Content, st)
	return b
}

// maxWideSpace is the widest interword space a paragraph set again may
// have when make-up can end a spread right no other way (see makeUpFrom): the
// widest spaces stay well within the target's 1.8.
const maxWideSpace = 1.65

// maxLooseSpace is the widest interword space, as a multiple of the natural
// space, that setting a paragraph again with a looseness may give a line:
// the 95th percentile measured on the book as total fit sets it
// (docs/print-measurements.md), so that making pages full does not make
// the spacing worse. A space stretches by half its natural width at ratio
// 1, so the line's ratio may be at most 2·(maxLooseSpace−1).
const maxLooseSpace = 1.57

// rebreakReq asks for the body paragraph src (row.src) of count lines set
// again (see setAgain).
type rebreakReq struct {
	src                        int32
	count, looseness, noHyphen int
	maxSpace                   float64
}

// rebreak sets again the paragraphs reqs ask for (setAgain), each result
// at its request's index. The requests of one paragraph are done in turn,
// on its builder; the requests of several paragraphs, on every core: what
// setAgain returns depends only on the request (it closes hyphenation
// points of the paragraph it is given and opens them again before it
// returns), so the results are those of doing the requests one by one.
// The paragraphs built for them are kept in fb.built, in the order of the
// requests, after the work is done.
func (fb *flowBuilder) rebreak(reqs []rebreakReq) [][]row {
	out := make([][]row, len(reqs))
	// The paragraphs asked for, in the order of their first request.
	var srcs []int32
	for _, q := range reqs {
		if !slices.Contains(srcs, q.src) {
			srcs = append(srcs, q.src)
		}
	}
	paras := make([]*paragraph, len(srcs))
	fresh := make([]*paraBuilder, len(srcs))
	for i, src := range srcs {
		if kb := fb.keptPara(src); kb != nil {
			paras[i] = kb
			continue
		}
		for _, bp := range fb.built {
			if bp.src == src {
				paras[i] = bp.para
			}
		}
	}
	do := func(i int) {
		src := srcs[i]
		if paras[i] == nil {
			s := fb.srcs[src-1]
			var errs edition.ErrorList
			fresh[i] = fb.build(s.p, s.indent, s.turn, &errs)
			paras[i] = fresh[i].finish()
		}
		// The paragraph's requests for a longer or shorter setting
		// with the same spacing share their passes (linebreak.Loose).
		var shared []sharedLoose
		defer func() {
			for _, sl := range shared {
				sl.lo.Release()
			}
		}()
		for k, q := range reqs {
			if q.src != src {
				continue
			}
			var lo *linebreak.Loose
			if q.looseness != 0 && q.noHyphen < 0 {
				lo = fb.loose(&shared, paras[i], reqs, q)
			}
			out[k] = fb.setAgain(paras[i], q, lo)
		}
	}
	parallel.Each(len(srcs), func() func(int) { return do })
	for i, b := range fresh {
		if b == nil {
			continue
		}
		if len(fb.built) == maxBuilt {
			fb.built[0].b.release()
			fb.built = append(fb.built[:0], fb.built[1:]...)
		}
		fb.built = append(fb.built, builtPara{src: srcs[i], b: b, para: paras[i]})
	}
	return out
}

// setAgain sets para, built from the body paragraph q.src of q.count
// lines, again: q.count+q.looseness lines long, as TeX's \looseness does,
// and, if q.noHyphen is a line's index, without a hyphen at that line's
// end (the hyphenation points it would end at are closed one by one, at
// most a few). It tries the book's parameters, then, for a looseness not
// reached, hyphenation from the start (pretolerance off), with only lines
// whose spaces stay within q.maxSpace of natural (maxLooseSpace, or
// maxWideSpace as make-up's last resort) feasible and no emergency
// stretch. It returns nil unless the paragraph has the length wanted, no
// line is overfull or underfull or spaced wider than that, and, for a
// changed length, the last line is at least two indents long and stops an
// indent short of the measure (so that it still reads as a paragraph's
// end).
//
// lo, if not nil, sets para at q's looseness for it (see sharedLoose), as
// the breaker would.
func (fb *flowBuilder) setAgain(para *paragraph, q rebreakReq, lo *linebreak.Loose) []row {
	src, count, looseness, noHyphen, maxSpace := q.src, q.count, q.looseness, q.noHyphen, q.maxSpace
	s := fb.srcs[src-1]
	params := fb.againParams(maxSpace)
	params.Looseness = looseness
	maxRatio := 2 * (maxSpace - 1)
	want := count + looseness
	if want < 1 {
		return nil
	}
	type closed struct {
		i       int
		penalty float64
	}
	var shut []closed
	defer func() { // open again the hyphenation points closed
		for _, c := range shut {
			para.items[c.i].Penalty = c.penalty
		}
	}()
	inset := fb.inset(s)
	measure := fb.g.Measure - 2*inset
	var breaks []linebreak.Line
	for try := 0; try < 4; try++ {
		var err error
		if lo != nil {
			// lo sets the paragraph as it stands: it is not asked
			// again once a hyphenation point is closed (noHyphen).
			breaks = lo.Lines(looseness, true)
			if len(breaks) != want && params.Pretolerance >= 0 {
				breaks = lo.Lines(looseness, false)
			}
		} else {
			breaks, err = linebreak.BreakAt(para.items, measure, params)
			if err == nil && len(breaks) != want && looseness != 0 && params.Pretolerance >= 0 {
				params.Pretolerance = -1
				breaks, err = linebreak.BreakAt(para.items, measure, params)
			}
		}
		if err != nil || len(breaks) != want {
			return nil
		}
		if noHyphen < 0 || noHyphen >= len(breaks) || !breaks[noHyphen].Hyphenated {
			break
		}
		// Close this hyphenation point and try again.
		i := breaks[noHyphen].End
		shut = append(shut, closed{i, para.items[i].Penalty})
		para.items[i].Penalty = linebreak.Infinity
		if try == 3 {
			return nil
		}
	}
	for i, br := range breaks {
		if br.Overfull || br.Underfull || i+1 < len(breaks) && br.Ratio > maxRatio {
			return nil
		}
	}
	rows := make([]row, len(breaks))
	for i, br := range breaks {
		l := placeLine(para, br.Start, br.End, br.Ratio, br.Expansion, br.ProtrudeLeft)
		l.hyphenated = br.Hyphenated
		l.hangL, l.hangR = br.ProtrudeLeft, br.ProtrudeRight
		rows[i] = row{kind: rowText, line: l, lines: 1, x: inset, idx: i, count: want,
			turnStart: s.turn != nil && i == 0, sec: s.sec, src: src, quote: s.quote, loose: int8(cmp.Or(looseness, 2))}
	}
	if last := rows[len(rows)-1].line.width; looseness != 0 && (last < 2*fb.g.Indent || last > measure-fb.g.Indent) {
		return nil
	}
	return rows
}

// againParams are the book's line-breaking parameters for setting a
// paragraph again with spaces at most maxSpace of natural: the tolerance
// that allows, no emergency stretch, no tight passes.
func (fb *flowBuilder) againParams(maxSpace float64) linebreak.Params {
	params := fb.params
	maxRatio := 2 * (maxSpace - 1)
	params.Tolerance = min(params.Tolerance, 100*maxRatio*maxRatio*maxRatio)
	params.EmergencyStretch = 0
	params.TightTolerance = 0
	return params
}

// sharedLoose is a linebreak.Loose set up for a paragraph's requests of
// one spacing.
type sharedLoose struct {
	maxSpace float64
	lo       *linebreak.Loose
}

// loose returns the linebreak.Loose that sets para for the request q, a
// longer or shorter setting with no hyphen closed, and for every other
// such request of reqs for the paragraph with the same spacing: the one in
// shared, or a new one added to it (shared's owner releases them). It is
// nil when there is no other such request, or the paragraph cannot be set
// (setAgain then calls the breaker, which reports why).
func (fb *flowBuilder) loose(shared *[]sharedLoose, para *paragraph, reqs []rebreakReq, q rebreakReq) *linebreak.Loose {
	for _, sl := range *shared {
		if sl.maxSpace == q.maxSpace {
			return sl.lo
		}
	}
	var ls []int
	for _, o := range reqs {
		if o.src == q.src && o.looseness != 0 && o.noHyphen < 0 && o.maxSpace == q.maxSpace && !slices.Contains(ls, o.looseness) {
			ls = append(ls, o.looseness)
		}
	}
	if len(ls) < 2 {
		return nil
	}
	measure := fb.g.Measure - 2*fb.inset(fb.srcs[q.src-1])
	lo, err := linebreak.NewLoose(para.items, measure, fb.againParams(q.maxSpace), ls...)
	if err != nil || lo == nil {
		return nil
	}
	*shared = append(*shared, sharedLoose{q.maxSpace, lo})
	return lo
}

// speakerName returns the label of the turn's speaker as the metadata gives
// it.
func (fb *flowBuilder) speakerName(t *edition.Turn) string {
	return fb.speakers[t.Speaker]
}

// heading starts a section on a new recto page, its title sunk below the
// top of the text block. sub, when given, is set in italics under the
// title, each item from a line of its own, on the body's grid, with a blank
// line after it: a collection's participants, place and date under each
// interview's title.
func (fb *flowBuilder) heading(id string, title []edition.Inline, sub []string) *section {
	plain := edition.PlainText(title)
	b := newParaBuilder(fb.m, &fb.errs, id+"-title")
	b.hyphenate = false
	b.inlines(title, textStyle{face: Roman, size: fb.g.TitleSize})
	lines := setBalanced(b.finish(), fb.g.Measure*0.8)
	sink := fb.g.SectionSink + 1 + int(float64(len(lines))*fb.g.TitleLead/fb.g.Leading+0.999)
	r := row{kind: rowHeading, lines: sink, keep: true, newPage: true,
		sec: &section{id: id, title: plain}, head: &headingLines{title: lines}}
	for i, s := range sub {
		sb := newParaBuilder(fb.m, &fb.errs, fmt.Sprintf("%s-sub-%d", id, i+1))
		sb.hyphenate = false
		sb.inlines([]edition.Inline{&edition.Text{Text: s}}, textStyle{face: Italic, size: fb.g.Size})
		r.head.sub = append(r.head.sub, setBalanced(sb.finish(), fb.g.Measure*0.85)...)
	}
	if len(r.head.sub) > 0 {
		r.head.subAt = sink
		r.lines += len(r.head.sub) + 1
	}
	fb.rows = append(fb.rows, r)
	fb.secs = append(fb.secs, *r.sec)
	return r.sec
}

// sectionRows sets a preface-like section.
func (fb *flowBuilder) section(s *edition.Section) {
	sec := fb.heading(s.ID, s.Title, nil)
	for i := range s.Paragraphs {
		fb.paragraph(paraSrc{p: &s.Paragraphs[i], indent: i > 0, sec: sec})
	}
	if s.Signature != nil {
		b := newParaBuilder(fb.m, &fb.errs, s.Signature.ID)
		b.hyphenate = false
		b.inlines(s.Signature.Content, textStyle{face: Italic, size: fb.g.Size})
		lines := setRagged(b.finish(), fb.g.Measure)
		if n := len(fb.rows); n > 0 {
			fb.rows[n-1].keep = true // the signature stays with the text
		}
		for i, l := range lines {
			fb.rows = append(fb.rows, row{kind: rowSignature, line: l, lines: 1 + boolInt(i == 0),
				x: fb.g.Measure - l.width, idx: i, count: len(lines), sec: sec, keep: i+1 < len(lines)})
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// interview sets one interview, which opens like a section (sub is the line
// under its title, if any): each turn starts flush left with the speaker's
// name run in; later paragraphs of a turn are indented. A block quotation
// is set a size smaller, indented on both sides, its first paragraph and
// the one after it not indented.
func (fb *flowBuilder) interview(iv *edition.Interview, sub []string) {
	sec := fb.heading(iv.ID, iv.Title, sub)
	for t := range iv.Turns {
		turn := &iv.Turns[t]
		if _, ok := fb.speakers[turn.Speaker]; !ok {
			fb.errs.Add(turn.Pos, fmt.Sprintf("speaker %q is not among the people of the metadata", turn.Speaker))
		}
		quote := ""
		for i := range turn.Paragraphs {
			p := &turn.Paragraphs[i]
			var tp *edition.Turn
			if i == 0 {
				tp = turn
			}
			indent := i > 0 && p.Quotation == turn.Paragraphs[i-1].Quotation
			switch {
			case !p.Quotation:
				quote = ""
			case quote == "":
				quote = p.ID // consecutive quoted paragraphs are one quotation
			}
			fb.paragraph(paraSrc{p: p, indent: indent, turn: tp, sec: sec, quote: quote})
		}
	}
}

// note sets one footnote at the note measure: its number, then its text;
// later paragraphs indented.
func (fb *flowBuilder) note(n *edition.Note) {
	var out []noteLine
	for i := range n.Paragraphs {
		p := &n.Paragraphs[i]
		b := newParaBuilder(fb.m, &fb.errs, p.ID)
		b.pos = p.Pos
		st := textStyle{face: Roman, size: fb.g.NoteSize}
		if i == 0 {
			// The number is set in a box of its own, a space before the text.
			num := frag{Text: fmt.Sprintf("%d", n.Number), Face: Roman, Size: fb.g.NoteSize, ref: &runRef{Back: n.Number}, space: true}
			num.glyphs, num.W = shapeRun(fb.m[Roman], num.Text, num.Size, 0, 0)
			w := fb.g.NoteSize * 1.5
			if num.W+fb.g.NoteSize*0.5 > w {
				w = num.W + fb.g.NoteSize*0.5
			}
			b.addBox(w, piece{frags: []frag{num}, rune: 0})
		} else {
			b.indent(fb.g.NoteSize * 1.5)
		}
		b.reserve(p.Content)
		b.inlines(p.Content, st)
		lines := fb.body(b)
		for j, l := range lines {
			out = append(out, noteLine{line: l, note: n.Number, first: i == 0 && j == 0})
		}
	}
	fb.notes[n.Number] = out
}

// keptPara returns the body paragraph src as startParagraphs built it, or
// nil.
func (fb *flowBuilder) keptPara(src int32) *paragraph {
	if int(src) > len(fb.kept) || fb.kept[src-1] == nil {
		return nil
	}
	return fb.kept[src-1].p
}

// releaseKept lets go of the paragraphs startParagraphs built.
func (fb *flowBuilder) releaseKept() {
	for i, b := range fb.kept {
		if b != nil {
			b.release()
			fb.kept[i] = nil
		}
	}
	fb.kept = nil
}
