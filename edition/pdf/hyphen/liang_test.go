package hyphen

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/speedata/hyphenation"
)

// oracleWords are the words the matcher is checked on: every word of the
// book's source, every pattern's letters, words with letters outside
// ASCII, and the system dictionary when there is one.
func oracleWords(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var words []string
	add := func(w string) {
		w = strings.ToLower(w)
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	letters := func(text string) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			add(w)
		}
	}
	files, _ := filepath.Glob("../../../source/*.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		letters(string(data))
	}
	pats, err := texBlock(hyphenTeX, `\patterns`)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pats {
		letters(p)
	}
	for _, w := range []string{"Übermensch", "naïveté", "Dzhugashvili", "ÉCOLE", "a", "ab", "abc", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"} {
		add(w)
	}
	if f, err := os.Open("/usr/share/dict/words"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			letters(sc.Text())
		}
	}
	return words
}

// TestMatcherAgreesWithSpeedata checks the pattern matcher against
// github.com/speedata/hyphenation, which it replaced for speed, on every
// word oracleWords gives.
func TestMatcherAgreesWithSpeedata(t *testing.T) {
	pats, err := texBlock(hyphenTeX, `\patterns`)
	if err != nil {
		t.Fatal(err)
	}
	lang, err := hyphenation.New(strings.NewReader(strings.Join(pats, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	ours := parsePatterns(pats)
	if len(ours.prio) != len(pats) {
		t.Errorf("%d patterns parsed, want %d", len(ours.prio), len(pats))
	}
	words := oracleWords(t)
	if len(words) < 5000 {
		t.Fatalf("only %d words to check", len(words))
	}
	broken := 0
	for _, w := range words {
		want := lang.Hyphenate(w)
		got := ours.hyphenate(w)
		if len(want) > 0 {
			broken++
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: points %v, speedata %v", w, got, want)
		}
	}
	if broken < len(words)/4 {
		t.Errorf("only %d of %d words have points", broken, len(words))
	}
	t.Logf("%d words agree, %d of them with points", len(words), broken)
}
