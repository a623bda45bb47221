package pdf

import (
	"strings"
	"testing"

	"edition/edition"
	"edition/internal/testbook"
)

// TestLongContentsReadBack renders a collection of 60 interviews, whose
// contents run over several pages, and reads it back with pdftotext: each
// interview's title is in the contents, in order, followed by the folio
// printed at the foot of the page its title opens.
func TestLongContentsReadBack(t *testing.T) {
	b := testbook.Collection(60)
	path := writeTemp(t, "collection-60.pdf", renderTo(t, b))
	// In layout mode each entry's folio comes out on its line.
	pages := strings.Split(run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\f")
	// The folio each interview opens on: its opening page begins with its
	// title and ends with the drop folio.
	folio := map[string]string{}
	for i, p := range pages {
		ls := nonEmptyLines(p)
		if len(ls) == 0 {
			continue
		}
		for _, iv := range b.Interviews {
			title := edition.PlainText(iv.Title)
			if i > 4 && strings.HasPrefix(norm(strings.Join(ls, " ")), title+" ") && strings.HasPrefix(title, ls[0]) {
				folio[iv.ID] = ls[len(ls)-1]
			}
		}
	}
	var contents []string
	for i := 4; i < len(pages); i++ {
		if strings.Contains(pages[i], "What were you working on") {
			break
		}
		contents = append(contents, norm(pages[i]))
	}
	all := strings.Join(contents, " ")
	if len(contents) < 3 {
		t.Errorf("the contents take %d pages, want them to run on over at least 3", len(contents))
	}
	at := 0
	for _, iv := range b.Interviews {
		title := edition.PlainText(iv.Title)
		f, ok := folio[iv.ID]
		if !ok {
			t.Errorf("%s: no page opens with %q", iv.ID, title)
			continue
		}
		i := strings.Index(all[at:], title+" "+f+" ")
		if i < 0 {
			t.Errorf("%s: %q with folio %s is not in the contents after offset %d", iv.ID, title, f, at)
			continue
		}
		at += i + len(title)
	}
}

// nonEmptyLines returns the lines of s that hold more than white space,
// trimmed.
func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
