package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// extensionParser is mdParser with the footnote extension's block parser
// in place of noteDefParser: what noteDefParser must read alike.
var extensionParser = parser.NewParser(
	parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
		util.Prioritized(extension.NewFootnoteBlockParser(), 999))...),
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(noteRefParser{}, 99),
		util.Prioritized(directionParser{}, 99))...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// tree writes the goldmark tree of src, as p parses it, as text: each
// node's kind, its lines or its text, and a definition's label.
func tree(p parser.Parser, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), n.Kind())
		switch n := n.(type) {
		case *east.Footnote:
			fmt.Fprintf(&b, " ref=%q", n.Ref)
		case *ast.Text:
			fmt.Fprintf(&b, " %q soft=%v hard=%v", n.Segment.Value(src), n.SoftLineBreak(), n.HardLineBreak())
		case *ast.Heading:
			fmt.Fprintf(&b, " level=%d", n.Level)
		}
		if n.Type() == ast.TypeBlock {
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				fmt.Fprintf(&b, " [%d:%d+%d %q]", seg.Start, seg.Stop, seg.Padding, seg.Value(src))
			}
		}
		b.WriteByte('\n')
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth+1)
		}
	}
	walk(p.Parse(text.NewReader(src)), 0)
	return b.String()
}

// noteDefCases are definitions and near-definitions, well and badly made.
var noteDefCases = []string{
	"[^1]: A note.\n",
	"[^1]: A note\nwith a lazy line.\n\n    And a second paragraph.\n\n[^b]: Another.\n",
	"Text [^1].\n[^1]: Interrupts the paragraph.\n",
	"[^1]:\n    Text on the next line.\n",
	"[^1]:\n\nNot the note's.\n",
	"[^ ]: blank label\n",
	"[^]: empty label\n",
	"[^a b]: spaced label\n",
	"[^a[b]: bracket in the label\n",
	"[^a\\]b]: escaped bracket\n",
	"[^a]b]: text after the bracket\n",
	"[^a] : space before the colon\n",
	"[^a]:no space\n",
	"[^a]:\tTab.\n\n\tTab-indented paragraph.\n",
	"   [^a]: indented three\n",
	"    [^a]: indented four (code)\n",
	"> [^a]: in a quotation\n> more\n",
	"- [^a]: in a list\n  more\n",
	"[^a]: one\n[^b]: two\n[^a]: again\n",
	"[link]: /url\n[^a]: note\n",
	"# Title\n\n[^a]: note\n\n## Not the note's\n",
	"[^" + strings.Repeat("x", 998) + "]: long label\n",
	"[^" + strings.Repeat("x", 999) + "]: too long label\n",
	"[^a]: note\n\n        code in the note\n",
	"[^a]: *emphasis* and [^b] a reference\n",
	"[^a]: ünïcödé\n\n    ünïcödé too\n",
	"[^",
	"[^a]",
	"[^a]:",
}

// TestNoteDefsAsExtension checks that noteDefParser reads definitions as
// the footnote extension's block parser does: the same trees, for the
// cases above and every Markdown file of the books in the repository.
func TestNoteDefsAsExtension(t *testing.T) {
	docs := map[string][]byte{}
	for i, c := range noteDefCases {
		docs[fmt.Sprintf("case %d", i)] = []byte(c)
	}
	for _, dir := range []string{"../../source", "../../testdata/books/second", "testdata/book"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Markdown in %s (%v)", dir, err)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs[f] = src
		}
	}
	defs := 0
	for name, src := range docs {
		got, want := tree(mdParser(), src), tree(extensionParser, src)
		if got != want {
			t.Errorf("%s: noteDefParser's tree\n%s\nthe extension's\n%s", name, got, want)
		}
		defs += strings.Count(got, "Footnote ref=")
	}
	if defs < 20 {
		t.Errorf("only %d definitions read in all: the test proves little", defs)
	}
}

// FuzzNoteDefs checks that noteDefParser and the extension's block parser
// make the same tree of any text.
func FuzzNoteDefs(f *testing.F) {
	for _, c := range noteDefCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		src := []byte(s)
		if got, want := tree(mdParser(), src), tree(extensionParser, src); got != want {
			t.Errorf("%q: noteDefParser's tree\n%s\nthe extension's\n%s", s, got, want)
		}
	})
}
