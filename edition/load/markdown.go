package load

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/edition"
)

// mdParser is the one goldmark parser of the manuscript: CommonMark, plus
// our parser of the definitions in endnotes.md (noteDefParser, which makes
// the footnote extension's nodes), plus our own parser for note references.
//
// The footnote extension's own reference parser is not used: it only
// recognises a reference whose definition is in the same document and
// turns any other into plain text, but our references (in preface.md,
// interview.md, colophon.md) and definitions (in endnotes.md) live in
// different files. Its AST transformer is not used either, as it drops
// every definition that has no reference in the same document.
//
// goldmark's Typographer is not enabled: it writes HTML entities into the
// text, and typography is done once, on the model, by package typography.
var mdParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
			util.Prioritized(noteDefParser{}, 999))...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(noteRefParser{}, 99),
			util.Prioritized(directionParser{}, 99))...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
})

// noteRefNode is a note reference, [^label], in the goldmark tree.
type noteRefNode struct {
	ast.BaseInline
	label string
	// bad is set for "[^" with no closing bracket on the line.
	bad bool
}

var kindNoteRef = ast.NewNodeKind("NoteRef")

// Kind implements ast.Node.
func (n *noteRefNode) Kind() ast.NodeKind { return kindNoteRef }

// Dump implements ast.Node.
func (n *noteRefNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.label}, nil)
}

// noteRefParser parses [^label] wherever it stands, defined or not.
type noteRefParser struct{}

func (noteRefParser) Trigger() []byte { return []byte{'['} }

func (noteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 2 || line[1] != '^' {
		return nil
	}
	for i := 2; i < len(line); i++ {
		switch line[i] {
		case ']':
			block.Advance(i + 1)
			return &noteRefNode{label: string(line[2:i])}
		case '[', '\n', '\r':
			i = len(line)
		}
	}
	block.Advance(2)
	return &noteRefNode{bad: true}
}

// directionNode is a stage direction, {laughs}, in the goldmark tree.
type directionNode struct {
	ast.BaseInline
	// start and stop delimit the direction's text in the source, between
	// the braces.
	start, stop int
	// bad says what is wrong with a brace that opens no direction.
	bad string
}

var kindDirection = ast.NewNodeKind("Direction")

// Kind implements ast.Node.
func (n *directionNode) Kind() ast.NodeKind { return kindDirection }

// Dump implements ast.Node.
func (n *directionNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Bad": n.bad}, nil)
}

// directionParser parses {direction}: a brace, text without braces on the
// same line, a closing brace. A brace that opens or closes nothing is kept
// as a node too, so that it is reported rather than printed. Escaped braces
// (\{ \}) are text, as goldmark never offers them to a parser.
type directionParser struct{}

func (directionParser) Trigger() []byte { return []byte{'{', '}'} }

func (directionParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	if line[0] == '}' {
		block.Advance(1)
		return &directionNode{bad: "} without {: a stage direction is written {…}; escape a literal brace as \\}"}
	}
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case '}':
			block.Advance(i + 1)
			return &directionNode{start: seg.Start + 1, stop: seg.Start + i}
		case '{':
			block.Advance(1)
			return &directionNode{bad: "{ inside a stage direction: a direction is {text} without braces inside"}
		case '\n', '\r':
			i = len(line)
		}
	}
	block.Advance(1)
	return &directionNode{bad: "{ without } on the same line: a stage direction is written {…} on one line; escape a literal brace as \\{"}
}

// labelRE is what a note label may be.
var labelRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// conv turns the goldmark tree of one file into model content, reporting
// what the conventions do not allow.
type conv struct {
	l     *loader
	f     *srcFile
	notes *noteIndex
	// inNote is set while converting a note's text, where references to
	// notes are not allowed.
	inNote bool
	// inTurn is set while converting a turn's paragraph, where stage
	// directions are allowed.
	inTurn bool
	// buf is the memory an inlineBuilder collects text in, lent to one
	// builder at a time and given back when it is done, so that the
	// paragraphs of a file share it.
	buf []byte
}

func (c *conv) warnAt(off int, format string, args ...any) {
	c.l.errs.Warn(c.f.pos(off), fmt.Sprintf(format, args...))
}

