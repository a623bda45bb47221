package typography

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"edition/edition"
)

// The character rules work on a stream: the runes of every Text of one
// paragraph in reading order, each tagged with the Text it belongs to. The
// rules can then see across inline boundaries ("*word*" followed by a
// closing quote), yet every rune is written back to its own Text. Runes
// that stand for something no rule may change — a quotation's marks, a URL
// shown as a link — are in the stream as context only (owner opaque).

const (
	nbsp   = '\u00a0'
	opaque = -1
)

// fixed is the owner of a rune of Text idx that no rule may change (a
// rune of a URL written in the text): below opaque, so that every rule
// that skips opaque runes skips it too.
func fixed(idx int32) int32 { return -idx - 2 }

// textOf returns the Text a rune with owner o is written back to, or -1.
func textOf(o int32) int32 {
	switch {
	case o >= 0:
		return o
	case o == opaque:
		return -1
	}
	return -o - 2
}

// protectURLs marks the runes of every URL in one Text's runes as fixed:
// a word that begins, after any opening bracket or quote, with a scheme or
// "www.". Closing punctuation after it is not part of it.
func protectURLs(r []rune, owner []int32) {
	for i := 0; i < len(r); {
		if isSpace(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && !isSpace(r[j]) {
			j++
		}
		a, b := i, j
		for a < b && strings.ContainsRune("([{<\"'“‘", r[a]) {
			a++
		}
		for b > a && strings.ContainsRune(")]}>\"'”’.,;:!?", r[b-1]) {
			b--
		}
		if a == b || (r[a] != 'h' && r[a] != 'w' && r[a] != 'm') {
			i = j
			continue
		}
		w := string(r[a:min(b, a+8)])
		if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") ||
			strings.HasPrefix(w, "www.") || strings.HasPrefix(w, "mailto:") {
			for k := a; k < b; k++ {
				owner[k] = fixed(owner[k])
			}
		}
		i = j
	}
}

type stream struct {
	r     []rune
	owner []int32
}

func (s *stream) push(r rune, owner int32) {
	s.r = append(s.r, r)
	s.owner = append(s.owner, owner)
}

func (s *stream) pop() {
	s.r = s.r[:len(s.r)-1]
	s.owner = s.owner[:len(s.owner)-1]
}

func (s *stream) last() rune {
	if len(s.r) == 0 {
		return 0
	}
	return s.r[len(s.r)-1]
}

// copyTo appends the runes of s before end, with their owners, to out.
func (s stream) copyTo(out *stream, end int) {
	out.r = append(out.r, s.r[:end]...)
	out.owner = append(out.owner, s.owner[:end]...)
}

// reset empties s, keeping its memory.
func (s *stream) reset() {
	s.r, s.owner = s.r[:0], s.owner[:0]
}

// A flattener applies the character rules to one inline list at a time.
// One flattener does every list of a goroutine (work.run): its streams and
// buffers keep their memory from list to list, so that a paragraph costs
// no allocation but the strings of its Text nodes.
type flattener struct {
	texts []*edition.Text
	s     stream
	// spare is the stream a rule that rewrites the stream writes into;
	// it then swaps with s.
	spare stream
	// buf and at are writeBack's: the paragraph's bytes, and where each
	// Text's begin.
	buf []byte
	at  []int
	// has says what the texts hold for the rules that act on a few
	// characters only (see marks).
	has marks
	// changed is set when the stream is no longer the texts' characters:
	// entities were decoded, or a rule changed a rune. Otherwise the
	// Texts are left as they are.
	changed bool
}

// marks are the characters some rules act on, and no other: a rule is
// skipped when no text of the list holds one of its characters. Whether
// a text holds them is found by a search of its bytes, much cheaper than
// a rule's reading of the stream rune by rune, and most paragraphs hold
// few of them.
type marks uint8

const (
	straightQuotes marks = 1 << iota // " ' or ‘, for quotes
	doubled                          // -- or .., for runs
	dashes                           // — or –, for dashSpacing
	hyphens                          // -, for digitRanges
)

// marksIn returns the marks text holds.
func marksIn(text string) marks {
	var m marks
	if strings.IndexByte(text, '"') >= 0 || strings.IndexByte(text, '\'') >= 0 || strings.Contains(text, "‘") {
		m |= straightQuotes
	}
	if strings.Contains(text, "--") || strings.Contains(text, "..") {
		m |= doubled
	}
	if strings.Contains(text, "—") || strings.Contains(text, "–") {
		m |= dashes
	}
	if strings.IndexByte(text, '-') >= 0 {
		m |= hyphens
	}
	return m
}

// apply applies the typography to the Text nodes of content, in place.
func (f *flattener) apply(content []edition.Inline) {
	f.texts, f.has, f.changed = f.texts[:0], 0, false
	f.s.reset()
	f.add(content)
	f.process()
	f.writeBack()
	clear(f.texts) // no Text is kept alive by a flattener kept for the next list
}

func (f *flattener) add(content []edition.Inline) {
	for _, in := range content {
		switch n := in.(type) {
		case *edition.Text:
			idx := int32(len(f.texts))
			f.texts = append(f.texts, n)
			from := len(f.s.r)
			text := decodeEntities(n.Text)
			if text != n.Text || !utf8.ValidString(text) {
				// Written back, an invalid byte becomes U+FFFD.
				f.changed = true
			}
			// At most one rune per byte: the stream grows once per Text
			// at most, not rune by rune, and the runes are written into
			// room made for them.
			end := from + len(text)
			r := slices.Grow(f.s.r, len(text))[:end]
			owner := slices.Grow(f.s.owner, len(text))[:end]
			k := from
			for _, c := range text {
				r[k], owner[k] = c, idx
				k++
			}
			f.s.r, f.s.owner = r[:k], owner[:k]
			f.has |= marksIn(text)
			if mayHaveURL(text) {
				protectURLs(f.s.r[from:], f.s.owner[from:])
			}
		case *edition.Quoted:
			open, close := n.Marks()
			for _, r := range open {
				f.s.push(r, opaque)
			}
			f.add(n.Content)
			for _, r := range close {
				f.s.push(r, opaque)
			}
		case *edition.Link:
			if isURLLink(n) {
				// A letter: a URL reads as a word to its neighbours.
				f.s.push('x', opaque)
			} else {
				f.add(n.Content)
			}
		case *edition.NoteRef:
			// A note mark takes no characters: the text on either side
			// of it is read as if it were not there.
		default:
			f.add(edition.Children(in))
		}
	}
}

// mayHaveURL reports whether text holds something protectURLs could take
// for a URL: every URL it recognises holds one of these strings. Most
// texts hold none, and a search for them is much cheaper than reading the
// text word by word.
func mayHaveURL(text string) bool {
	return strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.Contains(text, "mailto:")
}

// writeBack stores the processed stream in the Text nodes it came from.
//
// The Texts enter the stream in order, each as one run of runes, and the
// rules never move a rune past another: a rune a rule inserts belongs to
// a Text next to it. So the runes of the Texts still follow one another,
// Text after Text, and one pass encodes them all into one string, which
// each Text is given its slice of: one allocation for the paragraph, and
// none when no Text has changed (when no rule has changed the stream, it
// is not even read).
func (f *flattener) writeBack() {
	if len(f.texts) == 0 || !f.changed {
		return
	}
	// b is the paragraph's bytes, at least one a rune; at[o] is where the
	// bytes of Text o begin in b.
	b := slices.Grow(f.buf[:0], len(f.s.r))
	at := f.at[:0]
	r, owner := f.s.r, f.s.owner
	for i := 0; i < len(r); {
		// The runes of one owner, from i to j.
		j := i + 1
		for j < len(r) && owner[j] == owner[i] {
			j++
		}
		if o := int(textOf(owner[i])); o >= 0 {
			if o < len(at)-1 {
				panic("typography: a rule moved a character into an earlier text")
			}
			for len(at) <= o {
				at = append(at, len(b))
			}
			for _, c := range r[i:j] {
				b = utf8.AppendRune(b, c)
			}
		}
		i = j
	}
	for len(at) <= len(f.texts) {
		at = append(at, len(b))
	}
	f.buf, f.at = b, at
	// A list the rules left as it was keeps its strings: many paragraphs
	// of a carefully typed source are.
	for o, t := range f.texts {
		if t.Text != string(b[at[o]:at[o+1]]) {
			all := string(b)
			for o, t := range f.texts {
				t.Text = all[at[o]:at[o+1]]
			}
			return
		}
	}
}

// process applies the character rules in order. The order matters for
// idempotence: each rule sees the context the later rules leave alone.
// A rule is skipped when the texts hold none of the characters it acts
// on, which no earlier rule makes but runs, which makes dashes.
func (f *flattener) process() {
	f.rewrite(spaces)
	if f.has&doubled != 0 && f.rewrite(runs) {
		f.has |= dashes
	}
	if f.has&straightQuotes != 0 {
		f.inPlace(quotes)
	}
	if f.has&dashes != 0 {
		f.rewrite(dashSpacing)
	}
	if f.has&hyphens != 0 {
		f.inPlace(digitRanges)
	}
	f.inPlace(noBreakSpaces)
}

// inPlace applies a rule that changes runes of the stream in place and
// reports whether it changed any.
func (f *flattener) inPlace(rule func(s stream) bool) {
	if rule(f.s) {
		f.changed = true
	}
}

// rewrite applies a rule that writes a new stream: rule reads in and
// appends the result to out, or reports false, leaving out alone, when
// in has nothing for it, in which case in is the result. rewrite reports
// whether the rule wrote a new stream.
func (f *flattener) rewrite(rule func(in stream, out *stream) bool) bool {
	// A rule writes about as many runes as it reads.
	f.spare.r = slices.Grow(f.spare.r[:0], len(f.s.r)+8)
	f.spare.owner = slices.Grow(f.spare.owner[:0], len(f.s.r)+8)
	if !rule(f.s, &f.spare) {
		return false
	}
	f.s, f.spare = f.spare, f.s
	f.changed = true
	return true
}

// isSpace reports whether r separates words: a space of any kind.
func isSpace(r rune) bool { return r == ' ' || r == nbsp || unicode.IsSpace(r) }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// spaces turns every run of white space into one space (a no-break space if
// the run holds one) and drops white space at both ends.
func spaces(in stream, out *stream) bool {
	// Up to the first white space that is not a single space between
	// two words, the stream stays as it is; most paragraphs hold none.
	n := len(in.r)
	i := 0
	for i < n && !(collapsible(in.r[i]) &&
		(i == 0 || i == n-1 || in.r[i] != ' ' || collapsible(in.r[i+1]))) {
		i++
	}
	if i == n {
		return false
	}
	in.copyTo(out, i)
	for ; i < n; i++ {
		r := in.r[i]
		if !collapsible(r) {
			out.push(r, in.owner[i])
			continue
		}
		j, keep := i, false
		for j < n && collapsible(in.r[j]) {
			keep = keep || in.r[j] == nbsp
			j++
		}
		if len(out.r) > 0 && j < n {
			if keep {
				out.push(nbsp, in.owner[i])
			} else {
				out.push(' ', in.owner[i])
			}
		}
		i = j - 1
	}
	return true
}

// collapsible reports whether r is white space that spaces collapses. Thin
// and other special spaces are the author's choice and stay.
func collapsible(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', nbsp:
		return true
	}
	return false
}

