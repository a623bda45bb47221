package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"edition/edition"
	"edition/edition/cite"
	"edition/edition/layout"
	"edition/internal/realbook"
	"edition/internal/testbook"
)

// structNode is an element of the structure tree as pdfinfo -struct-text
// prints it: its type, its ID, and its kids in order, each a node or a
// string of text.
type structNode struct {
	typ, id string
	kids    []any // *structNode or string
	objs    int   // the objects (link annotations) among its kids
}

// parseStructText reads the output of pdfinfo -struct-text into a tree.
func parseStructText(t *testing.T, out string) *structNode {
	t.Helper()
	root := &structNode{typ: "root"}
	stack := []*structNode{root}
	depths := []int{-1}
	elemRE := regexp.MustCompile(`^(\w+)(?: <([^>]*)>)?(?: \((?:block|inline)\))?$`)
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		body := strings.TrimLeft(line, " ")
		depth := len(line) - len(body)
		for depth <= depths[len(depths)-1] {
			stack, depths = stack[:len(stack)-1], depths[:len(depths)-1]
		}
		top := stack[len(stack)-1]
		switch {
		case strings.HasPrefix(body, `"`):
			s, err := strconv.Unquote(body)
			if err != nil {
				s = strings.Trim(body, `"`)
			}
			top.kids = append(top.kids, s)
		case strings.HasPrefix(body, "/"):
			// An attribute of the element above.
		case strings.HasPrefix(body, "Object "):
			top.objs++
		default:
			m := elemRE.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("pdfinfo -struct-text: cannot read %q", line)
			}
			n := &structNode{typ: m[1], id: m[2]}
			top.kids = append(top.kids, n)
			stack, depths = append(stack, n), append(depths, depth)
		}
	}
	if len(root.kids) != 1 {
		t.Fatalf("pdfinfo -struct-text: %d roots", len(root.kids))
	}
	return root.kids[0].(*structNode)
}