func (c *conv) errAt(off int, format string, args ...any) {
	c.l.errs.Add(c.f.pos(off), fmt.Sprintf(format, args...))
}

// nodePos is the offset at which n starts, or 0 when goldmark does not say.
func nodePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if p := nodePos(ch); p > 0 {
			return p
		}
	}
	return 0
}

// body is a parsed Markdown file: its title and the blocks after it.
type body struct {
	c        *conv
	title    []edition.Inline
	titlePos edition.Pos
	blocks   []ast.Node
}

// parse parses f and takes its title off. It returns nil, having reported
// it, for an empty file. inNote is set for endnotes.md, where no note may
// be referenced, not even in the title.
func (l *loader) parse(f *srcFile, notes *noteIndex, inNote bool) *body {
	if len(bytes.TrimSpace(f.src)) == 0 {
		l.errs.Add(f.pos(0), "file is empty")
		return nil
	}
	doc := mdParser().Parse(text.NewReader(f.src))
	b := &body{c: &conv{l: l, f: f, notes: notes, inNote: inNote}, titlePos: f.pos(0)}
	first := doc.FirstChild()
	if h, ok := first.(*ast.Heading); ok && h.Level == 1 {
		b.titlePos = f.pos(nodePos(h))
		b.title = b.c.inlines(h)
		if len(b.title) == 0 {
			l.errs.Add(b.titlePos, "empty title")
		} else if n := textLen(b.title); n > MaxTitle {
			l.errs.Add(b.titlePos, fmt.Sprintf("title is %d characters long; the limit is %d", n, MaxTitle))
		}
		first = first.NextSibling()
	} else {
		off := 0
		if first != nil {
			off = nodePos(first)
		}
		l.errs.Add(f.pos(off), "missing title: the file must begin with a level-1 heading (# Title)")
	}
	for n := first; n != nil; n = n.NextSibling() {
		b.blocks = append(b.blocks, n)
	}
	return b
}

// section loads preface.md or colophon.md into s.
func (l *loader) section(f *srcFile, s *edition.Section, notes *noteIndex, signed bool) {
	b := l.parse(f, notes, false)
	if b == nil {
		return
	}
	s.Title = b.title
	for _, n := range b.blocks {
		if p, ok := n.(*ast.Paragraph); ok {
			s.Paragraphs = append(s.Paragraphs, b.c.paragraph(p))
		} else {
			b.c.reject(n)
		}
	}
	if len(s.Paragraphs) == 0 {
		l.errs.Add(b.titlePos, fmt.Sprintf("the %s has no text", s.ID))
		return
	}
	for i := range s.Paragraphs {
		b.c.dashStart(&s.Paragraphs[i], signed)
	}
	if signed {
		for i := range s.Paragraphs {
			p := &s.Paragraphs[i]
			if !stripPrefix(p, "-- ", f) {
				continue
			}
			if i != len(s.Paragraphs)-1 {
				l.errs.Add(p.Pos, "a signature (-- …) must be the last paragraph")
				continue
			}
			sig := *p
			sig.ID = s.ID + "-signature"
			s.Signature = &sig
			s.Paragraphs = s.Paragraphs[:i]
		}
	}
	for i := range s.Paragraphs {
		s.Paragraphs[i].ID = fmt.Sprintf("%s-%d", s.ID, i+1)
	}
}

// textLen counts the characters of the text of content.
func textLen(content []edition.Inline) int {
	n := 0
	edition.Walk(content, func(in edition.Inline) bool {
		if t, ok := in.(*edition.Text); ok {
			n += utf8.RuneCountInString(t.Text)
		}
		return true
	})
	return n
}

// dashStart warns about a paragraph that begins like a signature but is
// not one: with an em dash ("— Name", "--- Name"), or with "-- " outside
// the preface, where no signature is read. signed is set for the preface.
func (c *conv) dashStart(p *edition.Paragraph, signed bool) {
	t, ok := firstText(*p)
	if !ok {
		return
	}
	switch {
	case strings.HasPrefix(t.Text, "-- "):
		if !signed {
			c.l.errs.Warn(p.Pos, "a paragraph beginning with -- is read as a signature only at the end of "+PrefaceFile+"; here it is printed as a paragraph beginning with a dash")
		}
	case strings.HasPrefix(t.Text, "—"), strings.HasPrefix(t.Text, "---"):
		msg := "a paragraph beginning with an em dash is printed as it stands"
		if signed {
			msg += ": a signature is written -- Name, as the last paragraph"
		} else {
			msg += "; if it is a signature, only the preface has one (-- Name, its last paragraph)"
		}
		c.l.errs.Warn(p.Pos, msg)
	}
}

