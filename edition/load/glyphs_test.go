package load

import (
	"strings"
	"testing"
)

// TestCheckGlyphs reports each character the font lacks at its own line and
// column, in the face it is set in, in the text and in the metadata (not in
// a comment), and nothing for a book the font covers.
func TestCheckGlyphs(t *testing.T) {
	// A font without ☃ in roman and without ★ in italic.
	covers := func(r rune, italic bool) bool {
		return !(r == '☃' && !italic) && !(r == '★' && italic)
	}
	fsys := fixture(t)
	replace(InterviewFile, "Alice: I am glad to talk.", "Alice: I am ☃ glad *★ and ☃* to ★ talk ☃.")(t, fsys)
	replace(MetadataFile, "title: A Test Conversation", "# ☃ in a comment\ntitle: A Test ★ Conversation")(t, fsys)
	b, err := FS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	err = CheckGlyphs(b, fsys, "", covers)
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		"interview.md:3:13: character '☃' (U+2603) is not in the print font (Charis SIL, roman): the PDF cannot set it",
		"interview.md:3:21: character '★' (U+2605) is not in the print font (Charis SIL, italic): the PDF cannot set it",
		"interview.md:3:40: character '☃' (U+2603) is not in the print font (Charis SIL, roman): the PDF cannot set it",
		"metadata.yaml:8:15: character '★' (U+2605) is not in the print font (Charis SIL, italic): the PDF cannot set it",
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	b, err = FS(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckGlyphs(b, fixture(t), "", covers); err != nil {
		t.Errorf("the fixture has no such character, but: %v", err)
	}
}
