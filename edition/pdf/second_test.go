package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"edition/internal/testbook"
)

// TestSecondBook lays out the book with no translator, an editor, a
// speaker without a role, a publisher and an ISBN, no note on the text and
// no notes, on A5, and reads the PDF back: the title page names each
// person with a part above that part, the speaker without a role after
// "with" on a line of his own, the publisher; the imprint has the ISBN; the
// contents list only the parts the book has; the XMP has the publisher and
// the ISBN.
func TestSecondBook(t *testing.T) {
	tool(t, "pdftotext")
	var buf bytes.Buffer
	if err := (Renderer{}).Render(&buf, testbook.SecondBook()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "second.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	page := func(n string) string {
		return run(t, "pdftotext", "-layout", "-f", n, "-l", n, file, "-")
	}
	lines := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	title := lines(page("3"))
	want := []string{"A Conversation at Aldeburgh", "Claire Durand talks to Peter Ng", "Claire Durand", "Interviewee", "Peter Ng", "Interviewer",
		"Ruth Marsh", "Editor, preface and notes", "With Björn Åkesson", "London: Example Press, 2024"}
	if strings.Join(title, "|") != strings.Join(want, "|") {
		t.Errorf("title page lines\n%q\nwant\n%q", title, want)
	}
	imprint := strings.Join(lines(page("4")), " ")
	for _, w := range []string{"Published by Example Press, London, 2 May 2024.", "Second edition.", "Conversations 3.", "ISBN 978-0-306-40615-7."} {
		if !strings.Contains(imprint, w) {
			t.Errorf("imprint lacks %q:\n%s", w, imprint)
		}
	}
	contents := strings.Join(lines(page("5")), "|")
	if !regexp.MustCompile(`^Contents\|Preface +\d+\|The Conversation +\d+\|v$`).MatchString(contents) {
		t.Errorf("contents: %q", contents)
	}
	info := run(t, "pdfinfo", "-meta", file)
	for _, w := range []string{"<dc:publisher><rdf:Bag>", "Example Press", "<prism:isbn>978-0-306-40615-7</prism:isbn>"} {
		if !strings.Contains(info, w) {
			t.Errorf("XMP lacks %s", w)
		}
	}
	if got := run(t, "pdfinfo", file); !regexp.MustCompile(`Page size:\s+419\.5\d* x 595\.2\d* pts`).MatchString(got) {
		t.Errorf("not A5:\n%s", got)
	}
}