// stripPrefix removes prefix from the start of p's text, if p begins with
// it, and moves the position of p's first text past it.
func stripPrefix(p *edition.Paragraph, prefix string, f *srcFile) bool {
	if len(p.Content) == 0 {
		return false
	}
	t, ok := p.Content[0].(*edition.Text)
	if !ok || !strings.HasPrefix(t.Text, prefix) {
		return false
	}
	t.Text = t.Text[len(prefix):]
	if t.Text == "" {
		p.Content = p.Content[1:]
	} else {
		t.Pos = movePos(t.Pos, prefix, f)
	}
	return true
}

// movePos moves pos past prefix, when the source there reads prefix
// exactly (no escapes) and on one line; otherwise it leaves pos alone.
func movePos(pos edition.Pos, prefix string, f *srcFile) edition.Pos {
	if strings.ContainsAny(prefix, "\n") || pos.Line < 1 || pos.Line > len(f.lines) {
		return pos
	}
	start := f.lines[pos.Line-1]
	// Find the byte offset of pos.Col on its line.
	off := start
	for col := 1; col < pos.Col && off < len(f.src); col++ {
		_, size := utf8.DecodeRune(f.src[off:])
		off += size
	}
	if !bytes.HasPrefix(f.src[off:], []byte(prefix)) {
		return pos
	}
	return edition.Pos{File: pos.File, Line: pos.Line, Col: pos.Col + len([]rune(prefix))}
}

// labelLike matches what begins like a speaker's label: up to four
// capitalised words one space apart (each a capital letter, then letters,
// marks, full stops, apostrophes and hyphens), an optional stage
// direction in parentheses, and a colon followed by white space or the end
// (afterName). Ordinary sentences such as "From this the workers
// conclude: …" do not match, since their second word is not capitalised.
// It returns the name, the direction and the length of the match, white
// space included. It is written out rather than a regular expression, as
// compiling one with these Unicode classes took longer than loading the
// book's turns; FuzzLabelLike checks it against the expression
// (labelLikeRE, in the tests).
func labelLike(text string) (name, direction string, n int, ok bool) {
	end := 0 // the end of the name's words so far
	for words := 0; words < 4; words++ {
		at := end
		if words > 0 {
			if !strings.HasPrefix(text[at:], " ") {
				break
			}
			at++
		}
		r, size := utf8.DecodeRuneInString(text[at:])
		if !unicode.Is(unicode.Upper, r) {
			break
		}
		at += size
		for at < len(text) {
			r, size := utf8.DecodeRuneInString(text[at:])
			if !nameRune(r) {
				break
			}
			at += size
		}
		end = at
	}
	if end == 0 {
		return "", "", 0, false
	}
	size, direction, ok := afterName(text[end:])
	if !ok {
		return "", "", 0, false
	}
	return text[:end], direction, end + size, true
}

// beginsLikeLabel reports whether text begins like a speaker's label.
func beginsLikeLabel(text string) bool {
	_, _, _, ok := labelLike(text)
	return ok
}

