// Public domain.
// Comments to gundlach@speedata.de

// Package hyphenation hyphenates words with TeXs algorithm.
//
// The algorithm is used in TeX and originally from Franklin Liang, his thesis can be downloaded from
// https://www.tug.org/docs/liang%20/liang-thesis.pdf
//
// You need pattern files which can be downloaded from
// http://ctan.math.utah.edu/ctan/tex-archive/language/hyph-utf8/tex/generic/hyph-utf8/patterns/txt/
package hyphenation

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang is a language object for hyphenation.
// Use it by calling New(), otherwise the object is not initialized properly.
type Lang struct {
	patterns trie // patch 1: the patterns, by their word parts
	Leftmin  int  // The minimum number of non hyphenated runes at the beginning of a word. Defaults to 0.
	Rightmin int  // The minimum number of non hyphenated runes at the end of a word. Defaults to 0.
}

// trie holds the patterns by their word parts (patch 1), a rune an edge:
// node 0 is the root, whose children below U+0080 are also in ascii; a
// node's children are edges[first:first+n], in the order of their runes.
// The priorities of all patterns are kept in one slice (patch 3).
type trie struct {
	nodes      []trieNode
	edges      []trieEdge
	priorities []byte
	ascii      [128]int32 // the root's child for each rune, 0 for none
}

// trieNode is a node of the trie: its children, and the priorities of the
// pattern whose word part ends at it, priorities[pat:pat+patLen] (a
// pattern has at least one; patLen 0: none ends here).
type trieNode struct {
	first, n    int32
	pat, patLen int32
}

type trieEdge struct {
	r    rune
	node int32
}

// pattern returns the priorities of the pattern whose word part ends at
// node, or nil.
func (t *trie) pattern(node int32) []byte {
	nd := &t.nodes[node]
	if nd.patLen == 0 {
		return nil
	}
	return t.priorities[nd.pat : nd.pat+nd.patLen : nd.pat+nd.patLen]
}

// child returns the child of node by r, or -1.
func (t *trie) child(node int32, r rune) int32 {
	if node == 0 && r >= 0 && r < 128 {
		if c := t.ascii[r]; c != 0 {
			return c
		}
		return -1
	}
	nd := &t.nodes[node]
	for _, e := range t.edges[nd.first : nd.first+nd.n] {
		if e.r == r {
			return e.node
		}
		if e.r > r {
			break
		}
	}
	return -1
}

// setASCII fills the root's table of ASCII children from its edges.
func (t *trie) setASCII() {
	root := t.nodes[0]
	for _, e := range t.edges[root.first : root.first+root.n] {
		if e.r >= 0 && e.r < 128 {
			t.ascii[e.r] = e.node
		}
	}
}

// trieBuilder makes a trie: each node's rune, pattern, first child and
// next sibling, as added.
type trieBuilder struct {
	nodes []builderNode
}

type builderNode struct {
	r              rune
	pattern        []byte
	child, sibling int32 // 0 for none (the root is no one's)
}

func newTrieBuilder() *trieBuilder {
	return &trieBuilder{nodes: make([]builderNode, 1, 1<<14)}
}

// add gives the word part wordpart the priorities pat: a word part given
// twice keeps the later priorities, as upstream's map did.
func (b *trieBuilder) add(wordpart []rune, pat []byte) {
	node := int32(0)
	for _, r := range wordpart {
		next := b.nodes[node].child
		for next != 0 && b.nodes[next].r != r {
			next = b.nodes[next].sibling
		}
		if next == 0 {
			next = int32(len(b.nodes))
			b.nodes = append(b.nodes, builderNode{r: r, sibling: b.nodes[node].child})
			b.nodes[node].child = next
		}
		node = next
	}
	b.nodes[node].pattern = pat
}

// trie returns the trie built, each node's children sorted by rune.
func (b *trieBuilder) trie() trie {
	t := trie{nodes: make([]trieNode, len(b.nodes)), edges: make([]trieEdge, 0, len(b.nodes))}
	n := 0
	for _, nd := range b.nodes {
		n += len(nd.pattern)
	}
	t.priorities = make([]byte, 0, n)
	for i, nd := range b.nodes {
		at := len(t.edges)
		for c := nd.child; c != 0; c = b.nodes[c].sibling {
			t.edges = append(t.edges, trieEdge{b.nodes[c].r, c})
		}
		kids := t.edges[at:]
		slices.SortFunc(kids, func(a, b trieEdge) int { return cmp.Compare(a.r, b.r) })
		t.nodes[i] = trieNode{first: int32(at), n: int32(len(kids)), pat: int32(len(t.priorities)), patLen: int32(len(nd.pattern))}
		t.priorities = append(t.priorities, nd.pattern...)
	}
	t.setASCII()
	return t
}

