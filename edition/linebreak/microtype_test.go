package linebreak

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// micro returns p with every box and hyphen expandable and, where the text
// ends in punctuation, protrusion on the right as microtype's defaults give
// it (a comma or full stop half its width, a hyphen half its width).
func micro(p para) para {
	q := para{items: append([]Item(nil), p.items...), labels: p.labels}
	for i := range q.items {
		it := &q.items[i]
		switch it.Kind {
		case Box:
			it.Expandable = true
			if s := q.labels[i]; s != "" && strings.ContainsAny(s[len(s)-1:], ",.;:-") {
				it.ProtrudeRight = charW / 2
			}
		case Penalty:
			if it.Width > 0 {
				it.Expandable = true
				it.ProtrudeRight = charW / 2
			}
		}
	}
	return q
}

// expansionParams are TeX's with ±2 % expansion in steps of 0.5 %.
func expansionParams() Params {
	p := TeX()
	p.EmergencyStretch = 2 * spaceW
	p.Expansion = 0.02
	p.ExpansionStep = 0.005
	p.MaxExpansionJump = 0.01
	return p
}

// TestOffUnchanged: expandable and protruding items change nothing while
// expansion is off and the protrusion amounts are zero.
func TestOffUnchanged(t *testing.T) {
	for _, w := range []float64{100, 150, 200, 250, 300, 390} {
		p := build(frogKing+" "+bookPara, true)
		params := TeX()
		params.EmergencyStretch = 2 * spaceW
		want, err := Break(p.items, fixed(w), params)
		if err != nil {
			t.Fatal(err)
		}
		q := micro(p)
		for i := range q.items {
			q.items[i].ProtrudeRight = 0
		}
		got, err := Break(q.items, fixed(w), params)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("width %v: expandable items without expansion broke differently", w)
		}
	}
}

// TestExpansion breaks the two test paragraphs at several measures with and
// without expansion: every line must stay within the limits, and expansion
// must make the spacing more even (a lower total of glue ratios) and never
// need more underfull lines.
func TestExpansion(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
	}{
		{frogKing, 150}, {frogKing, 200}, {frogKing, 250}, {frogKing, 300},
		{bookPara, 150}, {bookPara, 200}, {bookPara, 300},
	} {
		t.Run(fmt.Sprintf("%s-%v", c.text[:5], c.width), func(t *testing.T) {
			p := micro(build(c.text, true))
			for i := range p.items {
				p.items[i].ProtrudeRight = 0
			}
			plain := expansionParams()
			plain.Expansion, plain.ExpansionStep, plain.MaxExpansionJump = 0, 0, 0
			base, err := Break(p.items, fixed(c.width), plain)
			if err != nil {
				t.Fatal(err)
			}
			params := expansionParams()
			lines, err := Break(p.items, fixed(c.width), params)
			if err != nil {
				t.Fatal(err)
			}
			check(t, p, lines, fixed(c.width), params)
			spread := func(ls []Line) (sum float64, under int) {
				for _, l := range ls[:len(ls)-1] {
					sum += math.Abs(l.Ratio)
					if l.Underfull {
						under++
					}
				}
				return sum / float64(len(ls)-1), under
			}
			b, bu := spread(base)
			e, eu := spread(lines)
			expanded := 0
			for _, l := range lines {
				if l.Expansion != 0 {
					expanded++
				}
			}
			t.Logf("mean |glue ratio| %.3f → %.3f, underfull %d → %d, %d of %d lines expanded", b, e, bu, eu, expanded, len(lines))
			if e >= b {
				t.Errorf("expansion did not even the spacing: mean |ratio| %.3f → %.3f", b, e)
			}
			if eu > bu {
				t.Errorf("expansion made %d underfull lines, %d without", eu, bu)
			}
			if expanded == 0 {
				t.Error("no line expanded")
			}
		})
	}
}

// TestExpansionGolden shows the chosen expansions on the narrow frog
// paragraph, where they matter most.
func TestExpansionGolden(t *testing.T) {
	p := micro(build(frogKing, true))
	params := expansionParams()
	lines, err := Break(p.items, fixed(200), params)
	if err != nil {
		t.Fatal(err)
	}
	check(t, p, lines, fixed(200), params)
	golden(t, "frog-200-microtype", p, lines, fixed(200))
}