// nameRune reports whether r may follow the capital that begins a word of
// a name: a letter, a mark, a full stop, an apostrophe or a hyphen.
func nameRune(r rune) bool {
	switch r {
	case '.', '\'', '’', '-':
		return true
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// afterName matches the rest of a label after a known speaker's name, as
// the end of labelLike does: an optional stage direction in parentheses
// (" (…)", no parenthesis inside), a colon, and white space or the end of
// s. It returns the length of the match, spaces included, and the
// direction. It is written out rather than a regular expression, as it is
// tried on every paragraph of a turn.
func afterName(s string) (n int, direction string, ok bool) {
	if strings.HasPrefix(s, " (") {
		if k := strings.IndexAny(s[2:], "()"); k >= 0 && s[2+k] == ')' {
			n, direction = 2+k+1, s[2:2+k]
		}
	}
	if n == len(s) || s[n] != ':' {
		return 0, "", false
	}
	n++
	// White space as \s reads it, in a regular expression.
	spaces := len(s[n:]) - len(strings.TrimLeft(s[n:], " \t\n\f\r"))
	if spaces == 0 && n < len(s) {
		return 0, "", false
	}
	return n + spaces, direction, true
}

// matchLabel reports whether text begins with a speaker's label. It returns
// the name, the stage direction and the length of the label with its colon
// and the spaces after it. known reports whether the name is a speaker's.
func matchLabel(text string, speakers map[string]string) (name, direction string, n int, known, ok bool) {
	for label := range speakers {
		if !strings.HasPrefix(text, label) {
			continue
		}
		if size, dir, found := afterName(text[len(label):]); found && size > n {
			name, n, known, ok = label, len(label)+size, true, true
			direction = dir
		}
	}
	if ok {
		return
	}
	if !mayBeLabel(text) {
		return
	}
	name, direction, n, ok = labelLike(text)
	return
}

// mayBeLabel reports whether text may begin with what labelLike matches.
// Its name is at most four words, one space apart, without a colon or a
// parenthesis, followed by a colon or " (": so a colon or parenthesis
// comes after at most four spaces. This spares labelLike most paragraphs
// that do not begin a turn.
func mayBeLabel(text string) bool {
	for range 5 {
		i := strings.IndexAny(text, " :(")
		if i < 0 {
			return false
		}
		if text[i] != ' ' {
			return true
		}
		text = text[i+1:]
	}
	return false
}

// interviews loads interview.md: one interview, or several, each opened by
// a level-1 heading (its title). When the metadata could not be read, the
// speakers are unknown and labels are not checked.
func (l *loader) interviews(f *srcFile, notes *noteIndex, speakers map[string]string, checkSpeakers bool) []edition.Interview {
	b := l.parse(f, notes, false)
	if b == nil {
		return nil
	}
	ivs := []edition.Interview{{Title: b.title, Pos: b.titlePos}}
	iv := &ivs[0]
	var turn *edition.Turn
	paras := 0 // paragraphs of the current interview, in turns or not
	noText := func() {
		if len(iv.Turns) == 0 && paras == 0 {
			l.errs.Add(iv.Pos, "the interview has no text")
		}
	}
	// add gives p to the current turn; text before the first turn is an
	// error.
	add := func(p edition.Paragraph) {
		paras++
		if turn == nil {
			if checkSpeakers {
				l.errs.Add(p.Pos, "text before the first turn: the interview's first paragraph must begin with a speaker's label (Name: …)")
			}
			return
		}
		turn.Paragraphs = append(turn.Paragraphs, p)
	}
	for _, node := range b.blocks {
		switch n := node.(type) {
		case *ast.Heading:
			if n.Level != 1 {
				b.c.reject(n)
				continue
			}
			// A further title opens the next interview of a collection.
			noText()
			pos := f.pos(nodePos(n))
			title := b.c.inlines(n)
			if len(title) == 0 {
				l.errs.Add(pos, "empty title")
			} else if n := textLen(title); n > MaxTitle {
				l.errs.Add(pos, fmt.Sprintf("title is %d characters long; the limit is %d", n, MaxTitle))
			}
			ivs = append(ivs, edition.Interview{Title: title, Pos: pos})
			iv, turn, paras = &ivs[len(ivs)-1], nil, 0
		case *ast.Blockquote:
			// A quotation read out within the turn.
			for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
				gp, ok := ch.(*ast.Paragraph)
				if !ok {
					b.c.reject(ch)
					continue
				}
				b.c.inTurn = true
				p := b.c.paragraph(gp)
				b.c.inTurn = false
				p.Quotation = true
				add(p)
			}
		case *ast.Paragraph:
			b.c.inTurn = true
			p := b.c.paragraph(n)
			b.c.inTurn = false
			if t, ok := firstText(p); ok {
				if name, dir, size, known, ok := matchLabel(t.Text, speakers); ok {
					if !known && checkSpeakers {
						l.errs.Add(p.Pos, fmt.Sprintf("unknown speaker %q (speakers are the speaker fields of %s)", name, MetadataFile))
					}
					dir = strings.TrimSpace(dir)
					if dir == "" && strings.Contains(t.Text[:size], "(") {
						l.errs.Add(p.Pos, "empty stage direction")
					}
					stripPrefix(&p, t.Text[:size], f)
					if len(p.Content) == 0 {
						l.errs.Add(p.Pos, fmt.Sprintf("speaker label %q without text", name))
					}
					iv.Turns = append(iv.Turns, edition.Turn{Speaker: speakers[name], Direction: dir, Pos: p.Pos})
					turn = &iv.Turns[len(iv.Turns)-1]
					add(p)
					continue
				}
			}
			b.c.dashStart(&p, false)
			braceLabel(l, p, speakers)
			add(p)
		default:
			b.c.reject(node)
		}
	}
	noText()
	// Paragraph IDs: interview-N in a book of one interview, as they have
	// always been; interview-K-N in a collection.
	for k := range ivs {
		iv := &ivs[k]
		iv.ID = "interview"
		prefix := "interview-"
		if len(ivs) > 1 {
			iv.ID = fmt.Sprintf("interview-%d", k+1)
			prefix = iv.ID + "-"
		}
		n := 0
		for t := range iv.Turns {
			for i := range iv.Turns[t].Paragraphs {
				n++
				iv.Turns[t].Paragraphs[i].ID = fmt.Sprintf("%s%d", prefix, n)
			}
		}
	}
	return ivs
}

// braceLabel reports a paragraph that begins like a turn with its
// direction in braces, "Alice {smiling}: …", which would otherwise run on
// as the previous speaker's words: after a name, a direction goes in
// parentheses.
func braceLabel(l *loader, p edition.Paragraph, speakers map[string]string) {
	if len(p.Content) < 3 {
		return
	}
	name, ok1 := p.Content[0].(*edition.Text)
	dir, ok2 := p.Content[1].(*edition.Direction)
	rest, ok3 := p.Content[2].(*edition.Text)
	if !ok1 || !ok2 || !ok3 || !strings.HasPrefix(rest.Text, ":") {
		return
	}
	label := strings.TrimSpace(name.Text)
	if _, known := speakers[label]; known || beginsLikeLabel(label+":") {
		l.errs.Add(p.Pos, fmt.Sprintf("a direction after a speaker's name goes in parentheses: write %s (%s):", label, edition.PlainText(dir.Content)))
	}
}

// firstText returns the text p begins with, if it begins with text.
func firstText(p edition.Paragraph) (*edition.Text, bool) {
	if len(p.Content) == 0 {
		return nil, false
	}
	t, ok := p.Content[0].(*edition.Text)
	return t, ok
}

// endnotes loads the note definitions of endnotes.md into notes and returns
// the file's title.
func (l *loader) endnotes(f *srcFile, notes *noteIndex) []edition.Inline {
	b := l.parse(f, notes, true)
	if b == nil {
		return nil
	}
	count := 0
	for _, node := range b.blocks {
		switch n := node.(type) {
		case *east.FootnoteList:
			for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
				fn, ok := ch.(*east.Footnote)
				if !ok {
					b.c.reject(ch)
					continue
				}
				count++
				b.c.note(fn)
			}
		case *ast.Paragraph:
			b.c.errAt(nodePos(n), "text outside a note: a note begins [^label]: and its later paragraphs are indented by four spaces")
		default:
			b.c.reject(n)
		}
	}
	if count == 0 {
		l.errs.Add(b.titlePos, "no notes: define each as [^label]: text")
	}
	return b.title
}

