package layout

import (
	"math"
	"strings"
	"testing"

	"edition/edition"
	"edition/edition/layout/shape"
	"edition/edition/linebreak"
	"edition/internal/testbook"
)

func buildItems(t *testing.T, content []edition.Inline) (*paragraph, edition.ErrorList) {
	t.Helper()
	m, err := loadMetrics()
	if err != nil {
		t.Fatal(err)
	}
	var errs edition.ErrorList
	b := newParaBuilder(m, &errs, "p-1")
	b.inlines(content, textStyle{face: Roman, size: 10})
	return b.finish(), errs
}

// TestParagraphItems builds the items of a paragraph with every kind of
// inline and checks what the boxes draw against the model's plain text.
func TestParagraphItems(t *testing.T) {
	content := []edition.Inline{
		txt("He said "),
		&edition.Quoted{Kind: edition.DoubleQuote, Content: []edition.Inline{txt("read "), &edition.Emphasis{Content: []edition.Inline{txt("Anti-Dühring")}}}},
		txt(" in "),
		&edition.Foreign{Lang: "fr", Content: []edition.Inline{txt("extraordinairement")}},
		txt(" understanding."),
		&edition.NoteRef{Label: "x", Number: 3},
		txt(" See\u00a0"),
		&edition.Link{URL: "http://example.org/a/b.html", Content: []edition.Inline{txt("http://example.org/a/b.html")}},
		txt("."),
	}
	p, errs := buildItems(t, content)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	plain := []rune(edition.PlainText(content))
	var drawn strings.Builder
	var sawItalic, sawMark, sawURL bool
	flagged := 0
	for i, it := range p.items {
		pc := p.pieces[i]
		switch it.Kind {
		case linebreak.Box:
			w := 0.0
			var boxText strings.Builder
			for _, f := range pc.frags {
				w += f.W
				if f.refs().Note > 0 {
					sawMark = true
					if f.refs().Note != 3 || f.Rise <= 0 || f.Size >= 10 {
						t.Errorf("note mark %+v: want number 3, raised and smaller", f)
					}
					continue
				}
				if f.Face == Italic {
					sawItalic = true
					if !strings.Contains("Anti-Dühring", f.Text) {
						t.Errorf("%q set in italics", f.Text)
					}
				}
				if f.refs().URL != "" {
					sawURL = true
				}
				boxText.WriteString(f.Text)
			}
			if d := w - it.Width; d > 0.001 || d < -0.001 {
				t.Errorf("box %q: width %.3f, runs %.3f", boxText.String(), it.Width, w)
			}
			// The box's offset points at its characters in the plain text.
			s := boxText.String()
			if s != "" && !strings.HasPrefix(string(plain[pc.rune:]), s) {
				t.Errorf("box %q at rune %d, plain text there is %q", s, pc.rune, string(plain[pc.rune:min(len(plain), pc.rune+10)]))
			}
			drawn.WriteString(s)
		case linebreak.Glue:
			if it.Width > 0 { // not the parfillskip nor a URL's stretch
				drawn.WriteString(" ")
			}
		case linebreak.Penalty:
			if it.Flagged {
				flagged++
				for _, f := range pc.frags {
					if f.refs().lang != "" {
						t.Error("a foreign word is hyphenated with English patterns")
					}
				}
			}
		}
	}
	want := strings.ReplaceAll(string(plain), "\u00a0", " ")
	if got := strings.TrimSpace(drawn.String()); got != want {
		t.Errorf("drawn text\n%q\nwant\n%q", got, want)
	}
	if !sawItalic || !sawMark || !sawURL {
		t.Errorf("italic %v, mark %v, URL %v: want all", sawItalic, sawMark, sawURL)
	}
	if flagged == 0 {
		t.Error("no hyphenation points at all")
	}
	// "extraordinairement" is French: no break inside it.
	for i, it := range p.items {
		if it.Kind == linebreak.Penalty && i > 0 && i+1 < len(p.items) {
			prev := p.pieces[i-1].frags
			if len(prev) > 0 && prev[len(prev)-1].refs().lang != "" {
				t.Errorf("break after foreign run %q", prev[len(prev)-1].Text)
			}
		}
	}
	// The no-break space is a glue preceded by an infinite penalty.
	for i, it := range p.items {
		if i > 0 && it.Kind == linebreak.Box && len(p.pieces[i].frags) > 0 && strings.HasPrefix(p.pieces[i].frags[0].Text, "http") {
			if p.items[i-1].Kind != linebreak.Glue || p.items[i-2].Kind != linebreak.Penalty || p.items[i-2].Penalty < linebreak.Infinity {
				t.Error("no-break space before the URL is breakable")
			}
		}
	}
}

