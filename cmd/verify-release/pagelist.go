package main

import (
	"fmt"
	"strings"
)

// probeLen is how many letters after a page-break marker must begin the
// PDF page's text (on a section's opening page, the text after its
// heading).
const probeLen = 24

// checkPageList checks one EPUB's print page numbers:
//
//   - the nav's page-list, its page-break markers (epub:type="pagebreak",
//     role="doc-pagebreak") and their aria-labels agree: the set of labels
//     is the same, each entry's href resolves to a marker with its label,
//     and the entries follow the markers' reading order;
//   - every label is the folio of a PDF page, the pages increase, every
//     body page of the PDF that prints its folio and carries text is
//     listed, and no listed page is blank;
//   - the text after each marker is the text the PDF page begins with.
func checkPageList(rel *release, name, file string, f *folios, ferr error) result {
	c := &checker{result: result{name: name}}
	e, err := readEPUB(rel.path(file))
	if err != nil {
		c.fail("%v", err)
		return c.result
	}
	list, nav, err := e.pageList()
	if err != nil {
		c.fail("%v", err)
		return c.result
	}
	marks, err := e.markers()
	if err != nil {
		c.fail("%v", err)
		return c.result
	}
	if len(list) == 0 {
		c.fail("%s: %s: the page-list is empty", file, nav)
	}

	// The page-list against the markers.
	type key struct{ file, id string }
	byID := map[key]int{}
	labelCount := map[string]int{}
	for i, m := range marks {
		where := fmt.Sprintf("%s: %s:%d", file, m.file, m.line)
		if m.elem != "span" {
			c.fail("%s: page-break marker is a <%s>, want a <span>", where, m.elem)
		}
		if m.role != "doc-pagebreak" {
			c.fail("%s: page-break marker %q has role %q, want doc-pagebreak", where, m.label, m.role)
		}
		if m.label == "" {
			c.fail("%s: page-break marker without an aria-label", where)
		}
		if m.id == "" {
			c.fail("%s: page-break marker %q without an id (nothing can link to it)", where, m.label)
		} else if _, dup := byID[key{m.file, m.id}]; dup {
			c.fail("%s: id %q used by two page-break markers", where, m.id)
		} else {
			byID[key{m.file, m.id}] = i
		}
		labelCount[m.label]++
		if labelCount[m.label] == 2 {
			c.fail("%s: aria-label %q on more than one page-break marker", where, m.label)
		}
	}
	listed := map[string]int{}
	for i, l := range list {
		where := fmt.Sprintf("%s: %s: page-list entry %d (%q → %s)", file, nav, i+1, l.label, l.href)
		if _, dup := listed[l.label]; dup {
			c.fail("%s: label listed twice", where)
		}
		listed[l.label] = i
		mi, ok := byID[key{l.file, l.frag}]
		switch {
		case l.frag == "":
			c.fail("%s: the href has no fragment: it points at a document, not a page-break marker", where)
		case !ok:
			c.fail("%s: no page-break marker has that id in %s", where, l.file)
		case marks[mi].label != l.label:
			c.fail("%s: the marker there is labelled %q", where, marks[mi].label)
		case mi != i:
			c.fail("%s: out of reading order: it is marker %d of %d in spine order", where, mi+1, len(marks))
		}
	}
	for _, m := range marks {
		if _, ok := listed[m.label]; !ok && m.label != "" {
			c.fail("%s: %s:%d: page-break marker %q is not in the page-list", file, m.file, m.line, m.label)
		}
	}

	// The page-list against the PDF.
	if ferr != nil {
		c.fail("cannot compare with the PDF: %v", ferr)
		return c.result
	}
	markOf := map[string]marker{}
	for _, m := range marks {
		markOf[m.label] = m
	}
	prev, prevLabel := 0, ""
	inList := map[int]bool{}
	for i, l := range list {
		where := fmt.Sprintf("%s: page-list entry %d (%q)", file, i+1, l.label)
		n, ok := f.byLabel[l.label]
		if !ok {
			c.fail("%s: no page of %s has that folio (its folios run %s)", where, f.file, f.span())
			continue
		}
		p := f.pages[n-1]
		inList[n] = true
		if n <= prev {
			c.fail("%s: PDF page %d comes before or at PDF page %d (folio %q), listed earlier", where, n, prev, prevLabel)
		}
		prev, prevLabel = n, l.label
		if p.body == "" {
			c.fail("%s: PDF page %d (folio %s) carries no text", where, n, p.label)
			continue
		}
		m, ok := markOf[l.label]
		if !ok {
			continue // reported above
		}
		probe := m.after
		if len(probe) > probeLen {
			probe = probe[:probeLen]
		}
		begins := false
		for _, at := range p.starts {
			begins = begins || strings.HasPrefix(p.body[at:], probe)
		}
		if probe == "" {
			c.fail("%s: no text follows the marker in %s:%d, but PDF page %d begins %q", where, m.file, m.line, n, p.firstLine)
		} else if !begins {
			c.fail("%s: the text after the marker (%s:%d) begins %q, but PDF page %d (folio %s) begins %q", where, m.file, m.line, probe, n, p.label, p.firstLine)
		}
	}
	for _, p := range f.pages {
		if p.number >= f.bodyFrom && p.printed != "" && p.body != "" && !inList[p.number] {
			c.fail("%s: PDF page %d prints folio %s (%s) and carries text, but the page-list lacks it", file, p.number, p.printed, p.where)
		}
	}
	c.summary = fmt.Sprintf("%d pages listed (%s), each a marker in the text where the PDF page with that folio begins; every body page of the PDF (%d pages, folios %s) that prints its folio is listed",
		len(list), labelRange(list), len(f.pages), f.span())
	return c.result
}

// span describes the PDF's folios, for messages.
func (f *folios) span() string {
	front, body := []string{}, []string{}
	for _, p := range f.pages {
		if p.label == "" {
			continue
		}
		if p.number < f.bodyFrom {
			front = append(front, p.label)
		} else {
			body = append(body, p.label)
		}
	}
	var parts []string
	if len(front) > 0 {
		parts = append(parts, front[0]+"–"+front[len(front)-1])
	}
	if len(body) > 0 {
		parts = append(parts, body[0]+"–"+body[len(body)-1])
	}
	return strings.Join(parts, ", ")
}

func labelRange(list []pageLink) string {
	if len(list) == 0 {
		return "none"
	}
	return list[0].label + "–" + list[len(list)-1].label
}