// note records the definition fn.
func (c *conv) note(fn *east.Footnote) {
	off := nodePos(fn)
	note := &edition.Note{Label: string(fn.Ref), Pos: c.f.pos(off)}
	if !labelRE.MatchString(note.Label) {
		c.errAt(off, "note label %q: use letters, digits, - and _", note.Label)
	}
	for ch := fn.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if p, ok := ch.(*ast.Paragraph); ok {
			note.Paragraphs = append(note.Paragraphs, c.paragraph(p))
		} else {
			c.reject(ch)
		}
	}
	if len(note.Paragraphs) == 0 {
		c.errAt(off, "note [^%s] has no text", note.Label)
	}
	c.notes.defs = append(c.notes.defs, note)
}

// paragraph converts a paragraph; its ID is set by the caller.
func (c *conv) paragraph(p *ast.Paragraph) edition.Paragraph {
	off := nodePos(p)
	para := edition.Paragraph{Pos: c.f.pos(off), Content: c.inlines(p)}
	c.brackets(p.Lines())
	return para
}

// brackets warns about text in square brackets that is neither a link, a
// foreign-language span nor a note mark: "[laughs]" may have been meant as
// a stage direction, which is written {laughs}. An editorial insertion in
// brackets is written with its first bracket escaped, \\[matting], which
// silences the warning. Only brackets closed on the same line are looked
// at; code spans and autolinks are skipped (the former are rejected). Each
// line is read once, brackets matched with a stack, so that the time is
// linear however many brackets a line holds.
func (c *conv) brackets(lines *text.Segments) {
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := c.f.src[seg.Start:seg.Stop]
		if bytes.IndexByte(line, '[') < 0 {
			continue
		}
		var open []int
		var pairs [][2]int
		noCloser := [2]bool{} // no ` or > after this point
		for j := 0; j < len(line); j++ {
			switch line[j] {
			case '\\':
				j++
			case '`', '<':
				closer, which := byte('`'), 0
				if line[j] == '<' {
					closer, which = '>', 1
				}
				if noCloser[which] {
					continue
				}
				if k := bytes.IndexByte(line[j+1:], closer); k >= 0 {
					j += k + 1
				} else {
					noCloser[which] = true
				}
			case '[':
				open = append(open, j)
			case ']':
				if n := len(open); n > 0 {
					pairs = append(pairs, [2]int{open[n-1], j})
					open = open[:n-1]
				}
			}
		}
		// Inner pairs close first: visit them in order of their opening.
		sort.Slice(pairs, func(a, b int) bool { return pairs[a][0] < pairs[b][0] })
		end := -1
		for _, p := range pairs {
			switch {
			case p[0] < end: // inside a bracketed text already reported
			case line[p[0]+1] == '^': // a note mark
			case p[1]+1 < len(line) && line[p[1]+1] == '(': // a link's text
			default:
				c.warnAt(seg.Start+p[0], "bracketed text %s is printed as it stands: a stage direction is written {…}; escape the first bracket (\\[) of an editorial insertion", shorten(string(line[p[0]:p[1]+1])))
				end = p[1]
			}
		}
	}
}