// TestExpansionJump: the demerits for adjacent lines whose expansions
// differ by more than MaxExpansionJump make such steps rarer.
func TestExpansionJump(t *testing.T) {
	p := micro(build(frogKing+" "+bookPara+" "+frogKing, true))
	jumps := func(bound, count float64) int {
		params := expansionParams()
		params.MaxExpansionJump = bound
		lines, err := Break(p.items, fixed(180), params)
		if err != nil {
			t.Fatal(err)
		}
		check(t, p, lines, fixed(180), params)
		n := 0
		for k := 1; k < len(lines)-1; k++ {
			if math.Abs(lines[k].Expansion-lines[k-1].Expansion) > count+1e-9 {
				n++
			}
		}
		return n
	}
	for _, j := range []float64{0.005, 0.01} {
		free, bound := jumps(0, j), jumps(j, j)
		t.Logf("steps above %.3f: %d free, %d with the bound", j, free, bound)
		if bound >= free {
			t.Errorf("steps above %.3f: %d with the bound, %d without", j, bound, free)
		}
	}
}

// TestNotExpandable: a line made only of boxes that may not expand gets no
// expansion, whatever it lacks.
func TestNotExpandable(t *testing.T) {
	p := build(frogKing, true)
	params := expansionParams()
	lines, err := Break(p.items, fixed(200), params)
	if err != nil {
		t.Fatal(err)
	}
	check(t, p, lines, fixed(200), params)
	for k, l := range lines {
		if l.Expansion != 0 {
			t.Errorf("line %d %q: expansion %.3f of material that may not expand", k, p.text(l), l.Expansion)
		}
	}
}

// TestExpansionSplit is a table of how a line's lack is split between
// glyphs and glue.
func TestExpansionSplit(t *testing.T) {
	b := &breaker{p: Params{Expansion: 0.02, ExpansionStep: 0.005}}
	for _, c := range []struct {
		name           string
		delta, y, z, x float64
		e, glue        float64
	}{
		// 6 to fill, glue stretch 10, expandable 200 (stretch 4): r = 0.43.
		{"stretch", 6, 10, 5, 200, 0.01, 0.4},
		// r beyond 1: expansion at its limit, the glue takes the rest.
		{"loose", 30, 10, 5, 200, 0.02, 2.6},
		// -3 with shrink 5+4: r = -1/3, e = -0.00667 → -0.005.
		{"shrink", -3, 10, 5, 200, -0.005, -0.4},
		// All shrink used: at the limit.
		{"tightest", -9, 10, 5, 200, -0.02, -1},
		// r = -0.86: -0.0172 rounds to -0.015, which would leave the glue
		// 1.3 to shrink of its 1: one step further.
		{"shrink rounded outwards", -4.3, 10, 1, 200, -0.02, -0.3},
		// The paragraph's last line, filled by its fill glue.
		{"last line", 150, 1e6, 0, 50, 0, 150e-6},
		// Rounded up, the glyphs take more than the line lacks and the
		// glue shrinks a little.
		{"rounded up", 0.8, 2, 5, 200, 0.005, -0.04},
		// No glue: never past the measure.
		{"no glue", 3, 0, 0, 200, 0.015, 0},
		{"nothing to expand", 3, 10, 5, 0, 0, 0.3},
		{"nothing lacking", 0, 10, 5, 200, 0, 0},
	} {
		r := glueRatio(c.delta, c.y+0.02*c.x, c.z+0.02*c.x)
		e, g := b.expansion(r, c.delta, c.y, c.z, c.x)
		if math.Abs(e-c.e) > 1e-9 || math.Abs(g-c.glue) > 1e-9 {
			t.Errorf("%s: expansion(%.3f, %v, %v, %v, %v) = %.4f, %.4f; want %.4f, %.4f",
				c.name, r, c.delta, c.y, c.z, c.x, e, g, c.e, c.glue)
		}
		// Whatever the split, glyphs and glue fill the line, or with
		// no glue leave it short.
		if filled := e*c.x + setGlue(g, c.y, c.z); c.y > 0 && math.Abs(filled-c.delta) > 1e-9 && g > -1 {
			t.Errorf("%s: glyphs and glue give %.3f of %.3f", c.name, filled, c.delta)
		}
	}
}

func setGlue(r, y, z float64) float64 {
	if r >= 0 {
		return r * y
	}
	return r * z
}