// runs turns "---" into an em dash, "--" into an en dash and "..." into an
// ellipsis (of four dots, the first three; dots right after an ellipsis
// stay dots). Longer runs of hyphens are left alone: they are not dashes of
// any kind.
func runs(in stream, out *stream) bool {
	// Up to the first two hyphens or dots in a row, the stream stays as
	// it is.
	n := len(in.r)
	i := 0
	for i+1 < n && !((in.r[i] == '-' || in.r[i] == '.') && in.r[i+1] == in.r[i]) {
		i++
	}
	if i+1 >= n {
		return false
	}
	in.copyTo(out, i)
	for i < n {
		r, o := in.r[i], in.owner[i]
		if o < 0 || (r != '-' && r != '.') {
			out.push(r, o)
			i++
			continue
		}
		j := i
		for j < n && in.r[j] == r && in.owner[j] == o {
			j++
		}
		k := j - i
		switch {
		case r == '.' && k >= 3 && (i == 0 || in.r[i-1] != '…'):
			out.push('…', o)
			k -= 3
		case r == '-' && k == 2:
			out.push('–', o)
			k = 0
		case r == '-' && k == 3:
			out.push('—', o)
			k = 0
		}
		for ; k > 0; k-- {
			out.push(r, o)
		}
		i = j
	}
	return true
}