// TestExplicitHyphenBreaks: a hyphenated compound breaks after its hyphen
// with no hyphen added; a URL breaks before a slash without a hyphen.
func TestExplicitHyphenBreaks(t *testing.T) {
	p, _ := buildItems(t, []edition.Inline{txt("counter-revolutionaries "),
		&edition.Link{URL: "http://example.org/path", Content: []edition.Inline{txt("http://example.org/path")}}})
	var afterHyphen, inURL bool
	for i, it := range p.items {
		if it.Kind != linebreak.Penalty || i == 0 {
			continue
		}
		prev := p.pieces[i-1].frags
		if len(prev) == 0 {
			continue
		}
		last := prev[len(prev)-1]
		if strings.HasSuffix(last.Text, "-") && it.Width == 0 && it.Flagged {
			afterHyphen = true
		}
		if last.refs().URL != "" && !it.Flagged && it.Width == 0 && it.Penalty < linebreak.Infinity {
			j := i + 1
			for j < len(p.items) && p.items[j].Kind != linebreak.Box {
				j++
			}
			if j < len(p.items) && strings.HasPrefix(p.pieces[j].frags[0].Text, "/") {
				inURL = true
			}
		}
	}
	if !afterHyphen {
		t.Error("no break after the explicit hyphen of counter-revolutionaries")
	}
	if !inURL {
		t.Error("no break before a slash in the URL")
	}
}

func TestSmallCapsSpeaker(t *testing.T) {
	m, _ := loadMetrics()
	var errs edition.ErrorList
	b := newParaBuilder(m, &errs, "p")
	b.smallCaps("Romain Rolland", textStyle{face: Roman, size: 10})
	p := b.finish()
	var caps []frag
	for _, pc := range p.pieces {
		caps = append(caps, pc.frags...)
	}
	if len(caps) != 2 || caps[0].Text != "Romain" || caps[1].Text != "Rolland" {
		t.Fatalf("small caps runs %+v", caps)
	}
	// Real small capitals: the capital stays, the lower case becomes
	// glyphs of their own, at the text's size, each standing for its
	// letter.
	plain := m[Roman].Shape("Romain", 0)
	for i, g := range caps[0].glyphs {
		if (i == 0) != (g.ID == plain[i].ID) || g.Text != string("Romain"[i]) {
			t.Errorf("glyph %d of Romain: %+v, lower case %+v", i, g, plain[i])
		}
	}
	if caps[0].Size != 10 || caps[0].Track <= 0 {
		t.Errorf("small capitals at %.1f pt tracked %.2f: want the text's size, tracked", caps[0].Size, caps[0].Track)
	}
	// The run's width is its glyphs', tracked between them.
	if w := float64(shape.Width(caps[0].glyphs))/100 + 5*caps[0].Track; math.Abs(w-caps[0].W) > 1e-9 {
		t.Errorf("Romain: width %.3f, glyphs give %.3f", caps[0].W, w)
	}
}

var txt = testbook.Text

