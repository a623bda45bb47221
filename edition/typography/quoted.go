package typography

import (
	"strings"
	"unicode/utf8"

	"edition/edition"
)

// mark is a curly quotation mark in a Text of an inline list.
type mark struct {
	node int  // index of the Text in the list
	off  int  // byte offset of the mark in the Text
	r    rune // “ ” ‘ or ’
}

// structure turns matched quotation marks into *edition.Quoted nodes, in
// list and, recursively, in every list nested in it, and drops empty Text
// nodes. It returns the new list.
//
// Double quotes pair like brackets: each ” closes the nearest open “. A
// single ‘ is always an opening quote (the character rules have made every
// leading apostrophe ’), but ’ is also the apostrophe, so a ’ closes the
// nearest open ‘ only when no letter or digit follows it. Single quotes pair
// only with marks at the same depth of double quotation, so pairs nest and
// never cross. Marks that find no partner stay as characters. Each list is
// read once, so the work is linear in the length of the text however deep
// the quotations nest.
func structure(list []edition.Inline) []edition.Inline {
	var marks []mark
	for i, in := range list {
		t, ok := in.(*edition.Text)
		if !ok {
			continue
		}
		// Every quotation mark begins with the byte 0xE2, as only a few
		// other characters do (dashes, the ellipsis): the text is
		// searched for it rather than read rune by rune.
		for off := 0; ; {
			k := strings.IndexByte(t.Text[off:], 0xE2)
			if k < 0 {
				break
			}
			off += k
			r, size := utf8.DecodeRuneInString(t.Text[off:])
			switch r {
			case '“', '”', '‘', '’':
				marks = append(marks, mark{i, off, r})
			}
			off += size
		}
	}
	out := build(list, marks, pairs(list, marks))
	if len(out) == 0 {
		return nil
	}
	return out
}

// pairs returns, for each mark, the index of the mark it pairs with, or -1.
func pairs(list []edition.Inline, marks []mark) []int {
	partner := make([]int, len(marks))
	for k := range partner {
		partner[k] = -1
	}
	var open []int
	for k, m := range marks {
		switch m.r {
		case '“':
			open = append(open, k)
		case '”':
			if len(open) > 0 {
				o := open[len(open)-1]
				open = open[:len(open)-1]
				partner[o], partner[k] = k, o
			}
		}
	}
	// frames[d] holds the open single quotes at depth d of double
	// quotation.
	frames := [][]int{nil}
	for k, m := range marks {
		top := len(frames) - 1
		switch {
		case m.r == '“' && partner[k] > k:
			frames = append(frames, nil)
		case m.r == '”' && partner[k] >= 0:
			frames = frames[:top]
		case m.r == '‘':
			frames[top] = append(frames[top], k)
		case m.r == '’' && len(frames[top]) > 0 && !wordFollows(list, m):
			f := frames[top]
			o := f[len(f)-1]
			frames[top] = f[:len(f)-1]
			partner[o], partner[k] = k, o
		}
	}
	return partner
}

// wordFollows reports whether a letter or digit follows the mark m, which
// makes a ’ an apostrophe.
func wordFollows(list []edition.Inline, m mark) bool {
	t := list[m.node].(*edition.Text)
	rest := t.Text[m.off+utf8.RuneLen(m.r):]
	if rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		return isWordRune(r)
	}
	r, ok := firstRune(list[m.node+1:])
	return ok && isWordRune(r)
}

// firstRune returns the first character content reads as.
func firstRune(content []edition.Inline) (rune, bool) {
	for _, in := range content {
		switch n := in.(type) {
		case *edition.Text:
			if n.Text != "" {
				r, _ := utf8.DecodeRuneInString(n.Text)
				return r, true
			}
		case *edition.Quoted:
			open, _ := n.Marks()
			r, _ := utf8.DecodeRuneInString(open)
			return r, true
		case *edition.NoteRef:
		default:
			if r, ok := firstRune(edition.Children(in)); ok {
				return r, true
			}
		}
	}
	return 0, false
}

// build makes the new list: the Text nodes are cut at the paired marks,
// what lies between a pair becomes a Quoted, and the lists nested in other
// inlines are structured in turn.
func build(list []edition.Inline, marks []mark, partner []int) []edition.Inline {
	type level struct {
		content []edition.Inline
		kind    edition.QuoteKind
	}
	stack := []level{{}}
	emit := func(in edition.Inline) {
		top := &stack[len(stack)-1]
		top.content = append(top.content, in)
	}
	k := 0
	for i, in := range list {
		t, ok := in.(*edition.Text)
		if !ok {
			emit(nested(in))
			continue
		}
		start, cut := 0, false
		for ; k < len(marks) && marks[k].node == i; k++ {
			m := marks[k]
			if partner[k] < 0 {
				continue
			}
			if seg := t.Text[start:m.off]; seg != "" {
				emit(&edition.Text{Text: seg, Pos: t.Pos})
			}
			start, cut = m.off+utf8.RuneLen(m.r), true
			if partner[k] > k {
				kind := edition.DoubleQuote
				if m.r == '‘' {
					kind = edition.SingleQuote
				}
				stack = append(stack, level{kind: kind})
			} else {
				q := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				emit(&edition.Quoted{Kind: q.kind, Content: q.content})
			}
		}
		switch {
		case !cut:
			if t.Text != "" {
				emit(t)
			}
		case start < len(t.Text):
			emit(&edition.Text{Text: t.Text[start:], Pos: t.Pos})
		}
	}
	return stack[0].content
}

// nested structures the content of an inline that holds a list of its own.
// A link that shows its URL is left alone.
func nested(in edition.Inline) edition.Inline {
	switch n := in.(type) {
	case *edition.Emphasis:
		n.Content = structure(n.Content)
	case *edition.Quoted:
		n.Content = structure(n.Content)
	case *edition.Foreign:
		n.Content = structure(n.Content)
	case *edition.Link:
		if !isURLLink(n) {
			n.Content = structure(n.Content)
		}
	}
	return in
}