// opensAfter reports whether a quotation mark after prev opens a quotation:
// at the start, after a space, an opening bracket or quote, or a dash.
func opensAfter(prev rune, start bool) bool {
	if start || isSpace(prev) {
		return true
	}
	switch prev {
	case '(', '[', '{', '“', '‘', '—', '–', '-':
		return true
	}
	return false
}

// quotes turns straight quotation marks into curly ones by their context,
// in place, and reports whether it changed any. A straight mark with white
// space (or nothing) on both sides is left as it is: it is neither opening
// nor closing.
func quotes(s stream) (changed bool) {
	n := len(s.r)
	for i := 0; i < n; i++ {
		c := s.r[i]
		if s.owner[i] < 0 || (c != '"' && c != '\'' && c != '‘') {
			continue
		}
		var prev, next rune
		if i > 0 {
			prev = s.r[i-1]
		}
		if i+1 < n {
			next = s.r[i+1]
		}
		opening := opensAfter(prev, i == 0) && i+1 < n && !isSpace(next)
		closing := i > 0 && !isSpace(prev)
		switch c {
		case '"':
			switch {
			case opening:
				s.r[i] = '“'
			case closing:
				s.r[i] = '”'
			}
		case '\'':
			switch {
			case opening && elision(s.r[i+1:]):
				s.r[i] = '’'
			case opening:
				s.r[i] = '‘'
			case closing:
				s.r[i] = '’'
			}
		case '‘':
			if elision(s.r[i+1:]) {
				s.r[i] = '’'
			}
		}
		changed = changed || s.r[i] != c
	}
	return changed
}

