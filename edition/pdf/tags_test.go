package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"edition/fonts"
)

// taggedSample draws a two-page tagged document with gofpdf, the way the
// renderer does: a heading, a paragraph with a French word and a link
// carried over to page 2, a note mark and its note, a running head and
// folios as artifacts.
func taggedSample(t *testing.T) []byte {
	t.Helper()
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: 300, Ht: 400}})
	pdf.SetPDFVersion("1.5")
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes("charis", "", fonts.Regular)
	setMetadataFields(pdf, "A Sample", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	tree := newStructTree(2, "en")
	// Elements are added when their first content is drawn, as the
	// renderer does, so that each comes in its parent where it is read.
	elem := map[string]int{}
	kinds := map[string]struct {
		typ, parent, lang, id string
	}{
		"h": {"H1", "", "", ""}, "p": {"P", "", "", ""}, "fr": {"Span", "p", "fr", ""},
		"link": {"Link", "p", "", ""}, "ref": {"Reference", "p", "", ""}, "refLink": {"Link", "ref", "", ""},
		"note": {"Note", "", "", "note-1"}, "lbl": {"Lbl", "note", "", ""}, "noteP": {"P", "note", "", ""},
	}
	var get func(name string) int
	get = func(name string) int {
		if e, ok := elem[name]; ok {
			return e
		}
		k := kinds[name]
		parent := 0
		if k.parent != "" {
			parent = get(k.parent)
		}
		elem[name] = tree.add(k.typ, parent, k.lang, k.id)
		return elem[name]
	}
	run := func(page int, name string, x, y float64, s string) {
		e := get(name)
		markedContent(pdf, tree.elems[e].typ, tree.mark(page, e), "", func() { pdf.Text(x, y, s) })
	}
	artifact := func(props string, x, y float64, s string) {
		markedContent(pdf, "Artifact", 0, props, func() { pdf.Text(x, y, s) })
	}
	noteDest, markDest := pdf.AddLink(), pdf.AddLink()

	pdf.AddPage()
	pdf.SetPageExtra(fmt.Sprintf("/StructParents %d /Tabs /S", tree.pageKey(0)))
	pdf.SetFont("charis", "", 12)
	run(0, "h", 20, 40, "Heading")
	run(0, "p", 20, 80, "Some words, then")
	run(0, "fr", 120, 80, "entretien")
	run(0, "p", 180, 80, "and a")
	run(0, "link", 20, 100, "link that")
	pdf.LinkAnnotation(20, 90, 50, 12, 0, "http://example.org/", "http://example.org/", tree.link(0, get("link")))
	markedContent(pdf, "Artifact", 0, "/Type /Pagination /Subtype /Footer", func() { pdf.Text(140, 380, "1") })

	pdf.AddPage()
	pdf.SetPageExtra(fmt.Sprintf("/StructParents %d /Tabs /S", tree.pageKey(1)))
	pdf.SetFont("charis", "", 12)
	pdf.SetLink(markDest, 30, 2)
	artifact("/Type /Pagination /Subtype /Header", 100, 20, "A Sample")
	run(1, "link", 20, 40, "goes on")
	pdf.LinkAnnotation(20, 30, 50, 12, 0, "http://example.org/", "http://example.org/", tree.link(1, get("link")))
	run(1, "p", 80, 40, "and ends.")
	run(1, "refLink", 140, 36, "1")
	pdf.LinkAnnotation(139, 26, 8, 12, noteDest, "", "Note 1", tree.link(1, get("refLink")))
	markedContent(pdf, "Artifact", 0, "/Type /Layout", func() { pdf.Line(20, 300, 80, 300) })
	pdf.SetLink(noteDest, 310, 2)
	run(1, "lbl", 20, 320, "1")
	pdf.LinkAnnotation(19, 310, 8, 12, markDest, "", "Back to the mark of note 1", tree.link(1, get("lbl")))
	run(1, "noteP", 30, 320, "The note.")

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	update, err := finishPDF(buf.Bytes(), "en", tree, pdf)
	if err != nil {
		t.Fatal(err)
	}
	return append(buf.Bytes(), update...)
}

