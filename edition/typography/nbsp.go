package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// token is a word of the stream: a run of runes between spaces, with the
// index of the space that follows it (-1 at the end).
type token struct {
	text  string
	space int
}

// noBreakSpaces puts the no-break spaces, in place. It only ever turns a
// space into a no-break space, so it is its own fixed point.
func noBreakSpaces(s stream) {
	// One string for the whole stream, sliced into words: it holds the
	// same runes, one for one, as s.r.
	str := string(s.r)
	// Words average more than four runes with their space: room for all
	// of them at once, in most paragraphs.
	toks := make([]token, 0, len(s.r)/4+1)
	start, i := 0, 0 // the word's byte offset in str; the rune's index in s.r
	for off, r := range str {
		if spaceRune(r) {
			if off > start {
				toks = append(toks, token{str[start:off], i})
			}
			start = off + utf8.RuneLen(r)
		}
		i++
	}
	if start < len(str) {
		toks = append(toks, token{str[start:], -1})
	}
	set := func(i int) {
		if i >= 0 && s.owner[i] >= 0 {
			s.r[i] = nbsp
		}
	}
	for k := 0; k+1 < len(toks); k++ {
		a := trimOpening(toks[k].text)
		b := toks[k+1].text
		bw := trimClosing(b)
		switch {
		case abbreviations[a] && startsWithDigit(b),
			partWords[strings.ToLower(a)] && (startsWithDigit(b) || roman(bw)),
			isNumber(a) && units[bw],
			day(a) && months[bw],
			months[a] && startsWithDay(b):
			set(toks[k].space)
		}
		if k+2 < len(toks) && degrees(a) && toks[k+1].text == "to" &&
			degrees(trimClosing(toks[k+2].text)) {
			set(toks[k].space)
			set(toks[k+1].space)
		}
	}
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