// elisions are the words that begin with an apostrophe for left-out
// letters; "'n'" as in "rock 'n' roll" is among them.
var elisions = []string{"em", "tis", "twas", "twere", "twill", "n"}

// elision reports whether rest, the text after a leading single quote, is
// an elision such as 'em, 'tis or a year ('35, '90s), so that the mark is
// an apostrophe, not an opening quote.
func elision(rest []rune) bool {
	if len(rest) >= 2 && isDigit(rest[0]) && isDigit(rest[1]) &&
		(len(rest) == 2 || !isDigit(rest[2])) {
		return true
	}
	for _, w := range elisions {
		if hasWordPrefix(rest, w) {
			return true
		}
	}
	return false
}

// hasWordPrefix reports whether rest begins with the whole word w, ignoring
// case.
func hasWordPrefix(rest []rune, w string) bool {
	i := 0
	for _, c := range w {
		if i >= len(rest) || unicode.ToLower(rest[i]) != c {
			return false
		}
		i++
	}
	return i == len(rest) || !unicode.IsLetter(rest[i])
}

// isOpener reports whether r opens something, so that a dash after it takes
// no space before.
func isOpener(r rune) bool {
	switch r {
	case '“', '‘', '(', '[', '{':
		return true
	}
	return false
}

// closesAfterDash reports whether the rune at s.r[i] closes something, so
// that a dash before it takes no space after.
func closesAfterDash(s stream, i int) bool {
	switch s.r[i] {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '”', '…':
		return true
	case '’':
		return i+1 >= len(s.r) || !unicode.IsLetter(s.r[i+1])
	}
	return false
}

