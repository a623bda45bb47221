// Package measure reads a typeset PDF back, through poppler's
// `pdftotext -bbox-layout`, and measures what a typesetter checks by eye:
// how far interword spaces stretch from their natural width, widows and
// orphans, whether each footnote begins on the page of its mark, and runs of
// hyphenated lines, the depth of pages, characters hanging into the
// margins (protrusion), and, through MuPDF's `mutool trace`, the horizontal
// scale each line is drawn with (font expansion). It knows nothing of how
// the PDF was made, so it checks the print renderer from the outside.
package measure

import (
	"encoding/xml"
	"fmt"
	"math"
	"os/exec"
	"sort"
	"strings"
	"unicode"
)

// Options describe the book's type, so that measure can tell body text,
// notes and note marks apart by the height of their word boxes.
type Options struct {
	// BodySize, NoteSize and MarkSize are the type sizes of the text, the
	// notes and the note marks, in points.
	BodySize, NoteSize, MarkSize float64
	// FrontPages are the pages of front matter, left out of the figures.
	FrontPages int
	// BodySpace and NoteSpace are the natural interword spaces of the
	// text and the notes, in points.
	BodySpace, NoteSpace float64
	// BoxScale is the height of pdftotext's word box per point of type
	// size (ascent + descent of the font; 1.635 for Charis SIL).
	BoxScale float64
	// Descent is how far pdftotext's word box reaches below the baseline,
	// per point of type size (the font's descent; 0.4 for Charis SIL). When
	// set, the bottom of the text block is found from text and notes
	// together (a note's last baseline at a full page's foot is the text's
	// last baseline), so that a book whose every page with notes ends a
	// line short still shows them short.
	Descent float64
	// Leading and NoteLead are the baseline-to-baseline distances of the
	// text and the notes, in points; with Leading zero the depth of pages
	// is not measured.
	Leading, NoteLead float64
	// Speakers are the speakers' names as printed at the start of a turn:
	// a body line beginning with one, followed by a colon or a stage
	// direction in parentheses, begins a paragraph. (Names set in scaled
	// capitals are found by their smaller words as well.)
	Speakers []string
}

// Report holds the figures measured.
type Report struct {
	Pages int
	// JustifiedLines are body lines set to the full measure.
	JustifiedLines int
	// Spaces are the interword spaces measured in justified body lines, as
	// ratios to the natural space, sorted.
	Spaces []float64
	// NoteSpaces are the same for the justified lines of the notes.
	NoteSpaces []float64
	// Loose lists the justified body lines with a space wider than 1.8
	// natural spaces ("physical page: widest ratio: text").
	Loose []string
	// Widows and Orphans list the pages ("physical page: text") where a
	// paragraph's last line begins a page or its first line ends one.
	Widows, Orphans []string
	// Notes is the number of notes found; NotesOnMarkPage how many begin
	// on the page of their mark; Misplaced lists the others.
	Notes, NotesOnMarkPage int
	Misplaced              []string
	// MaxHyphenRun is the longest run of consecutive lines ending in a
	// hyphen; HyphenatedFeet the pages whose last body line does.
	MaxHyphenRun   int
	HyphenatedFeet []int
	// HyphenLines counts the body lines ending in a hyphen.
	HyphenLines int
	// FullPages counts the body pages that should be full: all but the
	// last page of a section, opening pages left out. ShortPages lists
	// those ("physical page: how") whose foot is above the text block's
	// bottom, or whose text stops a line or more above the room the notes
	// leave it.
	FullPages  int
	ShortPages []string
	// Spreads counts the facing pairs (verso and the recto after it) of
	// two such pages; Uneven lists those whose feet differ; Balanced counts
	// those whose two pages are both short by the same one line.
	Spreads  int
	Uneven   []string
	Balanced int
	// Runts lists the last pages of sections ("physical page: lines")
	// holding fewer than five body lines, openings left out.
	Runts []string
	// NoteSplits lists the notes continued on the next page, with the
	// lines on each side ("page: before/after").
	NoteSplits []string
	// MinNoteSplit is the fewest lines on either side of a split note;
	// 0 without splits.
	MinNoteSplit int
	// Ladders counts the runs of three or more hyphenated lines.
	Ladders int
	// HangLeft and HangRight count the body and note lines whose ink
	// begins before the text block's left edge or ends after its right
	// edge (protrusion); MaxHang is the furthest, in points.
	HangLeft, HangRight int
	MaxHang             float64
	// Expansions are the horizontal scales less one of the body's text
	// lines (font expansion), one per line, sorted; nil when not measured
	// (see Expansion). MaxExpansionStep is the largest difference between
	// two lines in a row on a page.
	Expansions       []float64
	MaxExpansionStep float64
}