// reject reports a block the conventions give no meaning to.
func (c *conv) reject(n ast.Node) {
	off := nodePos(n)
	switch n := n.(type) {
	case *ast.Heading:
		if n.Level == 1 {
			c.errAt(off, "a second level-1 heading: each file has one title")
		} else {
			c.errAt(off, "sub-heading (level %d) is not allowed", n.Level)
		}
	case *ast.List:
		c.errAt(off, "list is not allowed (to begin a line with a number and a dot or with -, escape it: 1935\\. or \\-)")
	case *ast.Blockquote:
		c.errAt(off, "block quote is not allowed here: a quotation (>) stands only within a turn of %s", InterviewFile)
	case *ast.CodeBlock:
		c.errAt(off, "code block (a line indented by four spaces) is not allowed")
	case *ast.FencedCodeBlock:
		c.errAt(off, "code block is not allowed")
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 {
			c.errAt(off, "HTML comment is not allowed")
		} else {
			c.errAt(off, "raw HTML is not allowed")
		}
	case *ast.ThematicBreak:
		c.errAt(off, "thematic break is not allowed")
	case *ast.LinkReferenceDefinition:
		c.errAt(off, "link reference definition is not allowed: write [text](URL)")
	case *east.FootnoteList:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			c.reject(ch)
		}
	case *east.Footnote:
		c.errAt(off, "note definition [^%s] outside %s", n.Ref, EndnotesFile)
	default:
		c.errAt(off, "%s is not allowed", n.Kind())
	}
}