// dashSpacing sets every em dash (or run of em dashes) as "word\u00a0— word":
// a no-break space before it, so that no line begins with a dash, and a
// normal space after. At the start of a paragraph or after an opening quote
// or bracket it takes no space before; before closing punctuation or at the
// end, none after. An en dash with space on both sides is spaced the same
// way (a space before it is enough, when punctuation or the end follows);
// an en dash without spaces (a range: 12–15, juin–juillet) is left so.
func dashSpacing(in stream, out *stream) bool {
	// Up to the first dash, the stream stays as it is.
	i := slices.IndexFunc(in.r, func(r rune) bool { return r == '—' || r == '–' })
	if i < 0 {
		return false
	}
	in.copyTo(out, i)
	n := len(in.r)
	for ; i < n; i++ {
		r, o := in.r[i], in.owner[i]
		spacedEn := r == '–' && len(out.r) > 0 && isSpace(out.last()) &&
			(i+1 == n || isSpace(in.r[i+1]) || closesAfterDash(in, i+1) ||
				in.r[i+1] == '—' && in.owner[i+1] >= 0) // it will be spaced
		if o < 0 || (r != '—' && !spacedEn) {
			out.push(r, o)
			continue
		}
		j := i + 1
		if r == '—' {
			for j < n && in.r[j] == '—' && in.owner[j] >= 0 {
				j++
			}
		}
		for len(out.r) > 0 && spaceRune(out.last()) {
			out.pop()
		}
		if len(out.r) > 0 && !isOpener(out.last()) {
			out.push(nbsp, o)
		}
		for k := i; k < j; k++ {
			out.push(in.r[k], in.owner[k])
		}
		k := j
		for k < n && spaceRune(in.r[k]) {
			k++
		}
		if k < n && !closesAfterDash(in, k) {
			out.push(' ', in.owner[j-1])
		}
		i = k - 1
	}
	return true
}

// spaceRune reports whether r is one of the two spaces the rules write.
func spaceRune(r rune) bool { return r == ' ' || r == nbsp }

// digitRanges turns a hyphen between two numbers (12-15, 442-444) or two
// times of day (14:02-14:03) into an en dash, in place, also at the end of a
// sentence (pp. 12-19.), and reports whether it did. A chain of numbers and
// hyphens (1935-06-28, an ISBN) is not a range and is left alone, as is a
// number glued to a word (V-2) or a decimal (1.5-2).
func digitRanges(s stream) (changed bool) {
	n := len(s.r)
	digits := func(k, step int) int { // the first index past the digits from k
		for k >= 0 && k < n && isDigit(s.r[k]) {
			k += step
		}
		return k
	}
	for i := 1; i+1 < n; i++ {
		if s.r[i] != '-' || s.owner[i] < 0 || !isDigit(s.r[i-1]) || !isDigit(s.r[i+1]) {
			continue
		}
		b := digits(i-1, -1)
		if b >= 1 && s.r[b] == ':' && isDigit(s.r[b-1]) && i-1-b == 2 {
			b = digits(b-1, -1) // a time, 14:02
		}
		if b >= 0 && (s.owner[b] < 0 || unicode.IsLetter(s.r[b]) || isJoiner(s.r[b])) {
			continue
		}
		e := digits(i+1, 1)
		if e+2 < n && s.r[e] == ':' && isDigit(s.r[e+1]) && digits(e+1, 1) == e+3 {
			e += 3
		}
		// A full stop ends the range unless a digit follows it (2.5).
		if e < n && s.r[e] == '.' && (e+1 == n || !isDigit(s.r[e+1])) {
			s.r[i], changed = '–', true
			continue
		}
		if e < n && (s.owner[e] < 0 || unicode.IsLetter(s.r[e]) || isJoiner(s.r[e])) {
			continue
		}
		s.r[i], changed = '–', true
	}
	return changed
}

// isJoiner reports whether r glues a number to something else (1935-06,
// 3.14, 1/2), so that a hyphen next to it is not a range.
func isJoiner(r rune) bool {
	switch r {
	case '-', '–', '—', '.', '/', ':', '_', '#', '+', '@':
		return true
	}
	return false
}
