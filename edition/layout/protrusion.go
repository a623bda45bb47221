package layout

// protrusion is how far a character may hang into the margin at the start
// (left) and at the end (right) of a justified line, in thousandths of its
// own advance width: the table of character protrusion (optical margin
// alignment) the line breaker takes into account and drawing applies.
//
// Source: the spirit of the default protrusion set of Robert Schlicht's
// microtype package for LaTeX (its configuration file microtype.cfg, the
// "default" set for text fonts): light punctuation hangs most (full stop
// and comma, then colon and semicolon), hyphens and dashes hang by part of
// their width, quotation marks and apostrophes on the side they open or
// close, and round or diagonal capitals and figures by a few per cent. The
// figures are ours, judged for Charis SIL at text size; the values were not
// copied from microtype.
var protrusion = map[rune][2]int16{
	// Punctuation that ends clauses: the lighter, the further it hangs.
	'.': {0, 700},
	',': {0, 600},
	':': {0, 500},
	';': {0, 400},
	'!': {0, 150},
	'?': {0, 150},
	'…': {0, 250},
	// Hyphens and dashes.
	'-':      {0, 600},
	'\u2010': {0, 600}, // hyphen
	'\u2011': {0, 600}, // non-breaking hyphen
	'–':      {250, 300},
	'—':      {150, 200},
	// Quotation marks and apostrophes, on both sides.
	'‘':  {400, 400},
	'’':  {400, 400},
	'“':  {300, 300},
	'”':  {300, 300},
	'\'': {400, 400},
	'"':  {300, 300},
	'«':  {200, 200},
	'»':  {200, 200},
	// Brackets.
	'(': {100, 0},
	')': {0, 150},
	'[': {100, 0},
	']': {0, 100},
	'/': {100, 150},
	'*': {200, 200},
	// Capitals with open or diagonal sides.
	'A': {50, 50},
	'F': {0, 50},
	'J': {50, 0},
	'K': {0, 50},
	'L': {0, 50},
	'T': {50, 50},
	'V': {50, 50},
	'W': {50, 50},
	'X': {50, 50},
	'Y': {50, 50},
	'O': {30, 30},
	'C': {30, 0},
	'G': {30, 0},
	'Q': {30, 30},
	// Lower case with open sides.
	'k': {0, 30},
	'r': {0, 50},
	't': {0, 50},
	'v': {30, 30},
	'w': {30, 30},
	'y': {0, 30},
	// Figures with open sides.
	'1': {120, 120},
	'4': {80, 50},
	'7': {50, 80},
}

// asciiProtrusion is the table for the ASCII characters, looked up without
// hashing: most characters at a line's ends are ASCII.
var asciiProtrusion = func() (t [128][2]int16) {
	for r, p := range protrusion {
		if r < 128 {
			t[r] = p
		}
	}
	return t
}()

// protrudes returns how far r, at size in the font of m, may hang into the
// left and the right margin, in points.
func protrudes(m *Metrics, r rune, size float64) (left, right float64) {
	var p [2]int16
	if r >= 0 && r < 128 {
		p = asciiProtrusion[r]
	} else {
		p = protrusion[r]
	}
	if p == [2]int16{} {
		return 0, 0
	}
	w := float64(m.Width(r)) * size / 1000
	return float64(p[0]) * w / 1000, float64(p[1]) * w / 1000
}
