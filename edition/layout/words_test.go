package layout

import (
	"reflect"
	"strings"
	"testing"

	"edition/edition"
)

// bookParagraphs builds every body paragraph of b at trim, as the layout
// builds them, in the book's order.
func bookParagraphs(t *testing.T, b *edition.Book, trim string) []*paragraph {
	t.Helper()
	fb := fixtureFlow(t, trim)
	for _, p := range b.Meta.People {
		if p.Speaker != "" {
			fb.speakers[p.Key] = p.Speaker
		}
	}
	if !b.Preface.Absent() {
		fb.section(&b.Preface)
	}
	for k := range b.Interviews {
		fb.interview(&b.Interviews[k], nil)
	}
	if !b.Colophon.Absent() {
		fb.section(&b.Colophon)
	}
	var ps []*paragraph
	for _, s := range fb.srcs {
		ps = append(ps, fb.build(s.p, s.indent, s.turn, &fb.errs).finish())
	}
	if err := fb.errs.Err(); err != nil {
		t.Fatal(err)
	}
	return ps
}

// heldWords returns every word words holds, by its text, and their number.
func heldWords() (map[string][]*setWord, int) {
	all := map[string][]*setWord{}
	n := 0
	words.m.All(func(text string, ws []*setWord) {
		all[text] = ws
		n += len(ws)
	})
	return all, n
}

// TestWordsSetAsBefore: a paragraph whose words are taken from words is the
// paragraph set word by word — its items and its runs, their text, glyphs
// and character offsets — whether words starts empty or holds the words of
// another book, on the real book, the fixture book and the second book
// (speakers' labels, directions, quotations, notes, links, other
// languages), at two trims.
func TestWordsSetAsBefore(t *testing.T) {
	books := map[string]*edition.Book{"real": realBook(t), "fixture": fixture(), "collection": collectionBook(t), "parallel": parallelBook()}
	for _, trim := range []string{"", "6x9in"} {
		for name, b := range books {
			memoWords = false
			want := bookParagraphs(t, b, trim)
			memoWords = true
			Forget()
			cold := bookParagraphs(t, b, trim)
			warm := bookParagraphs(t, b, trim)
			for i := range want {
				for _, got := range [][]*paragraph{cold, warm} {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("%s at %q: paragraph %s set from words differs from it set word by word", name, trim, want[i].id)
					}
				}
			}
		}
	}
	t.Cleanup(func() { memoWords = true })
	// The words were used: held, and within the bounds.
	held, n := heldWords()
	if n == 0 || n > maxWords || int64(n) != words.n.Load() {
		t.Errorf("words holds %d words (counted %d), want some and at most %d", n, words.n.Load(), maxWords)
	}
	for text := range held {
		if n := len([]rune(text)); n > maxWordRunes || strings.ContainsAny(text, " \u00a0") {
			t.Errorf("words holds %q (%d characters)", text, n)
		}
	}
}

// TestWordsBounded: however many different words a book has, words holds
// at most maxWords, and the words after that are set as before.
func TestWordsBounded(t *testing.T) {
	Forget()
	t.Cleanup(Forget)
	fb := fixtureFlow(t, "")
	var sb strings.Builder
	for i := range maxWords + 500 {
		sb.WriteString(strings.Repeat("x", 1+i%7))
		for n := i; n > 0; n /= 26 {
			sb.WriteByte(byte('a' + n%26))
		}
		sb.WriteByte(' ')
	}
	p := &edition.Paragraph{ID: "many", Content: []edition.Inline{&edition.Text{Text: sb.String()}}}
	got := fb.build(p, false, nil, &fb.errs).finish()
	memoWords = false
	want := fb.build(p, false, nil, &fb.errs).finish()
	memoWords = true
	if !reflect.DeepEqual(got, want) {
		t.Error("a paragraph of more words than words holds differs from it set word by word")
	}
	if _, n := heldWords(); n != maxWords || words.n.Load() != maxWords {
		t.Errorf("words holds %d words (counted %d), want %d", n, words.n.Load(), maxWords)
	}
}

// TestForget: Forget empties words (the faces' and the hyphenator's
// Forget are tested in their packages), and a book set after it is set as
// before, on the real book and the fixture book.
func TestForget(t *testing.T) {
	t.Cleanup(Forget)
	for name, b := range map[string]*edition.Book{"real": realBook(t), "fixture": fixture()} {
		before := bookParagraphs(t, b, "")
		if _, n := heldWords(); n == 0 {
			t.Fatalf("%s: no words held after setting the book", name)
		}
		Forget()
		if _, n := heldWords(); n != 0 || words.n.Load() != 0 {
			t.Errorf("%s: words holds %d words (counted %d) after Forget", name, n, words.n.Load())
		}
		if after := bookParagraphs(t, b, ""); !reflect.DeepEqual(after, before) {
			t.Errorf("%s: the book set after Forget differs from it set before", name)
		}
	}
}
