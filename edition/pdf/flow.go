package pdf

import (
	"fmt"

	"edition/edition"
	"edition/edition/pdf/linebreak"
)

// rowKind tells what a row of the text block holds.
type rowKind uint8

const (
	rowText      rowKind = iota // a line of a paragraph
	rowHeading                  // a section's opening: sink and title
	rowSignature                // the preface's signature, set right
	rowSpace                    // blank lines
)

// row is one unit of the vertical flow of the body: a set line, or a
// section's heading. Its height is a whole number of body lines, so every
// page keeps the baseline grid.
type row struct {
	kind  rowKind
	line  line
	lines int     // height in body lines
	x     float64 // indent from the left of the text block
	// idx and count place a text row in its paragraph.
	idx, count int
	// turnStart is set on the first line of a speaker's turn.
	turnStart bool
	// keep forbids a page break after the row.
	keep bool
	// newPage starts the row on a new recto page.
	newPage bool
	// section is the section the row belongs to; title its running head.
	section, title string
	// heading is a heading row's set title lines.
	heading []line
}

// section is a titled part of the body, for the contents and the outline.
type section struct {
	id, title string
}

// flowBuilder sets the paragraphs of the book into rows and notes into foot
// lines.
type flowBuilder struct {
	g      geometry
	m      [4]*metrics
	params linebreak.Params
	errs   edition.ErrorList
	rows   []row
	notes  map[int][]noteLine
	secs   []section
	err    error
	// speakers maps a person's key to the label of their turns.
	speakers map[string]string
}

// noteLine is a set line of a footnote.
type noteLine struct {
	line
	note  int
	first bool // the note's first line, which carries its number
}

func (fb *flowBuilder) body(p *paraBuilder) []line {
	para := p.finish()
	lines, err := setJustified(para, func(int) float64 { return fb.g.Measure }, fb.params)
	if err != nil && fb.err == nil {
		fb.err = err
	}
	p.release()
	return lines
}

// paragraph sets one body paragraph. indent is false for the first paragraph
// after a heading; speaker, when set, starts a turn.
func (fb *flowBuilder) paragraph(p *edition.Paragraph, indent bool, turn *edition.Turn, sec section) {
	b := newParaBuilder(fb.m, &fb.errs, p.ID)
	b.pos = p.Pos
	st := textStyle{face: roman, size: fb.g.Size}
	if indent {
		b.indent(fb.g.Indent)
	}
	if turn != nil {
		b.label = true
		b.smallCaps(fb.speakerName(turn), st)
		if turn.Direction != "" {
			b.space(st, false)
			b.text("("+turn.Direction+")", textStyle{face: italic, size: fb.g.Size}, turn.Pos)
			// The text of the direction is not part of the paragraph's
			// plain text: undo its offsets.
			b.rune -= len([]rune(turn.Direction)) + 2
		}
		b.text(":", st, turn.Pos)
		b.rune--
		b.text(" ", st, turn.Pos)
		b.rune--
		b.label = false
	}
	b.inlines(p.Content, st)
	lines := fb.body(b)
	for i, l := range lines {
		fb.rows = append(fb.rows, row{kind: rowText, line: l, lines: 1, idx: i, count: len(lines),
			turnStart: turn != nil && i == 0, section: sec.id, title: sec.title})
	}
}

// speakerName returns the label of the turn's speaker as the metadata gives
// it.
func (fb *flowBuilder) speakerName(t *edition.Turn) string {
	return fb.speakers[t.Speaker]
}

// heading starts a section on a new recto page, its title sunk below the
// top of the text block.
func (fb *flowBuilder) heading(id string, title []edition.Inline) section {
	plain := edition.PlainText(title)
	b := newParaBuilder(fb.m, &fb.errs, id+"-title")
	b.hyphenate = false
	b.inlines(title, textStyle{face: roman, size: fb.g.TitleSize})
	lines := setBalanced(b.finish(), fb.g.Measure*0.8)
	sink := fb.g.SectionSink + 1 + int(float64(len(lines))*fb.g.TitleLead/fb.g.Leading+0.999)
	fb.rows = append(fb.rows, row{kind: rowHeading, lines: sink, keep: true, newPage: true,
		section: id, title: plain, heading: lines})
	s := section{id: id, title: plain}
	fb.secs = append(fb.secs, s)
	return s
}

// sectionRows sets a preface-like section.
func (fb *flowBuilder) section(s *edition.Section) {
	sec := fb.heading(s.ID, s.Title)
	for i := range s.Paragraphs {
		fb.paragraph(&s.Paragraphs[i], i > 0, nil, sec)
	}
	if s.Signature != nil {
		b := newParaBuilder(fb.m, &fb.errs, s.Signature.ID)
		b.hyphenate = false
		b.inlines(s.Signature.Content, textStyle{face: italic, size: fb.g.Size})
		lines := setRagged(b.finish(), fb.g.Measure)
		if n := len(fb.rows); n > 0 {
			fb.rows[n-1].keep = true // the signature stays with the text
		}
		for i, l := range lines {
			fb.rows = append(fb.rows, row{kind: rowSignature, line: l, lines: 1 + boolInt(i == 0),
				x: fb.g.Measure - l.width, idx: i, count: len(lines), section: sec.id, title: sec.title, keep: i+1 < len(lines)})
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// interview sets the dialogue: each turn starts flush left with the
// speaker's name run in; later paragraphs of a turn are indented.
func (fb *flowBuilder) interview(iv *edition.Interview) {
	sec := fb.heading(iv.ID, iv.Title)
	for t := range iv.Turns {
		turn := &iv.Turns[t]
		if _, ok := fb.speakers[turn.Speaker]; !ok {
			fb.errs.Add(turn.Pos, fmt.Sprintf("speaker %q is not among the people of the metadata", turn.Speaker))
		}
		for i := range turn.Paragraphs {
			var tp *edition.Turn
			if i == 0 {
				tp = turn
			}
			fb.paragraph(&turn.Paragraphs[i], i > 0, tp, sec)
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
		st := textStyle{face: roman, size: fb.g.NoteSize}
		if i == 0 {
			num := frag{Text: fmt.Sprintf("%d", n.Number), Face: roman, Size: fb.g.NoteSize, Back: n.Number}
			num.W = b.runWidth(num.Text, roman, num.Size, 0)
			w := fb.g.NoteSize * 1.5
			if num.W+fb.g.NoteSize*0.5 > w {
				w = num.W + fb.g.NoteSize*0.5
			}
			b.addBox(w, piece{frags: []frag{num}, rune: 0})
		} else {
			b.indent(fb.g.NoteSize * 1.5)
		}
		b.inlines(p.Content, st)
		lines := fb.body(b)
		for j, l := range lines {
			out = append(out, noteLine{line: l, note: n.Number, first: i == 0 && j == 0})
		}
	}
	fb.notes[n.Number] = out
}
