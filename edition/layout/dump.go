package layout

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Dump writes d as readable text, for golden tests and for looking at what
// the engine decided: a line for the document, one per element of the
// structure tree, then for each page a line and one line per item, with
// lengths in points to the hundredth. keep selects the pages written; nil
// writes them all. The elements are always written in full.
//
// An element's line gives its index, role, parent, ID, note and marks
// (refs), and language; a page's its number, folio, kind, outline entry and
// first location in the model; an item's its kind, role, element (e7, or -
// for an artifact) and what it is: a run's face, size, position, advance,
// tracking, horizontal scale and text (quoted as Go does), a rule's ends
// and width, a link's rectangle and target, a destination's height and
// name.
func (d *Document) Dump(w io.Writer, keep func(*Page) bool) error {
	bw := bufio.NewWriter(w)
	g := d.Geometry
	fmt.Fprintf(bw, "document trim=%s size=%sx%s lang=%s pages=%d elements=%d\n", g.Trim, num(g.W), num(g.H), d.Lang, len(d.Pages), len(d.Elements))
	for i, e := range d.Elements {
		fmt.Fprintf(bw, "e%d %s parent=%s", i, e.Role, elem(e.Parent))
		if e.ID != "" {
			fmt.Fprintf(bw, " id=%s", e.ID)
		}
		if e.Note != 0 {
			fmt.Fprintf(bw, " note=%d", e.Note)
		}
		if len(e.Refs) > 0 {
			refs := make([]string, len(e.Refs))
			for k, r := range e.Refs {
				refs[k] = elem(r)
			}
			fmt.Fprintf(bw, " refs=%s", strings.Join(refs, ","))
		}
		if e.Lang != "" {
			fmt.Fprintf(bw, " lang=%s", e.Lang)
		}
		bw.WriteByte('\n')
	}
	for i := range d.Pages {
		p := &d.Pages[i]
		if keep != nil && !keep(p) {
			continue
		}
		fmt.Fprintf(bw, "page %d folio=%s %s", p.Number, p.Folio, p.Kind)
		if p.Outline != "" {
			fmt.Fprintf(bw, " outline=%q", p.Outline)
		}
		if p.Start != nil {
			fmt.Fprintf(bw, " start=%s:%d", p.Start.Paragraph, p.Start.Rune)
		}
		bw.WriteByte('\n')
		for _, it := range p.Items {
			fmt.Fprintf(bw, "  %s %s %s", it.Kind, it.Role, elem(it.Element))
			switch it.Kind {
			case RunItem:
				r := &it.Run
				fmt.Fprintf(bw, " %s %s x=%s y=%s w=%s", r.Face, num(r.Size), num(r.X), num(r.Y), num(r.W))
				if r.Track != 0 {
					fmt.Fprintf(bw, " track=%s", num(r.Track))
				}
				if r.HScale != 100 {
					fmt.Fprintf(bw, " hscale=%s", num(r.HScale))
				}
				if len(r.Glyphs) > 0 {
					fmt.Fprintf(bw, " glyphs=%d", len(r.Glyphs))
				}
				fmt.Fprintf(bw, " %q", r.Text)
			case RuleItem:
				r := it.Rule
				fmt.Fprintf(bw, " %s,%s-%s,%s width=%s", num(r.X1), num(r.Y1), num(r.X2), num(r.Y2), num(r.Width))
			case LinkItem:
				l := it.Link
				fmt.Fprintf(bw, " x=%s y=%s w=%s h=%s", num(l.X), num(l.Y), num(l.W), num(l.H))
				if l.Dest != "" {
					fmt.Fprintf(bw, " -> #%s", l.Dest)
				} else {
					fmt.Fprintf(bw, " -> %s", l.URL)
				}
			case DestItem:
				fmt.Fprintf(bw, " y=%s %s", num(it.Dest.Y), it.Dest.Name)
			}
			if it.Lang != "" {
				fmt.Fprintf(bw, " lang=%s", it.Lang)
			}
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// num formats a length to the hundredth, without trailing zeros.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// elem names an element index in a dump: e7, or - for none.
func elem(i int) string {
	if i < 0 {
		return "-"
	}
	return "e" + strconv.Itoa(i)
}