// TestSetBalanced sets titles with the one line balancer: the fewest lines
// the measure allows, none wider than it, no line but the last ending in a
// weak word where another break exists, and a paragraph of 20,000 words
// (which a search over lines × words would take minutes and gigabytes
// for) in linear time.
func TestSetBalanced(t *testing.T) {
	// A line's text without its spaces, which are glue, not runs.
	text := func(p *paragraph, l line) string {
		var b strings.Builder
		for _, f := range l.frags {
			b.WriteString(f.Text)
		}
		return b.String()
	}
	for _, tc := range []struct {
		title string
		width float64
		want  []string
	}{
		{"Interview of Stalin by Romain Rolland", 130, []string{"Interview of Stalin", "by Romain Rolland"}},
		{"The Story of Everything", 95, []string{"The Story", "of Everything"}},
		{"Short", 100, []string{"Short"}},
	} {
		p, errs := buildItems(t, []edition.Inline{txt(tc.title)})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var got []string
		for _, l := range setBalanced(p, tc.width) {
			got = append(got, strings.TrimSpace(text(p, l)))
			if l.width > tc.width+0.01 {
				t.Errorf("%q at %g: line %q is %.1f wide", tc.title, tc.width, text(p, l), l.width)
			}
		}
		if strings.Join(got, "|") != strings.ReplaceAll(strings.Join(tc.want, "|"), " ", "") {
			t.Errorf("%q at %g = %q, want %q", tc.title, tc.width, got, tc.want)
		}
	}
	long := strings.TrimSpace(strings.Repeat("The Conversation of the Secretary with the Writer, ", 20000/8))
	p, _ := buildItems(t, []edition.Inline{txt(long)})
	lines := setBalanced(p, 300)
	if ragged := setRagged(p, 300); len(lines) != len(ragged) {
		t.Errorf("20,000 words: %d balanced lines, %d ragged (the fewest)", len(lines), len(ragged))
	}
	for _, l := range lines {
		if l.width > 300.01 {
			t.Fatalf("line %q is %.1f wide", text(p, l), l.width)
		}
	}
}

// TestProtrusionTable checks the protrusion table's data: amounts between
// nothing and the glyph's whole width, characters the print fonts have,
// and what the issue asks to hang at both margins.
func TestProtrusionTable(t *testing.T) {
	m, err := loadMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for r, lr := range protrusion {
		for _, v := range lr {
			if v < 0 || v > 1000 {
				t.Errorf("%q hangs %d thousandths of its width", r, v)
			}
		}
		for f := Roman; f <= BoldItalic; f++ {
			mf, err := FaceMetrics(f)
			if err != nil {
				t.Fatal(err)
			}
			if !mf.Covers(r) {
				t.Errorf("%q is in the protrusion table but not in face %d", r, f)
			}
		}
	}
	for _, r := range "-–—.,:;’”'" {
		if _, right := protrudes(m[Roman], r, 10); right <= 0 {
			t.Errorf("%q does not hang into the right margin", r)
		}
	}
	for _, r := range "‘“'AT" {
		if left, _ := protrudes(m[Roman], r, 10); left <= 0 {
			t.Errorf("%q does not hang into the left margin", r)
		}
	}
	if l, r := protrudes(m[Roman], 'e', 10); l != 0 || r != 0 {
		t.Errorf("'e' hangs %v/%v", l, r)
	}
	// A comma at 10 pt hangs 600 thousandths of its advance.
	if _, r := protrudes(m[Roman], ',', 10); math.Abs(r-0.6*float64(m[Roman].Width(','))/100) > 1e-9 {
		t.Errorf("comma hangs %v", r)
	}
}