// New loads patterns from the reader. Patterns are word substrings with a hyphenation priority
// between each letter, 0s omitted. Example patterns are “.ach4 at3est 4if.” where a dot
// denotes a word boundary. An odd number means “don't hyphenate here”, everything else allows
// hyphenation at this point. The final priority for each position is the maximum of each priority
// given in each applied pattern.
func New(r io.Reader) (*Lang, error) {
	l := &Lang{Leftmin: 0, Rightmin: 0}
	s := bufio.NewScanner(r)
	s.Split(bufio.ScanWords)
	b := newTrieBuilder()

	var wordpart []rune
	// patch 2: the priorities are kept in blocks shared by many patterns,
	// and each pattern read from the scanner's bytes, not a string of them
	var pats []byte

	var prio byte

	// for each word in the pattern file
	for s.Scan() {
		pattern := s.Bytes()
		wordpart = wordpart[:0]
		if cap(pats)-len(pats) < len(pattern)+1 {
			pats = make([]byte, 0, max(4096, len(pattern)+1))
		}
		at := len(pats)
		var prev rune

		for len(pattern) > 0 {
			v, size := utf8.DecodeRune(pattern)
			pattern = pattern[size:]
			// if it is a letter, the priority is the previous
			// entry (if it is a digit) or 0
			if !unicode.IsDigit(v) {
				if unicode.IsDigit(prev) {
					prio = byte(prev) - '0'
				} else {
					prio = 0
				}
				wordpart = append(wordpart, v)
				if v != '.' {
					pats = append(pats, prio)
				}
			}
			prev = v
		}
		if unicode.IsDigit(prev) {
			pats = append(pats, byte(prev)-'0')
		} else {
			pats = append(pats, 0)
		}

		b.add(wordpart, pats[at:len(pats):len(pats)])
		// pattern | wordpart | pat
		// uto1    | uto      | 0,0,0,1
		// .un3g   | .ung     | 0,0,3,0
		// h2en.   | hen.     | 0,2,0,0
	}
	l.patterns = b.trie()
	return l, s.Err()
}

type patternposition struct {
	startpos int
	wordpart []rune
	pattern  []byte
}

func (l *Lang) doHyphenate(rword []rune) []patternposition {
	var patterninfo []patternposition
	l.match(rword, func(startpos, end int, pattern []byte) {
		patterninfo = append(patterninfo, patternposition{
			startpos: startpos,
			wordpart: rword[startpos:end],
			pattern:  pattern,
		})
	})
	return patterninfo
}

// match calls found for each pattern whose word part is rword[startpos:end],
// in the order doHyphenate lists them (patch 2: Hyphenate applies them as
// they are found, without a list).
func (l *Lang) match(rword []rune, found func(startpos, end int, pattern []byte)) {
	maxlen := len(rword)
	// generate all possible substrings for the word: patch 1 walks the
	// trie from each start, one rune a step, and stops where no pattern's
	// word part goes on, finding the same patterns in the same order
	for j := 1; j < maxlen; j++ {
		startpos := j - 1
		// if rword[0] == '.' {
		// 	startpos = startpos + 1
		// }
		node := l.patterns.child(0, rword[startpos])
		for i := j + 1; node > 0 && i <= maxlen; i++ {
			node = l.patterns.child(node, rword[i-1])
			if node < 0 {
				break
			}

			// if there is a pattern for this substring
			if pattern := l.patterns.pattern(node); pattern != nil {
				found(startpos, i, pattern)
			}
		}
	}
}

