package typography

import (
	"strings"
	"unicode"
)

// Where a line must not break, the space becomes a no-break space (U+00A0):
//
//   - after an abbreviation of a part before a number: "p. 100", "pp. 442–444",
//     "vol. 29", "no. 3";
//   - after a word naming a part before a number: "Volume 5", "Issue 3",
//     "Article 7", "Chapter 2";
//   - between a number and its unit: "12 years", "72 days", "50 %";
//   - inside a range of degrees: "50° to 60°" (both spaces);
//   - between a day and its month, either way round: "28 June", "May 6".

// abbreviations take a no-break space before a following number.
var abbreviations = map[string]bool{
	"p.": true, "pp.": true, "vol.": true, "vols.": true, "Vol.": true, "Vols.": true,
	"no.": true, "nos.": true, "No.": true, "Nos.": true, "ch.": true, "Ch.": true,
}

// partWords take a no-break space before a following number (any case).
var partWords = map[string]bool{
	"volume": true, "issue": true, "article": true, "chapter": true,
	"part": true, "section": true, "number": true,
}

// units take a no-break space after a number.
var units = map[string]bool{
	"year": true, "years": true, "month": true, "months": true,
	"week": true, "weeks": true, "day": true, "days": true,
	"hour": true, "hours": true, "minute": true, "minutes": true,
	"second": true, "seconds": true,
	"km": true, "m": true, "cm": true, "mm": true, "kg": true, "g": true,
	"ha": true, "miles": true, "mile": true, "versts": true,
	"metres": true, "meters": true, "kilometres": true, "kilometers": true,
	"percent": true, "%": true, "°": true, "°C": true, "°F": true,
	"roubles": true, "rubles": true, "francs": true,
}

var months = map[string]bool{
	"January": true, "February": true, "March": true, "April": true,
	"May": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true,
}

// word is a word of the stream: the runes s.r[start:end], between spaces.
// The space that follows it, if any, is at end.
type word struct{ start, end int }

// nextWord returns the first word of r at or after from, or an empty word
// at len(r) when there is none.
func nextWord(r []rune, from int) word {
	for from < len(r) && spaceRune(r[from]) {
		from++
	}
	end := from
	for end < len(r) && !spaceRune(r[end]) {
		end++
	}
	return word{from, end}
}

// noBreakSpaces puts the no-break spaces, in place, and reports whether it
// put any. It only ever turns a space into a no-break space, so it is its
// own fixed point.
//
// Every rule needs a number after the space or right before it, or a
// Roman numeral after it: the words of a pair that has none are not
// looked at further, and most pairs of a paragraph are such.
func noBreakSpaces(s stream) (changed bool) {
	n := len(s.r)
	set := func(i int) {
		if i < n && s.owner[i] >= 0 && s.r[i] != nbsp {
			s.r[i], changed = nbsp, true
		}
	}
	text := func(w word) string { return string(s.r[w.start:w.end]) }
	wa := nextWord(s.r, 0)
	wb := nextWord(s.r, wa.end)
	for ; wb.start < n; wa, wb = wb, nextWord(s.r, wb.end) {
		if !numberAfter(s.r[wb.start]) && !startsWithNumber(s.r[wa.start:wa.end]) {
			continue
		}
		a := trimOpening(text(wa))
		b := text(wb)
		bw := trimClosing(b)
		switch {
		case abbreviations[a] && startsWithDigit(b),
			partWords[strings.ToLower(a)] && (startsWithDigit(b) || roman(bw)),
			isNumber(a) && units[bw],
			day(a) && months[bw],
			months[a] && startsWithDay(b):
			set(wa.end)
		}
		if degrees(a) && b == "to" {
			if wc := nextWord(s.r, wb.end); wc.start < n && degrees(trimClosing(text(wc))) {
				set(wa.end)
				set(wb.end)
			}
		}
	}
	return changed
}

// numberAfter reports whether a word beginning with r may be the number or
// Roman numeral a rule puts a no-break space before.
func numberAfter(r rune) bool {
	switch r {
	case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		return true
	}
	return isDigit(r)
}

// startsWithNumber reports whether the word w begins with a digit once its
// opening brackets and quotes are left out, as the words a rule puts a
// no-break space after (a number, a day, degrees) do.
func startsWithNumber(w []rune) bool {
	for _, r := range w {
		switch r {
		case '(', '[', '{', '“', '‘', '"', '\'':
			continue
		}
		return isDigit(r)
	}
	return false
}

// trimOpening strips opening brackets and quotes from the start of a word;
// trimClosing strips closing punctuation from its end. A word that begins
// (ends) with an ASCII letter or digit, as most do, is returned as it is
// without the cost of a non-ASCII cutset.
func trimOpening(s string) string {
	if s != "" && asciiAlnum(s[0]) {
		return s
	}
	return strings.TrimLeft(s, "([{“‘\"'")
}

func trimClosing(s string) string {
	if s != "" && asciiAlnum(s[len(s)-1]) {
		return s
	}
	return strings.TrimRight(s, ",.;:!?)]}”’\"'…")
}

func asciiAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func startsWithDigit(s string) bool { return s != "" && isDigit(rune(s[0])) }

// isNumber reports whether s is a number or a range of numbers: digits,
// with "," or "." between groups and "–" between the ends of a range.
func isNumber(s string) bool {
	if s == "" || !isDigit(rune(s[0])) || !isDigit(rune(s[len(s)-1])) {
		return false
	}
	for _, r := range s {
		if !isDigit(r) && r != ',' && r != '.' && r != '–' {
			return false
		}
	}
	return true
}

// day reports whether s is a day of the month: "28", "6" or "28th".
func day(s string) bool {
	d := strings.TrimRight(s, "stndrh")
	if len(d) < len(s) && len(s)-len(d) != 2 {
		return false
	}
	if len(d) == 0 || len(d) > 2 {
		return false
	}
	v := 0
	for _, r := range d {
		if !isDigit(r) {
			return false
		}
		v = v*10 + int(r-'0')
	}
	return v >= 1 && v <= 31
}

// startsWithDay reports whether s begins with a day of the month, as in
// "28," or "6th": one or two digits not followed by another digit.
func startsWithDay(s string) bool {
	i := 0
	for i < len(s) && isDigit(rune(s[i])) {
		i++
	}
	if i == 0 || i > 2 {
		return false
	}
	rest := strings.TrimLeft(s[i:], "stndrh")
	return day(s[:i]) && (rest == "" || !unicode.IsLetter(rune(rest[0])))
}

// degrees reports whether s is a number of degrees: "50°", "60°C".
func degrees(s string) bool {
	i := strings.IndexRune(s, '°')
	return i > 0 && isNumber(s[:i]) && (len(s) == i+len("°") || s[i+len("°"):] == "C" || s[i+len("°"):] == "F")
}

// roman reports whether s is a Roman numeral in capitals, as in "Volume IV".
func roman(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("IVXLCDM", r) {
			return false
		}
	}
	return true
}