// Percentile returns the p-th percentile (0–100) of sorted xs.
func Percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	i := int(math.Ceil(p/100*float64(len(xs)))) - 1
	return xs[max(0, min(i, len(xs)-1))]
}

// String formats the report as a Markdown table.
func (r *Report) String() string { return Compare(nil, r) }

// rows are the report's figures, named.
func rows(r *Report) [][2]string {
	var out [][2]string
	row := func(k string, v any) { out = append(out, [2]string{k, fmt.Sprint(v)}) }
	row("pages", r.Pages)
	row("justified body lines", r.JustifiedLines)
	row("interword spaces measured (body)", len(r.Spaces))
	if len(r.Spaces) > 0 {
		row("space / natural, body: min", fmt.Sprintf("%.2f", r.Spaces[0]))
		row("space / natural, body: median", fmt.Sprintf("%.2f", Percentile(r.Spaces, 50)))
		row("space / natural, body: p95", fmt.Sprintf("%.2f", Percentile(r.Spaces, 95)))
		row("space / natural, body: max", fmt.Sprintf("%.2f", r.Spaces[len(r.Spaces)-1]))
	}
	if len(r.NoteSpaces) > 0 {
		row("space / natural, notes: median", fmt.Sprintf("%.2f", Percentile(r.NoteSpaces, 50)))
		row("space / natural, notes: p95", fmt.Sprintf("%.2f", Percentile(r.NoteSpaces, 95)))
		row("space / natural, notes: max", fmt.Sprintf("%.2f", r.NoteSpaces[len(r.NoteSpaces)-1]))
	}
	if r.Expansions != nil {
		row("font expansion of body lines (lines per step)", r.ExpansionHistogram())
		row("largest expansion step between adjacent lines", fmt.Sprintf("%.1f %%", 100*r.MaxExpansionStep))
	}
	row("lines hanging into the left / right margin", fmt.Sprintf("%d / %d (at most %.2f pt)", r.HangLeft, r.HangRight, r.MaxHang))
	row("widows", len(r.Widows))
	row("orphans", len(r.Orphans))
	row("notes beginning on their mark's page", fmt.Sprintf("%d of %d", r.NotesOnMarkPage, r.Notes))
	row("notes split across pages (page: lines before/after)", fmt.Sprintf("%d %s", len(r.NoteSplits), strings.Join(r.NoteSplits, ", ")))
	row("body lines ending in a hyphen", r.HyphenLines)
	row("longest run of hyphenated lines", r.MaxHyphenRun)
	row("ladders (3+ hyphenated lines in a row)", r.Ladders)
	row("pages ending with a hyphen", len(r.HyphenatedFeet))
	if r.FullPages > 0 {
		row("body pages before a section's last (openings left out)", r.FullPages)
		row("of those, ending short of the last baseline", len(r.ShortPages))
		row("of those, short other than as a spread balanced a line short", len(r.ShortPages)-2*r.Balanced)
		row("spreads of two such pages", r.Spreads)
		row("of those, pages of different depth", len(r.Uneven))
		row("of those, both short by the same one line", r.Balanced)
		row("sections ending on a page of fewer than five body lines", len(r.Runts))
	}
	return out
}