// TestMicrotypeItems: which boxes may be expanded and which hang. Words
// expand, URLs and small capitals do not; a word ending in a comma hangs
// right, one opening with a quotation mark hangs left, a note mark does
// not hang; the hyphen added at a hyphenation point expands and hangs.
func TestMicrotypeItems(t *testing.T) {
	p, errs := buildItems(t, []edition.Inline{
		&edition.Quoted{Kind: edition.DoubleQuote, Content: []edition.Inline{txt("Extraordinary, he said")}},
		txt(" understanding"), &edition.NoteRef{Label: "x", Number: 3},
		txt(" see "), &edition.Link{URL: "http://example.org/", Content: []edition.Inline{txt("http://example.org/")}},
	})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m, _ := loadMetrics()
	b := newParaBuilder(m, &errs, "p-2")
	b.smallCaps("Romain Rolland", textStyle{face: Roman, size: 10})
	sc := b.finish()
	text := func(pc piece) string {
		var s strings.Builder
		for _, f := range pc.frags {
			s.WriteString(f.Text)
		}
		return s.String()
	}
	boxes := map[string]linebreak.Item{}
	hyphens := 0
	for i, it := range p.items {
		switch {
		case it.Kind == linebreak.Box:
			boxes[text(p.pieces[i])] = it
		case it.Kind == linebreak.Penalty && it.Width > 0:
			hyphens++
			if !it.Expandable || it.ProtrudeRight <= 0 {
				t.Errorf("an added hyphen: expandable %v, hangs %.2f", it.Expandable, it.ProtrudeRight)
			}
		}
	}
	if hyphens == 0 {
		t.Fatal("no hyphenation point in the paragraph")
	}
	for _, c := range []struct {
		box         string
		expand      bool
		left, right bool
	}{
		{"“Ex", true, true, false},
		{"nary,", true, false, true},
		{"said”", true, false, true},
		{"ing3", true, false, false},
		{"see", true, false, false},
	} {
		var it linebreak.Item
		found := false
		if b, ok := boxes[c.box]; ok {
			it, found = b, true
		}
		if !found {
			t.Errorf("no box for %q among %v", c.box, keys(boxes))
			continue
		}
		if it.Expandable != c.expand || (it.ProtrudeLeft > 0) != c.left || (it.ProtrudeRight > 0) != c.right {
			t.Errorf("%q: expandable %v, hangs %.2f/%.2f; want %v, left %v, right %v", c.box, it.Expandable, it.ProtrudeLeft, it.ProtrudeRight, c.expand, c.left, c.right)
		}
	}
	for s, it := range boxes {
		if strings.Contains(s, "example") && it.Expandable {
			t.Errorf("URL box %q may be expanded", s)
		}
	}
	for i, it := range sc.items {
		if it.Kind == linebreak.Box && len(sc.pieces[i].frags) > 1 && it.Expandable {
			t.Errorf("small capitals %q may be expanded", text(sc.pieces[i]))
		}
	}
}

func keys(m map[string]linebreak.Item) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestLigatures: running text is set with the font's ligatures, each
// standing for its letters, and a word keeps them where it may be
// hyphenated: a hyphenation point inside a ligature is a discretionary
// whose alternatives are each shaped ("office" is o, {f-}{fi}{ffi}, ce);
// French, not hyphenated with English patterns, keeps "officiel"'s ffi and
// "souffle"'s ffl in one box.
func TestLigatures(t *testing.T) {
	p, _ := buildItems(t, []edition.Inline{txt("An office, "),
		&edition.Foreign{Lang: "fr", Content: []edition.Inline{txt("officiel, souffle")}}, txt(", in flow.")})
	var boxes []string
	ligatures := map[string]bool{}
	// runs returns the text of fr, checking that its glyphs stand for it
	// and that their advances make width.
	runs := func(fr []frag, width float64) string {
		var s string
		var w float64
		for _, f := range fr {
			text := ""
			for _, g := range f.glyphs {
				text += g.Text
				if len(g.Text) > 1 {
					ligatures[g.Text] = true
				}
			}
			if text != f.Text {
				t.Errorf("run %q: glyphs stand for %q", f.Text, text)
			}
			s += f.Text
			w += float64(shape.Width(f.glyphs)) * f.Size / 1000
		}
		if math.Abs(w-width) > 1e-9 {
			t.Errorf("%q: width %.3f, its glyphs %.3f", s, width, w)
		}
		return s
	}
	for i, it := range p.items {
		switch {
		case it.Kind == linebreak.Box:
			boxes = append(boxes, runs(p.pieces[i].frags, it.Width))
		case it.Discretionary():
			pc := p.pieces[i]
			boxes = append(boxes, "{"+runs(pc.frags, it.Width)+"}{"+runs(pc.post(), it.PostBreak)+"}{"+runs(pc.noBreak(), it.NoBreak)+"}")
		}
	}
	if got := strings.Join(boxes, "|"); !strings.Contains(got, "|o|{f-}{fi}{ffi}|ce,|officiel,|souffle,|") {
		t.Errorf("boxes %s: want office as o, {f-}{fi}{ffi}, ce, and the French words whole", got)
	}
	for _, l := range []string{"fi", "ffi", "ffl", "fl"} {
		if !ligatures[l] {
			t.Errorf("no %s ligature in %v", l, ligatures)
		}
	}
	// A tracked (letter-spaced) run has none.
	m, _ := loadMetrics()
	gs, _ := shapeRun(m[Roman], "office", 10, 0.5, 0)
	if len(gs) != 6 {
		t.Errorf("tracked office: %d glyphs, want 6", len(gs))
	}
}

