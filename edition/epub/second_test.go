package epub

import (
	"strings"
	"testing"

	"edition/internal/testbook"
)

// TestSecondBook renders the book with no translator, an editor, a speaker
// without a role, a publisher and an ISBN, and no note on the text and no
// notes: no empty credit, the speaker after "with", the publishing facts on
// the title page and the imprint, and no document, contents entry or
// landmark for the parts it does not have.
func TestSecondBook(t *testing.T) {
	files := unzip(t, render(t, &Renderer{}, testbook.SecondBook())).files
	for name := range files {
		if strings.Contains(name, "colophon") || strings.Contains(name, "notes") {
			t.Errorf("a document for a part the book does not have: %s", name)
		}
	}
	parse(t, "titlepage", files["EPUB/xhtml/titlepage.xhtml"])
	title := string(files["EPUB/xhtml/titlepage.xhtml"])
	for _, want := range []string{
		`<p class="credit">Editor, preface and notes: Ruth Marsh</p>`,
		`<p class="credit">With Björn Åkesson</p>`,
		`<p class="edition">Second edition</p>`,
		`<p class="series">Conversations 3</p>`,
		`<p class="publisher">London: Example Press, 2024</p>`,
	} {
		if !strings.Contains(title, want) {
			t.Errorf("title page lacks %s:\n%s", want, title)
		}
	}
	if strings.Contains(title, `class="credit">:`) || strings.Contains(title, "Translated") {
		t.Errorf("title page has an empty role or a translation credit:\n%s", title)
	}
	imprint := string(files["EPUB/xhtml/imprint.xhtml"])
	for _, want := range []string{"Published by Example Press, London, 2 May 2024.", `ISBN <span class="identifier">978-0-306-40615-7</span>`, "urn:uuid:3f0c2a9e"} {
		if !strings.Contains(imprint, want) {
			t.Errorf("imprint lacks %s", want)
		}
	}
	nav := string(files["EPUB/nav.xhtml"])
	for _, bad := range []string{"Notes", "endnotes", "colophon", "Note on the Text"} {
		if strings.Contains(nav, bad) {
			t.Errorf("nav names %q, which the book does not have", bad)
		}
	}
	for _, want := range []string{"preface.xhtml", "interview.xhtml", `epub:type="preface"`, `epub:type="bodymatter"`} {
		if !strings.Contains(nav, want) {
			t.Errorf("nav lacks %s", want)
		}
	}
	opf := string(files["EPUB/package.opf"])
	for _, want := range []string{
		`<dc:publisher>Example Press</dc:publisher>`,
		`<dc:identifier id="isbn">urn:isbn:9780306406157</dc:identifier>`,
		`<meta property="belongs-to-collection" id="series">Conversations</meta>`,
		`<meta refines="#series" property="group-position">3</meta>`,
		`<dc:date>2024-05-02</dc:date>`,
		`xml:lang="en-GB"`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package lacks %s", want)
		}
	}
	if strings.Contains(opf, "colophon") || strings.Contains(opf, "notes.xhtml") {
		t.Error("package lists a document the book does not have")
	}
}