// Compare formats the figures of prev (the previous release; nil for none)
// and r side by side as a Markdown table.
func Compare(prev, r *Report) string {
	cur := rows(r)
	if prev == nil {
		var b strings.Builder
		b.WriteString("| measure | value |\n| --- | --- |\n")
		for _, kv := range cur {
			fmt.Fprintf(&b, "| %s | %s |\n", kv[0], kv[1])
		}
		return b.String()
	}
	old := map[string]string{}
	for _, kv := range rows(prev) {
		old[kv[0]] = kv[1]
	}
	var b strings.Builder
	b.WriteString("| measure | previous release | now |\n| --- | --- | --- |\n")
	for _, kv := range cur {
		o, ok := old[kv[0]]
		if !ok {
			o = "–"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", kv[0], o, kv[1])
	}
	return b.String()
}

// ExpansionHistogram formats the expansions as counts per step of 0.5 %:
// "-1.0%: 3, 0.0%: 200, +0.5%: 40".
func (r *Report) ExpansionHistogram() string {
	counts := map[int]int{}
	var keys []int
	for _, e := range r.Expansions {
		k := int(math.Round(e * 200)) // steps of 0.5 %
		if counts[k] == 0 {
			keys = append(keys, k)
		}
		counts[k]++
	}
	sort.Ints(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%+.1f%%: %d", float64(k)/2, counts[k]))
	}
	return strings.Join(parts, ", ")
}

type bbox struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

type xWord struct {
	bbox
	Text string `xml:",chardata"`
}

type xLine struct {
	bbox
	Words []xWord `xml:"word"`
}

type xPage struct {
	Blocks []struct {
		Lines []xLine `xml:"line"`
	} `xml:"flow>block"`
}

type xDoc struct {
	Pages []xPage `xml:"body>doc>page"`
}

// File measures the PDF at path with pdftotext.
func File(path string, o Options) (*Report, error) {
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext: %w", err)
	}
	r, err := Parse(out, o)
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath("mutool"); err == nil {
		if err := Expansion(r, path, o); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Expansion measures the horizontal scale of every body text line of the
// PDF at path from `mutool trace`, which gives each run of glyphs its text
// matrix: the scale is the matrix's horizontal size over its vertical one.
// A line's expansion is that of its most expanded run (a URL in it is not
// expanded); front pages are left out.
func Expansion(r *Report, path string, o Options) error {
	out, err := exec.Command("mutool", "trace", path).Output()
	if err != nil {
		return fmt.Errorf("mutool trace: %w", err)
	}
	return parseTrace(r, out, o)
}

func parseTrace(r *Report, trace []byte, o Options) error {
	type key struct {
		page int
		y    float64
	}
	lines := map[key]float64{}
	var order []key
	page := 0
	var scale float64
	inBody := false
	for _, ln := range strings.Split(string(trace), "\n") {
		ln = strings.TrimSpace(ln)
		switch {
		case strings.HasPrefix(ln, "<page "):
			page++
		case strings.HasPrefix(ln, "<span "):
			inBody = false
			var a, b, c, d float64
			if _, err := fmt.Sscanf(attr(ln, "trm"), "%g %g %g %g", &a, &b, &c, &d); err != nil {
				return fmt.Errorf("mutool trace: span without a text matrix: %s", ln)
			}
			if page > o.FrontPages && d > 0 && math.Abs(d-o.BodySize) < 0.01 {
				inBody, scale = true, a/d-1
			}
		case inBody && strings.HasPrefix(ln, "<g "):
			var y float64
			if _, err := fmt.Sscanf(attr(ln, "y"), "%g", &y); err != nil {
				return fmt.Errorf("mutool trace: glyph without a position: %s", ln)
			}
			k := key{page, math.Round(y*10) / 10}
			e, seen := lines[k]
			if !seen {
				order = append(order, k)
			}
			if !seen || math.Abs(scale) > math.Abs(e) {
				lines[k] = scale
			}
			inBody = false // one glyph of the run places it
		}
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].page != order[j].page {
			return order[i].page < order[j].page
		}
		return order[i].y < order[j].y
	})
	r.Expansions = make([]float64, 0, len(order))
	for i, k := range order {
		e := lines[k]
		r.Expansions = append(r.Expansions, e)
		if i > 0 && order[i-1].page == k.page {
			r.MaxExpansionStep = math.Max(r.MaxExpansionStep, math.Abs(e-lines[order[i-1]]))
		}
	}
	sort.Float64s(r.Expansions)
	return nil
}