// TestDiscretionaryLines sets "An office is different." at many narrow
// measures: whatever the breaks, every run's glyphs stand for its text, a
// word's runs follow one another without gap or overlap, the lines give
// the text back (an added hyphen marked as such), and an unbroken "office"
// or "different" draws its ligature. At some measure "office" breaks inside
// its ffi: "of-" (an f and an added hyphen) ends the line and "fice" (an fi
// ligature) begins the next.
func TestDiscretionaryLines(t *testing.T) {
	p, _ := buildItems(t, []edition.Inline{txt("An office is different.")})
	broken := 0
	for w := 20.0; w <= 90; w += 0.5 {
		lines, err := setJustified(p, w, linebreak.TeX())
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for k, l := range lines {
			for j, f := range l.frags {
				gt := ""
				for _, g := range f.glyphs {
					gt += g.Text
				}
				if gt != f.Text {
					t.Errorf("measure %v line %d: run %q drawn as %q", w, k, f.Text, gt)
				}
				if j > 0 && !l.frags[j-1].space && math.Abs(l.frags[j-1].X+l.frags[j-1].W-f.X) > 1e-9 {
					t.Errorf("measure %v line %d: run %q at %.3f, the run before ends at %.3f", w, k, f.Text, f.X, l.frags[j-1].X+l.frags[j-1].W)
				}
				if f.hyphen {
					if j != len(l.frags)-1 || !l.hyphenated {
						t.Errorf("measure %v line %d: an added hyphen inside the line", w, k)
					}
					continue
				}
				text.WriteString(f.Text)
				if f.space {
					text.WriteByte(' ')
				}
			}
			if !l.hyphenated {
				continue
			}
			n := len(l.frags)
			if n >= 2 && l.frags[n-2].Text == "f" && len(lines) > k+1 {
				// "of-fice" or "dif-ferent": the ffi or ff ligature cut.
				next := lines[k+1].frags[0]
				if next.Text != "fi" && next.Text != "f" || len(next.glyphs) != 1 || len(l.frags[n-2].glyphs) != 1 {
					t.Errorf("measure %v: broken as %q (%d glyphs) / %q (%d glyphs), want f / the fi ligature or f",
						w, l.frags[n-2].Text, len(l.frags[n-2].glyphs), next.Text, len(next.glyphs))
				}
				if next.Text == "fi" {
					broken++
				}
			}
		}
		if got := text.String(); got != "An office is different." {
			t.Errorf("measure %v: lines give %q", w, got)
		}
		for _, l := range lines {
			for _, f := range l.frags {
				if (f.Text == "ffi" || f.Text == "ff") && len(f.glyphs) != 1 {
					t.Errorf("measure %v: unbroken %q drawn as %d glyphs", w, f.Text, len(f.glyphs))
				}
			}
		}
	}
	if broken == 0 {
		t.Error("office never broken inside its ffi ligature")
	}
}