// TestProtrusion: a line ending in a comma or a hyphen may be that much
// wider; the breaker reports what hangs, and a line that only fits with
// its punctuation in the margin is set so.
func TestProtrusion(t *testing.T) {
	// "aaaa bbbb," is 43.33 natural; its space shrinks by 1.11. At a
	// measure of 41, it fits only if the comma hangs (2.5).
	mk := func(prot float64) []Item {
		return Finish([]Item{
			{Kind: Box, Width: 20}, {Kind: Glue, Width: spaceW, Stretch: spaceStr, Shrink: spaceShr},
			{Kind: Box, Width: 20, ProtrudeRight: prot}, {Kind: Glue, Width: spaceW, Stretch: spaceStr, Shrink: spaceShr},
			{Kind: Box, Width: 20, ProtrudeLeft: 1},
		})
	}
	for _, c := range []struct {
		name      string
		prot      float64
		firstEnds int // the break item of the first line
		hangR     float64
	}{
		{"without", 0, 1, 0},
		{"comma hangs", 2.5, 3, 2.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			items := mk(c.prot)
			lines, err := Break(items, fixed(41), TeX())
			if err != nil {
				t.Fatal(err)
			}
			if lines[0].End != c.firstEnds || lines[0].ProtrudeRight != c.hangR {
				t.Fatalf("first line ends at %d hanging %.2f, want %d hanging %.2f (%+v)",
					lines[0].End, lines[0].ProtrudeRight, c.firstEnds, c.hangR, lines)
			}
			// The next line begins with a box that hangs left by 1.
			if last := lines[len(lines)-1]; items[last.Start].ProtrudeLeft == 1 && last.ProtrudeLeft != 1 {
				t.Errorf("last line starts with a box hanging 1, reports %.2f", last.ProtrudeLeft)
			}
			// The set line fills the measure plus what hangs.
			var w float64
			for i := lines[0].Start; i < lines[0].End; i++ {
				w += SetWidth(items[i], lines[0].Ratio)
			}
			if !lines[0].Underfull && math.Abs(w-(41+lines[0].ProtrudeLeft+lines[0].ProtrudeRight)) > 1e-9 {
				t.Errorf("first line set %.3f wide, want the measure 41 plus %.2f", w, lines[0].ProtrudeRight)
			}
		})
	}
}

// TestProtrusionParagraph: with hanging punctuation and hyphens, every line
// of the book paragraph still fills its measure exactly once what hangs is
// taken off (check), and lines ending in a hyphen or comma report it.
func TestProtrusionParagraph(t *testing.T) {
	p := micro(build(bookPara+" "+frogKing, true))
	params := expansionParams()
	for _, w := range []float64{200, 300} {
		lines, err := Break(p.items, fixed(w), params)
		if err != nil {
			t.Fatal(err)
		}
		texts := check(t, p, lines, fixed(w), params)
		hung := 0
		for k, l := range lines[:len(lines)-1] {
			s := texts[k]
			ends := strings.ContainsAny(s[len(s)-1:], ",.;:-")
			if ends != (l.ProtrudeRight > 0) {
				t.Errorf("line %d %q: hangs %.2f into the right margin", k, s, l.ProtrudeRight)
			}
			if ends {
				hung++
			}
		}
		if hung == 0 {
			t.Errorf("width %v: no line ends in punctuation to hang", w)
		}
		if last := lines[len(lines)-1]; last.ProtrudeRight != 0 {
			t.Errorf("the last line, ended by the paragraph's fill, hangs %.2f", last.ProtrudeRight)
		}
	}
}

func TestExpansionParamsInvalid(t *testing.T) {
	p := build("a few words", false)
	for _, bad := range []Params{
		{Tolerance: 200, Expansion: -0.01},
		{Tolerance: 200, Expansion: math.NaN()},
		{Tolerance: 200, Expansion: 0.02, ExpansionStep: 2},
	} {
		if _, err := Break(p.items, fixed(100), bad); err == nil {
			t.Errorf("Break accepted %+v", bad)
		}
	}
	if _, err := Break(Finish([]Item{{Kind: Box, Width: 1, ProtrudeLeft: math.Inf(1)}}), fixed(100), TeX()); err == nil {
		t.Error("Break accepted an infinite protrusion")
	}
}
