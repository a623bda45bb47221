package hyphenation

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Patch 3 (PATCHES.md): a Lang's patterns written out once, at build time,
// and read back by a program without parsing the pattern file again.

// binaryMagic begins the form MarshalBinary writes; its last byte is the
// form's version.
const binaryMagic = "LIANG\x01"

// binaryHeader is the size of that form's header: the magic, Leftmin and
// Rightmin, and the numbers of nodes, edges and priorities.
const binaryHeader = len(binaryMagic) + 5*4

// MarshalBinary returns l — its patterns' trie, Leftmin and Rightmin — in
// a form UnmarshalBinary reads back: little-endian 32-bit numbers, the
// header, then each node (first edge, number of edges, first priority,
// number of priorities), each edge (rune, node), and the priorities, a byte
// each.
func (l *Lang) MarshalBinary() ([]byte, error) {
	t := &l.patterns
	if len(t.nodes) == 0 {
		return nil, errors.New("hyphenation: no patterns to write (use New)")
	}
	b := make([]byte, 0, binaryHeader+16*len(t.nodes)+8*len(t.edges)+len(t.priorities))
	b = append(b, binaryMagic...)
	for _, v := range []int{l.Leftmin, l.Rightmin, len(t.nodes), len(t.edges), len(t.priorities)} {
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(v)))
	}
	for _, nd := range t.nodes {
		for _, v := range [...]int32{nd.first, nd.n, nd.pat, nd.patLen} {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
	}
	for _, e := range t.edges {
		b = binary.LittleEndian.AppendUint32(b, uint32(e.r))
		b = binary.LittleEndian.AppendUint32(b, uint32(e.node))
	}
	return append(b, t.priorities...), nil
}

// UnmarshalBinary sets l to the Lang MarshalBinary wrote as data. It
// checks the form whole (the sizes, every node's edges and priorities
// within their tables, each node's edges in the order of their runes and
// leading to nodes other than the root), so that data not made by
// MarshalBinary gives an error, never a Lang that could fail later. l
// keeps data's priorities as they are: data must not be changed after.
func (l *Lang) UnmarshalBinary(data []byte) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("hyphenation: patterns' binary form: "+format, args...)
	}
	if len(data) < binaryHeader || string(data[:len(binaryMagic)]) != binaryMagic {
		return bad("not one (no %q header)", binaryMagic)
	}
	word := func(i int) int32 { return int32(binary.LittleEndian.Uint32(data[i:])) }
	at := len(binaryMagic)
	leftmin, rightmin := word(at), word(at+4)
	nodes, edges, prios := word(at+8), word(at+12), word(at+16)
	if nodes < 1 || edges < 0 || prios < 0 {
		return bad("%d nodes, %d edges, %d priorities", nodes, edges, prios)
	}
	if want := int64(binaryHeader) + 16*int64(nodes) + 8*int64(edges) + int64(prios); int64(len(data)) != want {
		return bad("%d bytes, not the %d its header gives", len(data), want)
	}
	t := trie{nodes: make([]trieNode, nodes), edges: make([]trieEdge, edges)}
	at = binaryHeader
	for i := range t.nodes {
		nd := trieNode{first: word(at), n: word(at + 4), pat: word(at + 8), patLen: word(at + 12)}
		at += 16
		if nd.first < 0 || nd.n < 0 || int64(nd.first)+int64(nd.n) > int64(edges) {
			return bad("node %d: edges %d+%d of %d", i, nd.first, nd.n, edges)
		}
		if nd.pat < 0 || nd.patLen < 0 || int64(nd.pat)+int64(nd.patLen) > int64(prios) {
			return bad("node %d: priorities %d+%d of %d", i, nd.pat, nd.patLen, prios)
		}
		t.nodes[i] = nd
	}
	for i := range t.edges {
		e := trieEdge{r: word(at), node: word(at + 4)}
		at += 8
		if e.node < 1 || e.node >= nodes {
			return bad("edge %d leads to node %d of %d", i, e.node, nodes)
		}
		t.edges[i] = e
	}
	for i, nd := range t.nodes {
		kids := t.edges[nd.first : nd.first+nd.n]
		for k := 1; k < len(kids); k++ {
			if kids[k-1].r >= kids[k].r {
				return bad("node %d: edges not in the order of their runes", i)
			}
		}
	}
	t.priorities = data[at:len(data):len(data)]
	t.setASCII()
	l.patterns = t
	l.Leftmin, l.Rightmin = int(leftmin), int(rightmin)
	return nil
}