// attr returns the value of the attribute name in an XML start tag.
func attr(tag, name string) string {
	i := strings.Index(tag, " "+name+"=\"")
	if i < 0 {
		return ""
	}
	v := tag[i+len(name)+3:]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		return v[:j]
	}
	return ""
}

// word is a word box classified by its height.
type word struct {
	bbox
	text string
	kind kind
}

type kind uint8

const (
	other kind = iota
	body
	note
	mark // a small raised figure: a note mark
)

// pline is a line of words of one kind, in reading order.
type pline struct {
	words []word
	kind  kind
	y     float64
}

func (l pline) left() float64  { return l.words[0].XMin }
func (l pline) right() float64 { return l.words[len(l.words)-1].XMax }

// Parse measures pdftotext -bbox-layout output.
func Parse(xhtml []byte, o Options) (*Report, error) {
	dec := xml.NewDecoder(strings.NewReader(string(xhtml)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var doc xDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse pdftotext output: %w", err)
	}
	r := &Report{Pages: len(doc.Pages)}
	near := func(h, size float64) bool { return math.Abs(h-size*o.BoxScale) < 0.3 }
	classify := func(w xWord) word {
		h := w.YMax - w.YMin
		k := other
		switch {
		case near(h, o.BodySize):
			k = body
		case near(h, o.NoteSize):
			k = note
		case near(h, o.MarkSize) && strings.IndexFunc(w.Text, func(r rune) bool { return !unicode.IsDigit(r) }) < 0:
			k = mark
		}
		return word{bbox: w.bbox, text: w.Text, kind: k}
	}
	type pageLines struct {
		bodyLines, noteLines []pline
		marks                []string
		markY                []float64 // the bottom of each mark's box
		markBox              []bbox
	}
	pages := make([]pageLines, len(doc.Pages))
	for pi, p := range doc.Pages {
		var words []word
		for _, b := range p.Blocks {
			for _, l := range b.Lines {
				for _, w := range l.Words {
					words = append(words, classify(w))
				}
			}
		}
		// Group words into lines by baseline (yMax of body and note words).
		var lines []pline
		for _, w := range words {
			switch w.kind {
			case mark:
				pages[pi].marks = append(pages[pi].marks, w.text)
				pages[pi].markY = append(pages[pi].markY, w.YMax)
				pages[pi].markBox = append(pages[pi].markBox, w.bbox)
				continue
			case other:
				// Small capitals and headings: attach small capitals to
				// their line below; skip the rest.
			}
			placed := false
			for i := range lines {
				if math.Abs(lines[i].y-w.YMax) < 1.5 {
					lines[i].words = append(lines[i].words, w)
					if w.kind != other && lines[i].kind == other {
						lines[i].kind = w.kind
					}
					placed = true
					break
				}
			}
			if !placed {
				lines = append(lines, pline{words: []word{w}, kind: w.kind, y: w.YMax})
			}
		}
		sort.Slice(lines, func(i, j int) bool { return lines[i].y < lines[j].y })
		for _, l := range lines {
			sort.Slice(l.words, func(i, j int) bool { return l.words[i].XMin < l.words[j].XMin })
			switch l.kind {
			case body:
				pages[pi].bodyLines = append(pages[pi].bodyLines, l)
			case note:
				pages[pi].noteLines = append(pages[pi].noteLines, l)
			}
		}
	}
	// The text block: the edges most body lines of each parity begin and
	// end at. Not the extremes: a line may hang a comma or a quotation
	// mark into the margin (protrusion).
	var left, right [2]float64
	for par := range left {
		var ls, rs []float64
		for pi := par; pi < len(pages); pi += 2 {
			for _, l := range pages[pi].bodyLines {
				ls = append(ls, l.left())
				rs = append(rs, l.right())
			}
		}
		left[par], right[par] = mode(ls), mode(rs)
	}
	full := func(pi int, l pline) bool { return l.right() > right[pi%2]-0.6 }
	hang := func(pi int, l pline) {
		if pi < o.FrontPages {
			return
		}
		if d := left[pi%2] - l.left(); d > 0.05 {
			r.HangLeft++
			r.MaxHang = math.Max(r.MaxHang, d)
		}
		if d := l.right() - right[pi%2]; d > 0.05 {
			r.HangRight++
			r.MaxHang = math.Max(r.MaxHang, d)
		}
	}
	spaces := func(pi int, l pline, k kind, natural float64, into *[]float64) {
		if !full(pi, l) {
			return
		}
		widest := 0.0
		for i := 1; i < len(l.words); i++ {
			a, b := l.words[i-1], l.words[i]
			if a.kind != k || b.kind != k {
				continue
			}
			gap := b.XMin - a.XMax
			// A note mark after a word is not part of the space.
			for _, m := range pages[pi].markBox {
				if m.XMin >= a.XMax-0.5 && m.XMax <= b.XMin+0.5 && m.YMax < l.y+0.5 && m.YMax > l.y-o.BodySize {
					gap = b.XMin - m.XMax
				}
			}
			if gap < 0.5 { // runs set close: small capitals, a colon
				continue
			}
			if strings.ContainsRune("/.-_?#%~=&", firstRune(b.text)) || strings.HasSuffix(a.text, "//") {
				continue // inside a URL broken into pieces: not a space
			}
			*into = append(*into, gap/natural)
			if k == body {
				widest = math.Max(widest, gap/natural)
			}
		}
		if widest > 1.8 {
			r.Loose = append(r.Loose, fmt.Sprintf("%d: %.2f: %s", pi+1, widest, text(l)))
		}
	}
	// Paragraph structure: a line starts a paragraph when it is indented,
	// begins with small capitals (a speaker), or follows a short line; it
	// ends one when it stops short of the measure.
	startsPara := func(pi int, l pline, prev *pline, prevPage int) bool {
		if l.left() > left[pi%2]+3 {
			return true
		}
		if len(l.words) > 1 && l.words[1].kind == other && l.words[1].XMin-l.words[0].XMax < 0.3 {
			return true // a capital followed by scaled capitals: a speaker's name
		}
		for _, name := range o.Speakers {
			if t := text(l); strings.HasPrefix(t, name+":") || strings.HasPrefix(t, name+" (") {
				return true
			}
		}
		return prev == nil || !full(prevPage, *prev)
	}
	info := make([]pageInfo, len(pages))
	run := 0
	var prevLast *pline
	prevPage := -1
	markPage := map[string]int{}
	notePage := map[string]int{}
	type noteRun struct {
		page, n int
		cont    bool // continues the note before, from the page before
	}
	var noteLines []noteRun
	// Openings: pages with a word larger than the text (a title).
	headings := make([]bool, len(pages))
	for pi := range pages {
		for _, b := range doc.Pages[pi].Blocks {
			for _, l := range b.Lines {
				for _, w := range l.Words {
					if w.YMax-w.YMin > o.BodySize*o.BoxScale+3 {
						headings[pi] = true
					}
				}
			}
		}
	}
	for pi, p := range pages {
		if pi < o.FrontPages {
			continue
		}
		heading := headings[pi]
		for i, l := range p.bodyLines {
			var prev *pline
			pp := pi
			if i > 0 {
				prev = &p.bodyLines[i-1]
			} else {
				prev, pp = prevLast, prevPage
			}
			if full(pi, l) {
				r.JustifiedLines++
				spaces(pi, l, body, o.BodySpace, &r.Spaces)
			}
			hang(pi, l)
			last := l.words[len(l.words)-1].text
			if strings.HasSuffix(last, "-") {
				r.HyphenLines++
				run++
				r.MaxHyphenRun = max(r.MaxHyphenRun, run)
				if run == 3 {
					r.Ladders++
				}
			} else {
				run = 0
			}
			start := startsPara(pi, l, prev, pp)
			if i == 0 && !heading && !start && !full(pi, l) {
				r.Widows = append(r.Widows, fmt.Sprintf("%d: %s", pi+1, text(l)))
			}
			if i == len(p.bodyLines)-1 {
				if start && full(pi, l) && pi+1 < len(pages) && len(pages[pi+1].bodyLines) > 0 && !headings[pi+1] {
					next := pages[pi+1].bodyLines[0]
					if !startsPara(pi+1, next, &l, pi) {
						r.Orphans = append(r.Orphans, fmt.Sprintf("%d: %s", pi+1, text(l)))
					}
				}
				if strings.HasSuffix(last, "-") {
					r.HyphenatedFeet = append(r.HyphenatedFeet, pi+1)
				}
			}
		}
		if n := len(p.bodyLines); n > 0 {
			prevLast, prevPage = &p.bodyLines[n-1], pi
		}
		bottom := 0.0
		if n := len(p.bodyLines); n > 0 {
			bottom = p.bodyLines[n-1].y
		}
		info[pi] = pageInfo{body: len(p.bodyLines) > 0, heading: heading, text: bottom, lines: len(p.bodyLines)}
		if len(p.bodyLines) > 0 {
			for _, y := range p.markY {
				if math.Abs(y-p.bodyLines[0].y) < o.Leading/2 {
					info[pi].firstMarks++
				}
			}
		}
		for _, l := range p.noteLines {
			if l.y <= bottom {
				continue // a running head, not a note
			}
			if info[pi].note == 0 {
				info[pi].note = l.y
			}
			info[pi].foot = l.y
			spaces(pi, l, note, o.NoteSpace, &r.NoteSpaces)
			hang(pi, l)
			first := l.words[0].text
			numbered := l.left() < left[pi%2]+0.5 && first != "" && strings.IndexFunc(first, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
			if numbered {
				if _, seen := notePage[first]; !seen {
					notePage[first] = pi
				}
			}
			// Count each note's lines per page, to find the split ones:
			// a page's note lines before its first number continue the
			// last note of the page before.
			switch {
			case numbered:
				noteLines = append(noteLines, noteRun{page: pi, n: 1})
			case len(noteLines) > 0 && noteLines[len(noteLines)-1].page == pi:
				noteLines[len(noteLines)-1].n++
			default:
				noteLines = append(noteLines, noteRun{page: pi, n: 1, cont: true})
			}
		}
		for _, m := range p.marks {
			if _, seen := markPage[m]; !seen {
				markPage[m] = pi
			}
		}
	}
	for m, pi := range markPage {
		r.Notes++
		if np, ok := notePage[m]; ok && np == pi {
			r.NotesOnMarkPage++
		} else {
			r.Misplaced = append(r.Misplaced, fmt.Sprintf("note %s: mark on page %d, note on page %d", m, pi+1, notePage[m]+1))
		}
	}
	sort.Strings(r.Misplaced)
	for i, nr := range noteLines {
		if nr.cont && i > 0 {
			before := noteLines[i-1]
			r.NoteSplits = append(r.NoteSplits, fmt.Sprintf("%d: %d/%d", before.page+1, before.n, nr.n))
			m := min(before.n, nr.n)
			if r.MinNoteSplit == 0 || m < r.MinNoteSplit {
				r.MinNoteSplit = m
			}
		}
	}
	if o.Leading > 0 {
		depths(r, info[min(o.FrontPages, len(info)):], o.FrontPages, o)
	}
	sort.Float64s(r.Spaces)
	sort.Float64s(r.NoteSpaces)
	return r, nil
}

// pageInfo is what the depth of a page is judged by: the baselines (as
// pdftotext's box bottoms) of its last text line, its first and last note
// lines (zero without notes).
type pageInfo struct {
	body, heading    bool
	text, note, foot float64
	lines            int // body lines
	// firstMarks counts the note marks in the first line of text.
	firstMarks int
}

// depths measures how many lines each body page that should be full ends
// short of the text block's bottom, and compares the pages of each spread.
// The bottom is the lowest foot found, of text on pages without notes and of
// notes on pages with notes (their boxes sit differently on the baseline),
// each also found from the other when Options.Descent is known.
//
// A page is short by the lines it could still hold: on a page without
// notes, the lines between its last line and the bottom; on a page with
// notes, the lines its notes end above the bottom plus the lines its text
// could still take above the notes (a line needs a body leading, and the
// rule above the notes one more). A line that would bring notes with it
// (the next page's first line carries marks) needs room for the rule and
// two lines of each note too, or it could not be there: a page ended
// earlier for that is not short.
func depths(r *Report, pages []pageInfo, first int, o Options) {
	var textBottom, noteBottom float64
	for _, p := range pages {
		if !p.body {
			continue
		}
		if p.note == 0 {
			textBottom = math.Max(textBottom, p.text)
		} else {
			noteBottom = math.Max(noteBottom, p.foot)
		}
	}
	if o.Descent > 0 {
		// On one baseline, a body word's box reaches lower than a note's.
		shift := o.Descent * (o.BodySize - o.NoteSize)
		if noteBottom > 0 {
			textBottom = math.Max(textBottom, noteBottom+shift)
		}
		if textBottom > 0 {
			noteBottom = math.Max(noteBottom, textBottom-shift)
		}
	}
	short := func(i int) int {
		p := pages[i]
		marks := 0
		if i+1 < len(pages) {
			marks = pages[i+1].firstMarks
		}
		need := float64(2*marks) * o.NoteLead // the next line's notes, at least
		if p.note == 0 {
			room := textBottom - p.text
			if marks > 0 && room < o.Leading+o.Leading+need-0.5 {
				return 0 // the next line could not come with its notes
			}
			return int(math.Round(room / o.Leading))
		}
		foot := int(math.Round((noteBottom - p.foot) / o.Leading))
		text := int(math.Floor((p.note - p.text - o.Leading - o.NoteLead - need + 0.5) / o.Leading))
		return foot + max(text, 0)
	}
	// counted reports whether page i should be full: a body page, not an
	// opening, followed by a page of the same section.
	counted := func(i int) bool {
		p := pages[i]
		if !p.body || p.heading || i+1 >= len(pages) {
			return false
		}
		next := pages[i+1]
		return next.body && !next.heading
	}
	for i, p := range pages {
		// A section's last page: a body page followed by an opening, a
		// page without body text, or nothing.
		last := p.body && !p.heading && (i+1 >= len(pages) || !pages[i+1].body || pages[i+1].heading)
		if last && p.lines < 5 {
			r.Runts = append(r.Runts, fmt.Sprintf("%d: %d line(s)", first+i+1, p.lines))
		}
		if !counted(i) {
			continue
		}
		r.FullPages++
		n := short(i)
		if n > 0 {
			r.ShortPages = append(r.ShortPages, fmt.Sprintf("%d: %d line(s) short", first+i+1, n))
		}
		// A spread: a verso (even physical number) and the recto after it.
		if (first+i+1)%2 == 0 && i+1 < len(pages) && counted(i+1) {
			r.Spreads++
			m := short(i + 1)
			if m != n {
				r.Uneven = append(r.Uneven, fmt.Sprintf("%d–%d: %d and %d line(s) short", first+i+1, first+i+2, n, m))
			} else if n == 1 {
				r.Balanced++
			}
		}
	}
}

// mode returns the value most of xs round to, to a tenth of a point (the
// largest of equally frequent ones); 0 for none.
func mode(xs []float64) float64 {
	counts := map[float64]int{}
	best, bestN := 0.0, 0
	for _, x := range xs {
		k := math.Round(x*10) / 10
		counts[k]++
		if n := counts[k]; n > bestN || n == bestN && k > best {
			best, bestN = k, n
		}
	}
	return best
}

func text(l pline) string {
	var ws []string
	for _, w := range l.words {
		ws = append(ws, w.text)
	}
	s := strings.Join(ws, " ")
	if len(s) > 50 {
		s = s[:50] + "…"
	}
	return s
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
