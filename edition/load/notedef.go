package load

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// noteDefParser is the goldmark block parser of a note's definition: a
// line "[^label]: text", and the lines after it indented by four columns
// (or blank), as the note's blocks. It makes the footnote extension's
// nodes — each definition an east.Footnote, all of a document in one
// east.FootnoteList where the first was — and reads what the extension's
// block parser reads: TestNoteDefsAsExtension and FuzzNoteDefs compare the
// two trees. It is ours rather than the extension's because importing
// goldmark's extension package compiles, in every process, the regular
// expressions of extensions the manuscript does not use (linkify's
// URL patterns among them): about a millisecond, a sixth of the program's
// initialisation (issue 13 asks for initialisation a build does not need
// to go). The rest is goldmark's: its nodes, readers and helpers.
type noteDefParser struct{}

// maxNoteLabel is the longest label read, in bytes: CommonMark's limit on
// a link label, as the extension's.
const maxNoteLabel = 999

// noteListKey keeps a document's east.FootnoteList in the parser's
// context.
var noteListKey = parser.NewContextKey()

// Trigger implements parser.BlockParser: a definition begins with "[".
func (noteDefParser) Trigger() []byte { return []byte{'['} }

// Open implements parser.BlockParser: it opens a definition at "[^label]:"
// with a label that is not blank, and with its text, if any, as the
// definition's first child.
func (noteDefParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	at := pc.BlockOffset()
	if at < 0 || !bytes.HasPrefix(line[at:], []byte("[^")) {
		return nil, parser.NoChildren
	}
	start := at + 2 // the label's first byte
	// The label is on the definition's line, as the extension reads it:
	// the line-bound helper is the one that reads it alike.
	//lint:ignore SA1019 the label is read on one line, as the extension reads it
	end := util.FindClosure(line[start:min(len(line), start+maxNoteLabel)], '[', ']', false, false)
	if end < 0 {
		return nil, parser.NoChildren
	}
	end += start // the closing bracket
	if end+1 >= len(line) || line[end+1] != ':' {
		return nil, parser.NoChildren
	}
	padding := segment.Padding
	label := reader.Value(text.NewSegment(segment.Start+start-padding, segment.Start+end-padding))
	if util.IsBlank(label) {
		return nil, parser.NoChildren
	}
	note := east.NewFootnote(label)
	next := end + 2 - padding // after the colon
	if next >= len(line) {
		reader.Advance(next)
		return note, parser.NoChildren
	}
	reader.AdvanceAndSetPadding(next, padding)
	return note, parser.HasChildren
}

// Continue implements parser.BlockParser: blank lines and lines indented
// by four columns go on the definition.
func (noteDefParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	at, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	if at < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(at, padding)
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser: the definition moves into the
// document's list of definitions, made where the first one was.
func (noteDefParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	parent := node.Parent()
	list, _ := pc.Get(noteListKey).(*east.FootnoteList)
	if list == nil {
		list = east.NewFootnoteList()
		pc.Set(noteListKey, list)
		parent.InsertBefore(parent, node, list)
	}
	parent.RemoveChild(parent, node)
	list.AppendChild(list, node)
}

// CanInterruptParagraph implements parser.BlockParser: a definition may
// follow a paragraph without a blank line.
func (noteDefParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser: an indented line
// is code, not a definition.
func (noteDefParser) CanAcceptIndentedLine() bool { return false }