// text returns the text of n, leaving out the elements of the types skip.
func (n *structNode) text(skip ...string) string {
	var b strings.Builder
	var walk func(n *structNode)
	walk = func(n *structNode) {
		for _, k := range n.kids {
			switch k := k.(type) {
			case string:
				b.WriteString(k)
			case *structNode:
				if !contains(skip, k.typ) {
					walk(k)
				} else if strings.HasSuffix(k.text(), " ") {
					// The word space after a note mark is the mark's.
					b.WriteString(" ")
				}
			}
		}
	}
	walk(n)
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// find returns the nodes of type typ under n, in order.
func (n *structNode) find(typ string) []*structNode {
	var out []*structNode
	for _, k := range n.kids {
		if k, ok := k.(*structNode); ok {
			if k.typ == typ {
				out = append(out, k)
			}
			out = append(out, k.find(typ)...)
		}
	}
	return out
}

// norm folds runs of white space into one space and trims.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// tagBooks are the books the tagging tests read: the real one and a
// fixture unlike it (a stage direction, notes cited from two turns, a note
// over two pages, a French source title with a URL).
func tagBooks(t *testing.T) map[string]*edition.Book {
	t.Helper()
	fixture := testbook.Book([][]int{{3}, {2, 4}, {5}, {1}, {9, 2}, {6}}, []int{2, 14}, map[string]int{"interview-2": 1, "interview-4": 2})
	// A French passage in a turn, and one in a note.
	p := &fixture.Interviews[0].Turns[2].Paragraphs[0]
	p.Content = append(p.Content, testbook.Text(" As they say, "),
		&edition.Foreign{Lang: "fr", Content: []edition.Inline{testbook.Text("la lutte des classes continue")}}, testbook.Text("."))
	n := &fixture.Notes[1].Paragraphs[0]
	n.Content = append(n.Content, testbook.Text(" See "),
		&edition.Foreign{Lang: "fr", Content: []edition.Inline{&edition.Emphasis{Content: []edition.Inline{testbook.Text("Voyage à Moscou")}}}}, testbook.Text("."))
	return map[string]*edition.Book{"real": realBook(t), "fixture": fixture, "collection": realbook.Collection(t)}
}

func renderTo(t *testing.T, b *edition.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (Renderer{}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTaggedBook reads the tagged PDF back with poppler and qpdf: pdfinfo
// says it is tagged; the structure tree holds the book's text in reading
// order (each section's title an H1, each paragraph a P with the same text
// as the model's, each speaker's name a Lbl at the head of the turn's
// first paragraph, each stage direction a Span, after the label or within
// the text, each block quotation a BlockQuote holding a P for each of its
// paragraphs, each note a Note with its ID and its number as a Lbl
// holding a Link back, each mark a Reference holding a Link to the note);
// every link annotation is in a Link element; French runs are in Spans with
// /Lang (fr); and every text run and path drawn is in a structure element
// or an artifact.
func TestTaggedBook(t *testing.T) {
	for name, b := range tagBooks(t) {
		t.Run(name, func(t *testing.T) {
			path := writeTemp(t, name+".pdf", renderTo(t, b))
			info := run(t, "pdfinfo", path)
			for _, want := range []string{`Tagged:\s+yes`, `PDF version:\s+1\.5`} {
				if !regexp.MustCompile(want).MatchString(info) {
					t.Errorf("pdfinfo lacks %s", want)
				}
			}
			doc := parseStructText(t, run(t, "pdfinfo", "-struct-text", path))
			if doc.typ != "Document" {
				t.Fatalf("root %s, want Document", doc.typ)
			}
			checkBody(t, b, doc)
			checkNotes(t, b, doc)
			checkLinks(t, path, doc)
			checkForeign(t, b, path, doc)
			marks := contentMarks(t, path)
			if len(marks.unmarked) > 0 {
				t.Errorf("%d runs or paths outside structure and artifacts, first %q", len(marks.unmarked), marks.unmarked[0])
			}
			if marks.tagged == 0 || marks.artifacts == 0 {
				t.Errorf("%d tagged and %d artifact runs", marks.tagged, marks.artifacts)
			}
			// The running heads and folios are artifacts: no element's
			// text is a folio alone.
			for _, p := range doc.find("P") {
				if regexp.MustCompile(`^[0-9ivxlc]+$`).MatchString(norm(p.text())) {
					t.Errorf("a P holds only %q: a folio in the structure?", p.text())
				}
			}
		})
	}
}

// checkBody compares the top-level H1 and P elements from the first
// section's title on with the sections of the model, in order.
func checkBody(t *testing.T, b *edition.Book, doc *structNode) {
	t.Helper()
	// A block: its type, its text, the speaker's label of a turn's first
	// paragraph, the directions it holds as Spans (a turn's after the
	// label, then those within its text), and, for a BlockQuote, the text
	// of each of its paragraphs, each a P.
	type block struct {
		typ, text, speaker string
		directions         []string
		paras              []string
	}
	var want []block
	section := func(s edition.Section) {
		if s.Absent() {
			return
		}
		want = append(want, block{typ: "H1", text: edition.PlainText(s.Title)})
		for _, p := range s.Paragraphs {
			want = append(want, block{typ: "P", text: edition.PlainText(p.Content)})
		}
		if s.Signature != nil {
			want = append(want, block{typ: "P", text: edition.PlainText(s.Signature.Content)})
		}
	}
	section(b.Preface)
	for _, iv := range b.Interviews {
		want = append(want, block{typ: "H1", text: edition.PlainText(iv.Title)})
		if b.Collection() {
			// The participants, and the place and date, under the title.
			for _, line := range cite.ChapterLines(b, &iv) {
				want = append(want, block{typ: "P", text: line})
			}
		}
		for _, turn := range iv.Turns {
			for i, p := range turn.Paragraphs {
				bl := block{typ: "P", text: edition.PlainText(p.Content)}
				if i == 0 {
					person, _ := b.Meta.Person(turn.Speaker)
					bl.speaker = person.Speaker
					if turn.Direction != "" {
						bl.directions = append(bl.directions, "("+turn.Direction+")")
					}
				}
				bl.directions = append(bl.directions, directionsOf(p.Content)...)
				if p.Quotation {
					// Consecutive quoted paragraphs are one BlockQuote
					// holding a P for each; their directions are the Ps'.
					if i > 0 && turn.Paragraphs[i-1].Quotation {
						q := &want[len(want)-1]
						q.text += bl.text
						q.paras = append(q.paras, bl.text)
						q.directions = append(q.directions, bl.directions...)
						continue
					}
					bl.typ, bl.paras = "BlockQuote", []string{bl.text}
				}
				want = append(want, bl)
			}
		}
	}
	section(b.Colophon)

	var got []block
	started := false
	for _, k := range doc.kids {
		n, ok := k.(*structNode)
		if !ok || n.typ == "Note" {
			continue
		}
		if n.typ == "H1" && norm(n.text()) == norm(want[0].text) {
			started = true
		}
		if !started {
			continue
		}
		bl := block{typ: n.typ}
		// A stage direction is a Span, a French passage a Span with a
		// /Lang: keep the French, leave out the direction after the
		// label (a direction within the text is part of it).
		bl.text = textWithout(n, "Lbl", "Reference")
		if lbls := n.find("Lbl"); len(lbls) > 0 {
			bl.speaker = lbls[0].text()
			bl.text = textWithoutDirection(n)
		}
		for _, sp := range n.find("Span") {
			if d := norm(sp.text()); strings.HasPrefix(d, "(") {
				bl.directions = append(bl.directions, d)
			}
		}
		if n.typ == "BlockQuote" {
			for _, k := range n.kids {
				switch k := k.(type) {
				case *structNode:
					bl.paras = append(bl.paras, k.typ+" "+norm(textWithout(k, "Reference")))
				case string:
					if strings.TrimSpace(k) != "" {
						bl.paras = append(bl.paras, "text "+k)
					}
				}
			}
		}
		got = append(got, bl)
	}
	if len(got) != len(want) {
		t.Errorf("%d headings and paragraphs from the first section on, want %d", len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		g, w := got[i], want[i]
		if g.typ != w.typ || norm(g.text) != norm(w.text) {
			t.Errorf("block %d: %s %q\nwant %s %q", i, g.typ, norm(g.text), w.typ, norm(w.text))
			break
		}
		// The speaker's name, as printed (in capitals today), then a
		// colon, after a stage direction if any.
		if w.speaker != "" && !strings.HasPrefix(strings.ToUpper(norm(g.speaker)), strings.ToUpper(w.speaker)) {
			t.Errorf("block %d: speaker label %q, want %q", i, g.speaker, w.speaker)
		}
		if w.speaker == "" && g.speaker != "" {
			t.Errorf("block %d: a label %q where the model has none", i, g.speaker)
		}
		if strings.Join(g.directions, "|") != norm(strings.Join(w.directions, "|")) {
			t.Errorf("block %d: direction Spans %q, want %q", i, g.directions, w.directions)
		}
		if w.typ == "BlockQuote" {
			var paras []string
			for _, p := range w.paras {
				paras = append(paras, "P "+norm(p))
			}
			if strings.Join(g.paras, "\n") != strings.Join(paras, "\n") {
				t.Errorf("block %d: the quotation holds %q, want %q", i, g.paras, paras)
			}
		}
	}
}

// directionsOf lists the directions within content as they are printed,
// in their parentheses.
func directionsOf(content []edition.Inline) []string {
	var out []string
	edition.Walk(content, func(in edition.Inline) bool {
		if d, ok := in.(*edition.Direction); ok {
			open, close := d.Marks()
			out = append(out, open+edition.PlainText(d.Content)+close)
			return false
		}
		return true
	})
	return out
}

// textWithout is the text of n without the elements of the types skip.
func textWithout(n *structNode, skip ...string) string { return n.text(skip...) }

// textWithoutDirection is the text of a turn's first paragraph without its
// label: the speaker's Lbl, the stage direction (the Span that follows it)
// and the colon.
func textWithoutDirection(n *structNode) string {
	var b strings.Builder
	afterLbl := false
	for _, k := range n.kids {
		switch k := k.(type) {
		case string:
			if afterLbl {
				k = strings.TrimLeft(k, " :")
				afterLbl = strings.TrimSpace(k) == ""
			}
			b.WriteString(k)
		case *structNode:
			switch {
			case k.typ == "Lbl":
				afterLbl = true
			case k.typ == "Span" && afterLbl:
				// the stage direction
			case k.typ == "Reference":
				if strings.HasSuffix(k.text(), " ") {
					b.WriteString(" ")
				}
			default:
				afterLbl = false
				b.WriteString(k.text("Reference"))
			}
		}
	}
	return b.String()
}

// checkNotes finds each note of the model as a Note element with its ID,
// its number as a Lbl holding a Link, and its paragraphs; and each mark as
// a Reference holding a Link with the note's number.
func checkNotes(t *testing.T, b *edition.Book, doc *structNode) {
	t.Helper()
	notes := doc.find("Note")
	if len(notes) != len(b.Notes) {
		t.Fatalf("%d Note elements, want %d", len(notes), len(b.Notes))
	}
	for i, n := range b.Notes {
		if notes[i].id != layout.NoteDest(n.Number) {
			t.Errorf("note %d: ID %q", n.Number, notes[i].id)
		}
		checkNote(t, n, notes[i])
	}
	refs := doc.find("Reference")
	cites := 0
	for _, p := range allParagraphs(b) {
		edition.Walk(p.Content, func(in edition.Inline) bool {
			if _, ok := in.(*edition.NoteRef); ok {
				cites++
			}
			return true
		})
	}
	if len(refs) != cites {
		t.Errorf("%d Reference elements, want %d note marks", len(refs), cites)
	}
	for _, r := range refs {
		links := r.find("Link")
		if len(links) != 1 || links[0].objs != 1 || !regexp.MustCompile(`^\d+$`).MatchString(norm(links[0].text())) {
			t.Errorf("a Reference is not one Link with a number and its annotation: %q", r.text())
		}
	}
}

// checkNote checks a Note element against the model's note n: its number
// as a Lbl holding a Link with its annotation, then its paragraphs.
func checkNote(t *testing.T, n edition.Note, el *structNode) {
	t.Helper()
	lbls := el.find("Lbl")
	if len(lbls) != 1 || norm(lbls[0].text()) != strconv.Itoa(n.Number) || len(lbls[0].find("Link")) != 1 || lbls[0].find("Link")[0].objs != 1 {
		t.Errorf("note %d (%s): its number is not one Lbl holding a Link with its annotation", n.Number, el.id)
	}
	var paras []string
	for _, p := range el.find("P") {
		paras = append(paras, norm(p.text()))
	}
	var want []string
	for _, p := range n.Paragraphs {
		want = append(want, norm(edition.PlainText(p.Content)))
	}
	if strings.Join(paras, "\n") != strings.Join(want, "\n") {
		t.Errorf("note %d (%s): paragraphs\n%q\nwant\n%q", n.Number, el.id, paras, want)
	}
}

// allParagraphs lists the paragraphs of the sections and turns of b.
func allParagraphs(b *edition.Book) []edition.Paragraph {
	var ps []edition.Paragraph
	ps = append(ps, b.Preface.Paragraphs...)
	for _, iv := range b.Interviews {
		for _, turn := range iv.Turns {
			ps = append(ps, turn.Paragraphs...)
		}
	}
	return append(ps, b.Colophon.Paragraphs...)
}

// checkLinks checks that every link annotation of the file is in a Link
// element, with /StructParent and /Contents, and that French runs are in
// Spans with /Lang (fr).
func checkLinks(t *testing.T, path string, doc *structNode) {
	t.Helper()
	qdf := strings.Join(strings.Fields(run(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")), " ")
	annots := regexp.MustCompile(`<< (?:/A << /S /URI /URI \([^)]*\) >> )?/Border \[ 0 0 0 \] .*? /Subtype /Link /Type /Annot >>`).FindAllString(qdf, -1)
	if n := strings.Count(qdf, "/Subtype /Link"); n != len(annots) {
		t.Fatalf("%d link annotations, %d read", n, len(annots))
	}
	inLinks := 0
	for _, l := range doc.find("Link") {
		inLinks += l.objs
	}
	if len(annots) == 0 || inLinks != len(annots) {
		t.Errorf("%d link annotations, %d in Link elements", len(annots), inLinks)
	}
	for _, a := range annots {
		for _, key := range []string{" /StructParent ", " /Contents ", " /F 4 "} {
			if !strings.Contains(a, key) {
				t.Errorf("link annotation without %s: %s", key, a)
			}
		}
	}
	for _, s := range []string{"/MarkInfo << /Marked true >>", "/DisplayDocTitle true", "/Tabs /S", "/StructParents 0", "/ParentTree ", "/Type /StructTreeRoot"} {
		if !strings.Contains(qdf, s) {
			t.Errorf("no %s", s)
		}
	}
}

// checkForeign finds each passage of the body and notes in another
// language as a Span with its text, and as many Spans with /Lang (fr) as
// there are French passages, front matter included.
func checkForeign(t *testing.T, b *edition.Book, path string, doc *structNode) {
	t.Helper()
	spans := map[string]bool{}
	for _, s := range doc.find("Span") {
		spans[norm(s.text())] = true
	}
	var passages []string
	ps := allParagraphs(b)
	for _, n := range b.Notes {
		ps = append(ps, n.Paragraphs...)
	}
	for _, p := range ps {
		edition.Walk(p.Content, func(in edition.Inline) bool {
			if f, ok := in.(*edition.Foreign); ok && f.Lang == "fr" {
				passages = append(passages, norm(edition.PlainText(f.Content)))
				return false
			}
			return true
		})
	}
	for _, p := range passages {
		if !spans[p] {
			t.Errorf("the French passage %q is not a Span of its own", p)
		}
	}
	sources := 0
	for _, s := range b.Meta.Sources {
		if s.Lang == "fr" {
			sources++ // its title on the imprint
		}
	}
	qdf := strings.Join(strings.Fields(run(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")), " ")
	french := regexp.MustCompile(`/Lang \(fr\) /P \d+ 0 R /Pg \d+ 0 R /S /Span`).FindAllString(qdf, -1)
	if len(french) < len(passages)+sources {
		t.Errorf("%d Spans with /Lang (fr), want at least %d (passages) + %d (sources)", len(french), len(passages), sources)
	}
}
