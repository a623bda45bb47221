package linebreak_test

import (
	"fmt"
	"strings"

	"edition/edition/linebreak"
)

// words turns text into items for a font in which every character is 5
// units wide and a space 3⅓, stretching by half and shrinking by a third.
// With expand, the words' glyphs may be expanded; with hang, a word ending
// in a comma or full stop may hang half a character into the right margin.
func words(text string, expand, hang bool) ([]linebreak.Item, []string) {
	var items []linebreak.Item
	var labels []string
	for i, w := range strings.Fields(text) {
		if i > 0 {
			items = append(items, linebreak.Item{Kind: linebreak.Glue, Width: 10.0 / 3, Stretch: 5.0 / 3, Shrink: 10.0 / 9})
			labels = append(labels, " ")
		}
		box := linebreak.Item{Kind: linebreak.Box, Width: 5 * float64(len(w)), Expandable: expand}
		if hang && strings.ContainsAny(w[len(w)-1:], ",.") {
			box.ProtrudeRight = 2.5
		}
		items = append(items, box)
		labels = append(labels, w)
	}
	return linebreak.Finish(items), labels
}

func show(lines []linebreak.Line, labels []string) {
	for _, l := range lines {
		var b strings.Builder
		for i := l.Start; i < l.End && i < len(labels); i++ {
			b.WriteString(labels[i])
		}
		fmt.Printf("%-34s glue %+.2f  glyphs %+.1f%%  hangs %.1f\n", b.String(), l.Ratio, 100*l.Expansion, l.ProtrudeRight)
	}
}

const measure = 117

const text = "Close by the king's castle lay a great dark forest, and under an old lime tree in the forest was a well."

// Break sets a paragraph with TeX's parameters: each line reports the
// ratio its spaces are stretched (positive) or shrunk (negative) by. At
// this narrow measure, without hyphenation, the first line cannot be set
// within the tolerance.
func ExampleBreak() {
	items, labels := words(text, false, false)
	lines, err := linebreak.Break(items, func(int) float64 { return measure }, linebreak.TeX())
	if err != nil {
		panic(err)
	}
	show(lines, labels)
	// Output:
	// Close by the king's                glue +5.40  glyphs +0.0%  hangs 0.0
	// castle lay a great dark            glue +1.30  glyphs +0.0%  hangs 0.0
	// forest, and under an old           glue +0.55  glyphs +0.0%  hangs 0.0
	// lime tree in the forest            glue +1.30  glyphs +0.0%  hangs 0.0
	// was a well.                        glue +0.00  glyphs +0.0%  hangs 0.0
}

// With font expansion, a line's glyphs take part of what it lacks, up to
// ±2 % here in steps of 0.5 %: the paragraph has better breaks, and its
// spaces stay closer to their natural width.
func ExampleBreak_expansion() {
	items, labels := words(text, true, false)
	p := linebreak.TeX()
	p.Expansion, p.ExpansionStep, p.MaxExpansionJump = 0.02, 0.005, 0.01
	lines, err := linebreak.Break(items, func(int) float64 { return measure }, p)
	if err != nil {
		panic(err)
	}
	show(lines, labels)
	// Output:
	// Close by the king's castle         glue -0.93  glyphs -2.0%  hangs 0.0
	// lay a great dark forest,           glue +0.40  glyphs +1.0%  hangs 0.0
	// and under an old lime tree         glue -0.65  glyphs -1.0%  hangs 0.0
	// in the forest was a well.          glue +0.00  glyphs +0.0%  hangs 0.0
}

// With protrusion, a comma or full stop at the end of a line hangs into
// the margin: the second line is set 2.5 wider than the measure, its comma
// past the right edge, so that its letters end on the edge.
func ExampleBreak_protrusion() {
	items, labels := words(text, false, true)
	lines, err := linebreak.Break(items, func(int) float64 { return 122 }, linebreak.TeX())
	if err != nil {
		panic(err)
	}
	show(lines, labels)
	// Output:
	// Close by the king's castle         glue -0.30  glyphs +0.0%  hangs 0.0
	// lay a great dark forest,           glue +1.67  glyphs +0.0%  hangs 2.5
	// and under an old lime tree         glue +0.04  glyphs +0.0%  hangs 0.0
	// in the forest was a well.          glue +0.00  glyphs +0.0%  hangs 0.0
}

// A discretionary break stands for a word whose hyphenation point falls
// inside a ligature: "office" is o, \discretionary{f-}{fi}{ffi}, ce. Set
// whole, the word has its ffi ligature (12 units wide here, narrower than
// three letters); broken, the first line ends "of-" and the next begins
// "fice" with an fi ligature.
func ExampleBreak_discretionary() {
	space := linebreak.Item{Kind: linebreak.Glue, Width: 10.0 / 3, Stretch: 5.0 / 3, Shrink: 10.0 / 9}
	office := []linebreak.Item{
		{Kind: linebreak.Box, Width: 5}, // o
		{Kind: linebreak.Penalty, Penalty: 50, Flagged: true,
			Width: 10, PostBreak: 8, NoBreak: 12}, // f- | fi | ffi
		{Kind: linebreak.Box, Width: 10}, // ce
	}
	set := func(measure float64) {
		items := []linebreak.Item{{Kind: linebreak.Box, Width: 15}, space} // "the"
		items = linebreak.Finish(append(items, office...))
		lines, _ := linebreak.Break(items, func(int) float64 { return measure }, linebreak.TeX())
		labels := []string{"the", " ", "o", "ffi", "ce"}
		for k, l := range lines {
			text := ""
			if k > 0 && items[lines[k-1].End].Discretionary() {
				text = "fi" // the post-break material
			}
			for i := l.Start; i < l.End && i < len(labels); i++ {
				text += labels[i]
			}
			if l.Hyphenated {
				text += "f-" // the pre-break material
			}
			fmt.Printf("measure %v line %d: %-9s glue %+.2f\n", measure, k+1, text, l.Ratio)
		}
	}
	set(46)   // 15 + 3⅓ + 5 + 12 + 10 = 45⅓: the word stays whole
	set(32.5) // "the of-" is 33⅓ and shrinks to 32.2
	set(30)   // too narrow for that: the word goes to the next line
	// Output:
	// measure 46 line 1: the office glue +0.00
	// measure 32.5 line 1: the of-   glue -0.75
	// measure 32.5 line 2: fice      glue +0.00
	// measure 30 line 1: the       glue +0.00
	// measure 30 line 2: office    glue +0.00
}
