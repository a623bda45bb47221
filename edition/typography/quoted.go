package typography

import (
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
// nearest open ‘ only when no letter or digit follows it. Single quotes are
// paired outside double quotations here; those inside are paired when the
// quotation's own content is structured. Only outermost pairs become nodes
// at this level. Marks that find no partner stay as characters.
func structure(list []edition.Inline) []edition.Inline {
	var marks []mark
	for i, in := range list {
		if t, ok := in.(*edition.Text); ok {
			for off, r := range t.Text {
				switch r {
				case '“', '”', '‘', '’':
					marks = append(marks, mark{i, off, r})
				}
			}
		}
	}

	out := list[:0:0]
	if len(marks) == 0 {
		for _, in := range list {
			if t, ok := in.(*edition.Text); !ok || t.Text != "" {
				out = append(out, in)
			}
		}
	} else {
		out = build(list, marks, pairs(list, marks))
	}
	if len(out) == 0 {
		out = nil
	}
	for _, in := range out {
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
	}
	return out
}

// pairs returns, for each mark, the index of the mark it pairs with at this
// level, or -1. Only outermost pairs are kept.
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
	open = open[:0]
	for k := 0; k < len(marks); k++ {
		switch marks[k].r {
		case '“':
			if partner[k] > k {
				k = partner[k] // its content is structured on its own
			}
		case '‘':
			open = append(open, k)
		case '’':
			if len(open) > 0 && !wordFollows(list, marks[k]) {
				o := open[len(open)-1]
				open = open[:len(open)-1]
				partner[o], partner[k] = k, o
			}
		}
	}
	// Pairs nest and never cross, so the first opening mark met that has a
	// partner is an outermost pair; forget the pairs inside it.
	for k := 0; k < len(marks); k++ {
		if p := partner[k]; p > k {
			for j := k + 1; j < p; j++ {
				partner[j] = -1
			}
			k = p
		} else {
			partner[k] = -1
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

// build makes the new list: the Text nodes are cut at the paired marks, and
// what lies between a pair becomes a Quoted.
func build(list []edition.Inline, marks []mark, partner []int) []edition.Inline {
	var (
		out, inner []edition.Inline
		quoting    bool
		kind       edition.QuoteKind
	)
	emit := func(in edition.Inline) {
		if quoting {
			inner = append(inner, in)
		} else {
			out = append(out, in)
		}
	}
	k := 0
	for i, in := range list {
		t, ok := in.(*edition.Text)
		if !ok {
			emit(in)
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
				quoting, inner = true, nil
				kind = edition.DoubleQuote
				if m.r == '‘' {
					kind = edition.SingleQuote
				}
			} else {
				quoting = false
				out = append(out, &edition.Quoted{Kind: kind, Content: inner})
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
	return out
}