// inlines converts the inline content of n.
func (c *conv) inlines(n ast.Node) []edition.Inline {
	out := &inlineBuilder{c: c, pending: c.buf[:0]}
	c.buf = nil // a nested list's builder makes its own
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if _, isText := ch.(*ast.Text); !isText {
			// Positions are computed fastest in the order of the source.
			out.flush()
		}
		switch x := ch.(type) {
		case *ast.Text:
			out.source(x.Segment)
			if x.HardLineBreak() {
				c.errAt(x.Segment.Stop, "hard line break is not allowed: a paragraph is one run of text")
			} else if x.SoftLineBreak() {
				out.text(" ", x.Segment.Stop)
			}
		case *ast.String:
			out.text(string(x.Value), nodePos(x))
		case *ast.Emphasis:
			if x.Level != 1 {
				c.errAt(nodePos(x), "strong emphasis (**…**) is not allowed: use *…*")
			}
			out.add(&edition.Emphasis{Content: c.inlines(x)})
		case *ast.Link:
			out.add(c.link(x)...)
		case *ast.AutoLink:
			url := string(x.URL(c.f.src))
			if x.AutoLinkType != ast.AutoLinkURL {
				c.errAt(nodePos(x), "link to %q is not allowed: write <mailto:%s>", url, url)
			} else if norm, err := parseURL(url, webOrMail); err != nil {
				c.errAt(nodePos(x), "link to %q: %v", url, err)
			} else {
				// The link shows its URL as every edition writes it.
				url = norm
			}
			start := nodePos(x)
			if start < len(c.f.src) && c.f.src[start] == '<' {
				start++
			}
			out.add(&edition.Link{URL: url, Content: []edition.Inline{
				&edition.Text{Text: url, Pos: c.f.pos(start)}}})
		case *ast.RawHTML:
			raw := ""
			if x.Segments.Len() > 0 {
				seg := x.Segments.At(0)
				raw = string(seg.Value(c.f.src))
			}
			if strings.HasPrefix(raw, "<!--") {
				c.errAt(nodePos(x), "HTML comment is not allowed")
			} else {
				c.errAt(nodePos(x), "raw HTML %s is not allowed", shorten(raw))
			}
		case *ast.CodeSpan:
			c.errAt(nodePos(x), "code span is not allowed")
		case *ast.Image:
			c.errAt(nodePos(x), "image is not allowed")
		case *directionNode:
			out.add(c.direction(x)...)
		case *noteRefNode:
			off := nodePos(x)
			switch {
			case x.bad:
				c.errAt(off, "malformed note reference: [^ without ]")
			case c.inNote:
				c.errAt(off, "note reference [^%s] in %s is not allowed: notes are referenced from the text", x.label, EndnotesFile)
			case !labelRE.MatchString(x.label):
				c.errAt(off, "note label %q: use letters, digits, - and _", x.label)
			default:
				ref := &edition.NoteRef{Label: x.label, Pos: c.f.pos(off)}
				c.notes.refs = append(c.notes.refs, ref)
				out.add(ref)
			}
		default:
			c.errAt(nodePos(x), "%s is not allowed", x.Kind())
		}
	}
	return out.done()
}

// direction converts {text} into a stage direction, where one is allowed.
func (c *conv) direction(x *directionNode) []edition.Inline {
	off := nodePos(x)
	if x.bad != "" {
		c.errAt(off, "%s", x.bad)
		return nil
	}
	if !c.inTurn {
		c.errAt(off, "stage direction {…} outside a turn: directions stand only in what a speaker says, in %s; escape a literal brace as \\{", InterviewFile)
		return nil
	}
	raw := c.f.src[x.start:x.stop]
	lead := len(raw) - len(bytes.TrimLeft(raw, " \t"))
	txt := strings.TrimSpace(c.unescape(raw, x.start))
	if txt == "" {
		c.errAt(off, "empty stage direction {}")
		return nil
	}
	return []edition.Inline{&edition.Direction{
		Content: []edition.Inline{&edition.Text{Text: txt, Pos: c.f.pos(x.start + lead)}},
		Pos:     c.f.pos(off),
	}}
}

