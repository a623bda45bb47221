package layout

import (
	"slices"
	"sync/atomic"
	"unicode/utf8"

	"edition/edition/hyphen"
	"edition/edition/linebreak"
	"edition/internal/textmap"
)

// words holds the words set so far (paraBuilder.setWord), for every
// paragraph builder of the process: a book sets the same words over and
// over, and a word set again is its items and runs as they were, moved to
// where it now begins, which costs a fraction of shaping and hyphenating
// it anew. It holds plain words only (see memoKey), each as each style
// sets it, and at most maxWords of them, so that its memory stays bounded
// whatever the book. The paragraph builders of every core look words up
// and add them at the same time (package textmap).
var words struct {
	m textmap.Map[[]*setWord] // by the word's text
	n atomic.Int64            // words held
}

// Forget drops what the process has remembered of the books it has set:
// the words (words), the texts each parsed face has shaped and the
// hyphenation points found. The faces and the patterns stay parsed. A
// process that sets many books can call it between them to bound its
// memory; cmd/edition's BenchmarkPDFInProcess calls it so that each book
// is set as the first is, as Typst's compile is timed with its cache
// emptied. It must not be called while a book is being set.
func Forget() {
	words.m.Clear()
	words.n.Store(0)
	for f := range faceMetrics {
		for _, m := range [...]*Metrics{faceMetrics[f], boldMetrics[f]} {
			if m != nil {
				m.Face.Forget()
			}
		}
	}
	hyphen.English().Forget()
}

// memoWords turns words on (tests turn it off to compare).
var memoWords = true

// maxWords bounds the words held; maxWordRunes is the longest word held.
const (
	maxWords     = 1 << 15
	maxWordRunes = 48
)

// wordKey is what, besides its text, decides how a plain word is set.
type wordKey struct {
	m         *Metrics
	face      Face
	size      float64
	label     labelKind
	dir       int
	hyphenate bool
}

// setWord is a word as setWord set it: the items and pieces it added,
// the pieces' character offsets (see offsets) counted from the word's
// first character.
type setWord struct {
	key    wordKey
	items  []linebreak.Item
	pieces []piece
}

// memoKey returns the key of the current word and puts its text in b.buf;
// ok is false for a word words does not hold: one of several runs (a note
// mark, a change of face), in a link or another language, raised or
// letter-spaced, or longer than maxWordRunes.
func (b *paraBuilder) memoKey() (k wordKey, ok bool) {
	if !memoWords || len(b.word) != 1 || len(b.runes) > maxWordRunes {
		return wordKey{}, false
	}
	f := &b.word[0]
	r := f.refs()
	if r.URL != "" || r.link != 0 || r.Note != 0 || r.Back != 0 || r.lang != "" || f.Rise != 0 || f.Track != 0 {
		return wordKey{}, false
	}
	b.buf = b.buf[:0]
	for _, x := range b.runes {
		b.buf = utf8.AppendRune(b.buf, x.r)
	}
	return wordKey{m: b.m[f.Face], face: f.Face, size: f.Size, label: f.label, dir: r.dir, hyphenate: b.hyphenate}, true
}

// lookup returns the word text as k sets it, if words holds it.
func lookup(text []byte, k wordKey) *setWord {
	ws, _ := words.m.Get(text)
	for _, w := range ws {
		if w.key == k {
			return w
		}
	}
	return nil
}

// offsets reports which character offsets pc, the piece of it, carries:
// a box its first character's (rune), a discretionary that and its
// post-break material's (postRune); a penalty's pieces carry none.
func offsets(it linebreak.Item, pc *piece) (first, post bool) {
	disc := pc.alt != nil
	return it.Kind == linebreak.Box || disc, disc
}

// move moves the character offsets pc, the piece of it, carries by d.
func move(it linebreak.Item, pc *piece, d int) {
	first, post := offsets(it, pc)
	if first {
		pc.rune += d
	}
	if post {
		pc.postRune += d
	}
}

// remember puts the word just set, text as k sets it, in words: the items
// and pieces from items and pieces on, copied in three allocations (the
// runs out of the paragraph's arena, which is reused; a discretionary's
// other runs are never in it, and are shared).
func (b *paraBuilder) remember(text string, k wordKey, items, pieces int) {
	w := &setWord{key: k, items: slices.Clone(b.p.items[items:]), pieces: slices.Clone(b.p.pieces[pieces:])}
	nr := 0
	for i := range w.pieces {
		pc := &w.pieces[i]
		nr += len(pc.frags)
	}
	runs := make([]frag, 0, nr)
	for i := range w.pieces {
		pc := &w.pieces[i]
		if pc.frags != nil {
			n := len(runs)
			runs = append(runs, pc.frags...)
			pc.frags = runs[n:len(runs):len(runs)]
		}
		move(w.items[i], pc, -b.wordStart)
	}
	words.m.Update(text, func(old []*setWord, _ bool) ([]*setWord, bool) {
		if slices.ContainsFunc(old, func(o *setWord) bool { return o.key == k }) {
			return old, false
		}
		if words.n.Add(1) > maxWords {
			words.n.Add(-1)
			return old, false
		}
		// A new slice: a reader may hold the old one.
		return append(slices.Clip(old), w), true
	})
}

// replay adds the word w, as it was set, at the current word's place, and
// ends the word as setWord does. Its pieces share w's runs: runs are not
// changed once a piece holds them (a set line holds copies).
func (b *paraBuilder) replay(w *setWord) {
	b.wordEnd = false
	b.p.items = append(b.p.items, w.items...)
	n := len(b.p.pieces)
	b.p.pieces = append(b.p.pieces, w.pieces...)
	for i := range w.pieces {
		move(w.items[i], &b.p.pieces[n+i], b.wordStart)
	}
	clear(b.word)
	b.word, b.runes = b.word[:0], b.runes[:0]
}
