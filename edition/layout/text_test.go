package layout

import (
	"strings"
	"testing"

	"edition/edition"
)

// TestRunsSpellTheText checks what the page model says of the text between
// runs, which a tagged PDF carries: for every paragraph of the model, its
// runs in order, each followed by a space where Space says so and without
// the hyphens added at line breaks (Hyphen), spell the paragraph's plain
// text exactly (notes' paragraphs too); a hyphen added at a break ends a
// line; the labels (speaker, direction), note marks and note numbers are
// left out.
func TestRunsSpellTheText(t *testing.T) {
	for name, b := range map[string]*edition.Book{"book": realBook(t), "fixture": fixture()} {
		t.Run(name, func(t *testing.T) {
			d, err := Layout(b, "")
			if err != nil {
				t.Fatal(err)
			}
			// The text of each paragraph element, by the paragraph's ID.
			text := map[string]*strings.Builder{}
			hyphens := 0
			for _, p := range d.Pages {
				for i, it := range p.Items {
					if it.Kind != RunItem || it.Element == Artifact {
						continue
					}
					if it.Run.Hyphen {
						hyphens++
						if it.Run.Text != "-" || it.Run.Space {
							t.Errorf("page %d: an added hyphen %q (space %v)", p.Number, it.Run.Text, it.Run.Space)
						}
						// Nothing of the text follows it on its line.
						for _, next := range p.Items[i+1:] {
							if next.Kind == RunItem && next.Element == it.Element && next.Run.Y == it.Run.Y {
								t.Errorf("page %d: %q after an added hyphen on its line", p.Number, next.Run.Text)
							}
						}
						continue
					}
					e := d.Elements[it.Element]
					mark := it.Role == NoteRefRole
					if it.Role != ParagraphRole && it.Role != LinkRole && !mark {
						continue // labels, note numbers, titles
					}
					if e.Role == LinkRole || mark {
						e = d.Elements[e.Parent]
					}
					if e.Role != ParagraphRole {
						continue
					}
					if text[e.ID] == nil {
						text[e.ID] = &strings.Builder{}
					}
					if !mark { // a mark takes no characters, but its space is the text's
						text[e.ID].WriteString(it.Run.Text)
					}
					if it.Run.Space {
						text[e.ID].WriteString(" ")
					}
				}
			}
			if hyphens == 0 {
				t.Error("no hyphen added at a line break")
			}
			for _, p := range b.Paragraphs() {
				got := text[p.ID]
				if got == nil {
					t.Errorf("paragraph %s: no runs", p.ID)
					continue
				}
				// No-break spaces are set as spaces that do not break: the
				// runs say "space" for them.
				want := strings.Join(strings.Fields(edition.PlainText(p.Content)), " ")
				g := strings.Join(strings.Fields(got.String()), " ")
				if g != want {
					t.Errorf("paragraph %s:\n got %q\nwant %q", p.ID, g, want)
				}
			}
		})
	}
}