// link converts [text](target): a foreign-language span for lang:tag, a
// hyperlink for a web URL.
func (c *conv) link(x *ast.Link) []edition.Inline {
	off := nodePos(x)
	dest := c.unescape(x.Destination, off)
	content := c.inlines(x)
	if len(x.Title) > 0 {
		c.errAt(off, "link title is not allowed")
	}
	if len(content) == 0 {
		c.errAt(off, "link without text")
	}
	switch {
	case strings.HasPrefix(dest, "lang:"):
		tag := strings.TrimPrefix(dest, "lang:")
		if !langRE.MatchString(tag) {
			c.errAt(off, "language tag %q is not a BCP 47 tag", tag)
		}
		return []edition.Inline{&edition.Foreign{Lang: tag, Content: content}}
	case strings.Contains(dest, ":"):
		norm, err := parseURL(dest, webOrMail)
		if err != nil {
			c.errAt(off, "link to %q: %v", dest, err)
			return content
		}
		return []edition.Inline{&edition.Link{URL: norm, Content: content}}
	}
	c.errAt(off, "link to %q is not allowed: only http://, https:// and mailto: links and lang: spans", dest)
	return content
}

// langRE is a well-formed BCP 47 language tag, near enough.
var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$`)

func shorten(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// inlineBuilder collects inline content, joining adjacent runs of text
// into one Text (in linear time, however many pieces goldmark splits them
// into). The pieces are collected in one buffer, and each Text's string is
// made once, of its length.
type inlineBuilder struct {
	c       *conv
	out     []edition.Inline
	pending []byte
	off     int // where the pending text starts
}

// text appends s, which stands at offset off.
func (b *inlineBuilder) text(s string, off int) {
	if s == "" {
		return
	}
	if len(b.pending) == 0 {
		b.off = off
	}
	b.pending = append(b.pending, s...)
}

// source appends the characters of a text segment: backslash escapes
// undone (see appendUnescaped).
func (b *inlineBuilder) source(seg text.Segment) {
	was := len(b.pending)
	b.pending = b.c.appendUnescaped(b.pending, seg.Value(b.c.f.src), seg.Start)
	if was == 0 && len(b.pending) > 0 {
		b.off = seg.Start
	}
}

// add appends inlines that are not text, or whole Text nodes.
func (b *inlineBuilder) add(ins ...edition.Inline) {
	for _, in := range ins {
		if t, ok := in.(*edition.Text); ok && len(b.pending) > 0 {
			b.pending = append(b.pending, t.Text...)
			continue
		}
		b.flush()
		b.out = append(b.out, in)
	}
}

func (b *inlineBuilder) flush() {
	if len(b.pending) == 0 {
		return
	}
	b.out = append(b.out, &edition.Text{Text: string(b.pending), Pos: b.c.f.pos(b.off)})
	b.pending = b.pending[:0]
}

// done returns the content, giving the builder's buffer back to the conv.
func (b *inlineBuilder) done() []edition.Inline {
	b.flush()
	b.c.buf = b.pending
	return b.out
}

// unescape returns the characters of v, which stands at offset off in the
// source, as appendUnescaped reads them.
func (c *conv) unescape(v []byte, off int) string {
	return string(c.appendUnescaped(nil, v, off))
}

// appendUnescaped appends the characters of v, which stands at offset off
// in the source, to dst: backslash escapes undone. Character references
// (&amp;, &#233;) are reported: the source types characters as
// themselves.
func (c *conv) appendUnescaped(dst, v []byte, off int) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return append(dst, v...)
	}
	for i := 0; i < len(v); i++ {
		ch := v[i]
		if ch == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			dst = append(dst, v[i+1])
			i++
			continue
		}
		if ch == '&' {
			if n := entityLen(v[i:]); n > 0 {
				c.errAt(off+i, "character reference %s is not allowed: type the character itself", v[i:i+n])
			}
		}
		dst = append(dst, ch)
	}
	return dst
}

var entityRE = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{0,31}));`)

// entityLen returns the length of the character reference v begins with,
// or 0.
func entityLen(v []byte) int {
	m := entityRE.FindSubmatchIndex(v)
	if m == nil {
		return 0
	}
	if m[2] >= 0 {
		if _, ok := util.LookUpHTML5EntityByName(string(v[m[2]:m[3]])); !ok {
			return 0
		}
	}
	return m[1]
}