// DebugHyphenate returns a multi-line string with information about the patterns used and the priorities.
func (l *Lang) DebugHyphenate(word string) string {
	var rword []rune
	for _, letter := range "." + word + "." {
		rword = append(rword, unicode.ToLower(letter))
	}
	breakpoints := l.doHyphenate(rword)
	maxPrio := make([]byte, len(rword)-1)
	var b strings.Builder
	b.WriteString("   ")
	for _, v := range rword {
		b.WriteRune(v)
		b.WriteString("   ")
	}
	b.WriteByte(10)

	for _, bp := range breakpoints {
		startpos := bp.startpos
		sub := 1

		if bp.wordpart[0] == '.' {
			sub = 0
		}
		for i := 0; i < len(bp.pattern); i++ {
			if bp.pattern[i] > maxPrio[startpos-sub+i] {
				maxPrio[startpos-sub+i] = bp.pattern[i]
			}
		}

		b.WriteString("    ")
		for i := 0; i < bp.startpos-sub; i++ {
			b.WriteString(" |  ")
		}
		for i := 0; i < len(bp.pattern); i++ {
			b.WriteRune(' ')
			b.WriteRune('0' + rune(bp.pattern[i]))
			b.WriteRune(' ')
			b.WriteRune(' ')
		}
		for i := bp.startpos + len(bp.pattern) - sub; i < len(rword)-1; i++ {
			b.WriteString(" |  ")
		}
		b.WriteString("  ")
		var pat []byte
		if bp.wordpart[0] == '.' {
			pat = append(pat, 0)
			pat = append(pat, bp.pattern...)
		} else {
			pat = bp.pattern
		}

		for i := 0; i < len(bp.wordpart); i++ {
			if pi := pat[i]; pi > 0 {
				// the priority
				b.WriteRune(rune(pi) + '0')
			}
			// the word part
			b.WriteRune(bp.wordpart[i])
		}
		lastprio := bp.pattern[len(bp.pattern)-1]
		if lastprio > 0 {
			b.WriteRune(rune(lastprio) + '0')
		}
		b.WriteByte(10)
	}
	b.WriteString("max: ")
	for i := 0; i < len(maxPrio); i++ {
		b.WriteRune('0' + rune(maxPrio[i]))
		b.WriteString("   ")
	}
	b.WriteByte(10)

	b.WriteString("final: ")
	for i := 1; i < len(rword)-1; i++ {
		b.WriteRune(rword[i])
		b.WriteRune(' ')
		if maxPrio[i]%2 == 0 {
			b.WriteRune(' ')
		} else {
			b.WriteRune('-')
		}
		b.WriteRune(' ')

	}

	b.WriteByte(10)
	return b.String()
}

// Hyphenate returns an array of int with resulting break points.
// For example the word “developers” with English (US) hyphenation
// patterns could return [2 5 7 9] which means de-vel-op-er-s
func (l *Lang) Hyphenate(word string) []int {
	// patch 1: the runes of "." + word + "." appended to a slice of their
	// size, without making that string; patch 2: a word of up to 62
	// characters in arrays on the stack
	var runeBuf [64]rune
	var prioBuf [63]byte
	rword := runeBuf[:0]
	if n := utf8.RuneCountInString(word) + 2; n > len(runeBuf) {
		rword = make([]rune, 0, n)
	}
	rword = append(rword, '.')
	for _, letter := range word {
		rword = append(rword, unicode.ToLower(letter))
	}
	rword = append(rword, '.')

	maxPrio := prioBuf[:0]
	if len(rword)-1 > len(prioBuf) {
		maxPrio = make([]byte, len(rword)-1)
	} else {
		maxPrio = prioBuf[:len(rword)-1]
	}

	l.match(rword, func(startpos, end int, pattern []byte) {
		// pattern is a byte slice such as [0 0 1 0]
		// associated with the word part, "dev" for example
		// the pattern in the hyphenation file would be
		// de1v or similar 0d0e1v0
		// when the pattern contains a dot at the beginning, this
		// marks the start of the word. Therefore there is no
		// priority before the .
		if rword[startpos] == '.' {
			startpos++
		}
		for i := 0; i < len(pattern); i++ {
			if pattern[i] > maxPrio[startpos-1+i] {
				maxPrio[startpos-1+i] = pattern[i]
			}
		}
	})
	// the odd entries in maxPrio are valid break points
	var positions []int
	left := 1
	if l.Leftmin > 0 {
		left += l.Leftmin
	}
	right := len(maxPrio)
	if l.Rightmin > 0 {
		right -= l.Rightmin
	}
	for i := left; i < right; i++ {
		if maxPrio[i]%2 != 0 {
			positions = append(positions, i)
		}
	}
	return positions
}
