package hyphen

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// patternsOnly hyphenates a lower-case word with the patterns alone, with
// TeX's minima, bypassing every exception list.
func patternsOnly(word string) string {
	h := English()
	saved := h.exceptions
	defer func() { h.exceptions = saved }()
	h.exceptions = map[string][]int{}
	return h.Hyphenate(word, "-")
}

// TestPatterns checks words whose plain-TeX hyphenation is documented in The
// TeXbook (appendix H) and Liang's thesis.
func TestPatterns(t *testing.T) {
	for word, want := range map[string]string{
		"hyphenation":                        "hy-phen-ation",
		"concatenation":                      "con-cate-na-tion",
		"supercalifragilisticexpialidocious": "su-per-cal-ifrag-ilis-tic-ex-pi-ali-do-cious",
		"difficult":                          "dif-fi-cult",
		"revolutionaries":                    "rev-o-lu-tion-ar-ies",
		// Why Knuth listed these as exceptions: the patterns miss ta-ble
		// and break the verb forms pro-ject and pre-sent.
		"table":   "table",
		"project": "pro-ject",
		"present": "pre-sent",
	} {
		if got := patternsOnly(word); got != want {
			t.Errorf("patterns(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestExceptions(t *testing.T) {
	h := English()
	for word, want := range map[string]string{
		// Knuth's list in hyphen.tex.
		"associate":     "as-so-ciate",
		"associates":    "as-so-ciates",
		"declination":   "dec-li-na-tion",
		"obligatory":    "oblig-a-tory",
		"philanthropic": "phil-an-thropic",
		"present":       "present",
		"presents":      "presents",
		"project":       "project",
		"projects":      "projects",
		"recognizance":  "re-cog-ni-zance",
		"reformation":   "ref-or-ma-tion",
		"retribution":   "ret-ri-bu-tion",
		"table":         "ta-ble",
		// TUGboat's list overrides Knuth's reci-procity and the patterns.
		"reciprocity": "rec-i-proc-ity",
		"hyphenation": "hy-phen-a-tion",
		// TUGboat's list, with the right minimum applied (acad-e-my).
		"academy": "acad-emy",
		// The project's list (exceptions.txt), for words of the book.
		"Amsterdam":     "Am-ster-dam",    // patterns: am-s-ter-dam
		"awarded":       "awarded",        // patterns: awar-ded
		"Catholicism":   "Ca-thol-i-cism", // patterns: catholi-cism
		"Protestant":    "Prot-es-tant",   // patterns: protes-tant
		"reactionaries": "re-ac-tion-ar-ies",
		"rekindle":      "re-kin-dle", // patterns: rekin-dle
	} {
		if got := h.Hyphenate(word, "-"); got != want {
			t.Errorf("Hyphenate(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestPoints(t *testing.T) {
	h := English()
	for _, c := range []struct {
		word string
		want []int
	}{
		{"hyphenation", []int{2, 6, 7}},
		{"Hyphenation", []int{2, 6, 7}}, // capitalised
		{"HYPHENATION", nil},            // all capitals: an acronym or a heading, left alone
		{"Associate", []int{2, 4}},      // exceptions are case-insensitive
		{"“government,”", []int{4, 7}},  // punctuation skipped, offsets from the word's start
		{"governments’", []int{3, 6}},   // trailing apostrophe
		{"people’s", []int{3}},          // peo-ple’s: the part before the apostrophe
		{"don’t", nil},                  // no part long enough
		{"o’clock", nil},
		{"non-aggression", []int{4}}, // explicit hyphen only
		{"counter-revolutionaries", []int{8}},
		{"-ism", nil},
		{"1935", nil},
		{"2nd", nil},
		{"M1935model", nil},
		{"e.g.", nil},
		{"a", nil},
		{"", nil},
		{"boxes", nil},       // 5 letters: box-es would leave 2 after
		{"table", []int{2}},  // ta-ble: 2 before, 3 after
		{"Ta-ble", []int{3}}, // explicit
	} {
		got := h.Points(c.word)
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Points(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

// TestMinima checks \lefthyphenmin=2 and \righthyphenmin=3 on many words.
func TestMinima(t *testing.T) {
	h := English()
	words := strings.Fields(`a an the of to in revolution counter assassinate children
		criminal responsibility interesting statement positions capitalist communist
		government nothing prevent workers occupied interview translated important
		features illegally majority reactionaries abroad goaded adults shock lower
		every ability abolition extraordinary hypothetical unbelievably`)
	for _, w := range words {
		n := len([]rune(w))
		for _, p := range h.Points(w) {
			if p < LeftMin || p > n-RightMin {
				t.Errorf("Points(%q) has %d, outside [%d, %d]", w, p, LeftMin, n-RightMin)
			}
		}
	}
}

func TestShippedFilesUnmodified(t *testing.T) {
	for name, c := range map[string]struct {
		data []byte
		sum  string
	}{
		"hyphen.tex":   {hyphenTeX, "2c18acdc04c1a066aeb1759905e7ca449f0616c314b5ed6aebe55b9d4a89b8d4"},
		"ushyphex.tex": {ushyphexTeX, "9392bd6e14b2f34ebc31d2ba4eddb7d1266bf563bfd89c6161f63cfd7f00ef5c"},
	} {
		if got := fmt.Sprintf("%x", sha256.Sum256(c.data)); got != c.sum {
			t.Errorf("%s: sha256 %s, want %s (the file must ship unmodified)", name, got, c.sum)
		}
	}
	if !strings.Contains(string(hyphenTeX), "Unlimited copying and redistribution") {
		t.Error("hyphen.tex lost its notice")
	}
}

func TestParsedCounts(t *testing.T) {
	pats, err := texBlock(hyphenTeX, `\patterns`)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Fields(pats)); n != 4447 {
		t.Errorf("hyphen.tex: %d patterns, want 4447", n)
	}
	ex, err := texBlock(hyphenTeX, `\hyphenation`)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Fields(ex)); n != 14 {
		t.Errorf("hyphen.tex: %d exceptions, want 14", n)
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if got := English().Hyphenate("concatenation", "-"); got != "con-cate-na-tion" {
					t.Errorf("got %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkPoints(b *testing.B) {
	h := English()
	words := strings.Fields("interesting part of the interview deals with Stalin’s statement that there may at times be different positions between the USSR as a socialist state")
	for b.Loop() {
		for _, w := range words {
			h.Points(w)
		}
	}
}

// TestBookWords hyphenates every word of the book's source and checks the
// invariants of Points on each: offsets inside the word, increasing, with
// the minima kept, and never next to an apostrophe or in a word with a digit.
func TestBookWords(t *testing.T) {
	files, _ := filepath.Glob("../../../source/*.md")
	if len(files) == 0 {
		t.Skip("no source/*.md")
	}
	h := English()
	n, hyphenated := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(string(data)) {
			n++
			rs := []rune(w)
			pts := h.Points(w)
			if len(pts) > 0 {
				hyphenated++
			}
			prev := 0
			for _, p := range pts {
				if p <= prev || p >= len(rs) {
					t.Errorf("%s: Points(%q) = %v: bad offset %d", f, w, pts, p)
					break
				}
				prev = p
				if hyphen := IsHyphen(rs[p-1]); !hyphen {
					if isApostrophe(rs[p-1]) || isApostrophe(rs[p]) || !unicode.IsLetter(rs[p-1]) || !unicode.IsLetter(rs[p]) {
						t.Errorf("%s: Points(%q) = %v: break at %d not between letters", f, w, pts, p)
					}
				}
			}
			if strings.IndexFunc(w, unicode.IsDigit) >= 0 && !strings.ContainsFunc(w, IsHyphen) && len(pts) > 0 {
				t.Errorf("%s: Points(%q) = %v in a word with a digit", f, w, pts)
			}
		}
	}
	t.Logf("%d words, %d with break points", n, hyphenated)
	if hyphenated == 0 {
		t.Error("no word of the book hyphenated")
	}
}

// TestLongWordsAreLeftWhole is the regression test for hyphenation cubic in
// a word's length: a word of a million letters, which the pattern matcher
// would not finish in days, gets no points after one linear scan (so this
// test ends in milliseconds), as does one of MaxLetters+1 letters, while one
// of MaxLetters letters is still hyphenated.
func TestLongWordsAreLeftWhole(t *testing.T) {
	h := English()
	long := strings.Repeat("hyphenation", 1<<20/len("hyphenation")+1)
	for _, w := range []string{long, long + "’s", "“" + long + ",”", strings.Repeat("a’", 1<<19), long[:MaxLetters+1]} {
		if pts := h.Points(w); pts != nil {
			t.Errorf("a %d-rune word got %d points, want none", len([]rune(w)), len(pts))
		}
	}
	if pts := h.Points(long[:MaxLetters]); len(pts) == 0 {
		t.Errorf("a word of MaxLetters (%d) letters got no points", MaxLetters)
	}
}

// BenchmarkLongWord shows how the time for one word grows with its length:
// up to MaxLetters with the patterns, beyond it linearly.
func BenchmarkLongWord(b *testing.B) {
	for _, n := range []int{16, MaxLetters, 1 << 10, 1 << 16, 1 << 20} {
		word := strings.Repeat("hyphenation", n/len("hyphenation")+1)[:n]
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			h := &Hyphenator{lang: English().lang, exceptions: English().exceptions}
			for b.Loop() {
				h.Points(word)
				h.memo.Clear()
			}
		})
	}
}

// TestAppendPoints: AppendPoints keeps what the slice held and adds what
// Points returns, for words with and without points.
func TestAppendPoints(t *testing.T) {
	h := English()
	for _, w := range []string{"hyphenation", "non-aggression", "people’s", "1935", "USSR", "a", strings.Repeat("ab", MaxLetters)} {
		got := h.AppendPoints([]int{-1, -2}, w)
		want := append([]int{-1, -2}, h.Points(w)...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("AppendPoints(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestForget: Forget empties the memo, and the points of a word matched
// again are the same.
func TestForget(t *testing.T) {
	h, err := newEnglish()
	if err != nil {
		t.Fatal(err)
	}
	remembered := func() int {
		n := 0
		h.memo.All(func(string, []int) { n++ })
		return n
	}
	words := []string{"hyphenation", "typesetting", "interview", "revolutionaries"}
	var before [][]int
	for _, w := range words {
		before = append(before, h.Points(w))
	}
	if remembered() == 0 {
		t.Fatal("the memo is empty after matching words")
	}
	h.Forget()
	if n := remembered(); n != 0 {
		t.Fatalf("the memo holds %d words after Forget", n)
	}
	for i, w := range words {
		if got := h.Points(w); !reflect.DeepEqual(got, before[i]) {
			t.Errorf("Points(%q) after Forget = %v, before %v", w, got, before[i])
		}
	}
}