// setMetadataFields sets the Info dictionary and XMP of a sample document.
func setMetadataFields(pdf *gofpdf.Fpdf, title string, tm time.Time) {
	pdf.SetTitle(title, true)
	pdf.SetProducer("", false)
	pdf.SetCreationDate(tm)
	pdf.SetModificationDate(tm)
	pdf.SetXmpMetadata([]byte(`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + title + `</rdf:li></rdf:Alt></dc:title>
<xmp:CreateDate>` + tm.Format("2006-01-02T15:04:05Z") + `</xmp:CreateDate><xmp:ModifyDate>` + tm.Format("2006-01-02T15:04:05Z") + `</xmp:ModifyDate>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="r"?>`))
}

// writeTemp writes b to a file in a temporary folder and returns its path.
func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStructTreeSample(t *testing.T) {
	path := writeTemp(t, "sample.pdf", taggedSample(t))
	info := run(t, "pdfinfo", path)
	for _, want := range []string{`Tagged:\s+yes`, `PDF version:\s+1\.5`} {
		if !regexp.MustCompile(want).MatchString(info) {
			t.Errorf("pdfinfo lacks %s:\n%s", want, info)
		}
	}
	got := run(t, "pdfinfo", "-struct-text", path)
	want := `Document
  H1 (block)
    "Heading"
  P (block)
    "Some words, then"
    Span (inline)
      "entretien"
    "and a"
    Link (inline)
      "link that"
      Object 5 0
      "goes on"
      Object 6 0
    "and ends."
    Reference (inline)
      Link (inline)
        "1"
        Object 7 0
  Note <note-1> (inline)
    Lbl (block)
      "1"
      Object 8 0
    P (block)
      "The note."
`
	if normStruct(got) != normStruct(want) {
		t.Errorf("pdfinfo -struct-text:\n%s\nwant:\n%s", got, want)
	}
	// pdfinfo does not print /Lang: qpdf shows the element.
	qdf := strings.Join(strings.Fields(run(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")), " ")
	if !regexp.MustCompile(`/Lang \(fr\) /P \d+ 0 R /Pg \d+ 0 R /S /Span`).MatchString(qdf) {
		t.Error("the French span has no /Lang (fr)")
	}
	marks := contentMarks(t, path)
	if len(marks.unmarked) > 0 {
		t.Errorf("drawn outside any marked content: %q", marks.unmarked)
	}
	if marks.artifacts != 3 || marks.tagged != 10 {
		t.Errorf("%d artifacts and %d tagged runs, want 3 and 10", marks.artifacts, marks.tagged)
	}
}

// normStruct drops what pdfinfo -struct-text prints that depends on the
// object numbers and spacing.
func normStruct(s string) string {
	s = regexp.MustCompile(`Object \d+ 0`).ReplaceAllString(s, "Object")
	return strings.Join(strings.Fields(s), " ")
}

// marks is what contentMarks found in the content streams of a file.
type marks struct {
	// unmarked lists what is drawn outside any marked-content sequence.
	unmarked []string
	// artifacts and tagged count the painting operators in artifacts and
	// in sequences with an MCID.
	artifacts, tagged int
	// mcids[page] lists the MCIDs of each page in order.
	mcids map[int][]int
}

// contentMarks reads every page's content stream, as qpdf decodes it, and
// checks that each text-showing and path-painting operator is inside a
// marked-content sequence: an artifact or one with an MCID.
func contentMarks(t *testing.T, path string) marks {
	t.Helper()
	qdf := filepath.Join(t.TempDir(), "q.pdf")
	run(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	m := marks{mcids: map[int][]int{}}
	pages := regexp.MustCompile(`(?s)%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<\n  /Length \d+ 0 R\n>>\nstream\n(.*?)endstream`).FindAllSubmatch(raw, -1)
	if len(pages) == 0 {
		t.Fatal("qpdf --qdf: no page contents found")
	}
	for _, pg := range pages {
		page, _ := strconv.Atoi(string(pg[1]))
		var stack []string // "Artifact", "MCID", or "" for neither
		var operands []string
		for _, tok := range contentTokens(pg[2]) {
			if !isOperator(tok) {
				operands = append(operands, tok)
				continue
			}
			switch tok {
			case "BMC":
				stack = append(stack, map[bool]string{true: "Artifact"}[len(operands) > 0 && operands[0] == "/Artifact"])
			case "BDC":
				kind := ""
				if len(operands) > 0 && operands[0] == "/Artifact" {
					kind = "Artifact"
				}
				if len(operands) > 1 {
					if id := mcidRE.FindStringSubmatch(operands[1]); id != nil {
						kind = "MCID"
						n, _ := strconv.Atoi(id[1])
						m.mcids[page] = append(m.mcids[page], n)
					}
				}
				stack = append(stack, kind)
			case "EMC":
				if len(stack) == 0 {
					t.Errorf("page %d: EMC without BDC", page)
				} else {
					stack = stack[:len(stack)-1]
				}
			case "Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
				switch {
				case len(stack) == 0 || stack[len(stack)-1] == "":
					m.unmarked = append(m.unmarked, fmt.Sprintf("page %d: %s %s", page, strings.Join(operands, " "), tok))
				case stack[len(stack)-1] == "Artifact":
					m.artifacts++
				default:
					m.tagged++
				}
			}
			operands = operands[:0]
		}
		if len(stack) != 0 {
			t.Errorf("page %d: %d marked-content sequences not closed", page, len(stack))
		}
	}
	return m
}

var mcidRE = regexp.MustCompile(`/MCID (\d+)`)

// isOperator reports whether a content-stream token is an operator.
func isOperator(tok string) bool {
	c := tok[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c == '"'
}

// contentTokens splits a content stream into tokens: numbers, names,
// strings (literal or hex, kept whole), arrays and dictionaries (kept
// whole, as one operand) and operators.
func contentTokens(b []byte) []string {
	var toks []string
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case c == '(':
			j, depth := i, 0
			for ; j < len(b); j++ {
				if b[j] == '\\' {
					j++
					continue
				}
				if b[j] == '(' {
					depth++
				} else if b[j] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			toks = append(toks, string(b[i:min(j+1, len(b))]))
			i = j + 1
		case c == '[' || c == '<' && i+1 < len(b) && b[i+1] == '<':
			// An array or a dictionary, with what it holds, is one operand.
			open, close := "[", "]"
			if c == '<' {
				open, close = "<<", ">>"
			}
			j, depth := i, 0
			for j < len(b) {
				switch {
				case b[j] == '(':
					for k := 0; j < len(b); j++ {
						if b[j] == '\\' {
							j++
							continue
						}
						if b[j] == '(' {
							k++
						} else if b[j] == ')' {
							if k--; k == 0 {
								break
							}
						}
					}
					j++
				case bytes.HasPrefix(b[j:], []byte(open)):
					depth++
					j += len(open)
				case bytes.HasPrefix(b[j:], []byte(close)):
					depth--
					j += len(close)
				default:
					j++
				}
				if depth == 0 {
					break
				}
			}
			toks = append(toks, string(b[i:j]))
			i = j
		case c == '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				j = len(b) - i - 1
			}
			toks = append(toks, string(b[i:i+j+1]))
			i += j + 1
		default:
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \n\r\t\f\x00()<>[]/%", rune(b[j])) {
				j++
			}
			toks = append(toks, string(b[i:j]))
			i = j
		}
	}
	return toks
}
