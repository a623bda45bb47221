package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"edition/edition"
)

// checkModel checks the page model's invariants on d and returns problems.
func checkModel(d *Document) []string {
	var bad []string
	for i, e := range d.Elements {
		if e.Parent >= i || e.Parent < -1 {
			bad = append(bad, fmt.Sprintf("element %d (%s) has parent %d: parents come first", i, e.Role, e.Parent))
		}
		if e.Role.IsArtifact() {
			bad = append(bad, fmt.Sprintf("element %d has the artifact role %s", i, e.Role))
		}
	}
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if (it.Rule != nil) != (it.Kind == RuleItem) || (it.Link != nil) != (it.Kind == LinkItem) || (it.Dest != nil) != (it.Kind == DestItem) {
				bad = append(bad, fmt.Sprintf("page %d: a %s item with rule %v, link %v, dest %v", p.Number, it.Kind, it.Rule, it.Link, it.Dest))
			}
			switch {
			case it.Element == Artifact:
				if it.Kind != DestItem && !it.Role.IsArtifact() {
					bad = append(bad, fmt.Sprintf("page %d: %s %s %q is an artifact", p.Number, it.Kind, it.Role, it.Run.Text))
				}
			case it.Element < 0 || it.Element >= len(d.Elements):
				bad = append(bad, fmt.Sprintf("page %d: item element %d out of range", p.Number, it.Element))
			case it.Role != d.Elements[it.Element].Role:
				bad = append(bad, fmt.Sprintf("page %d: %s item of role %s in a %s element", p.Number, it.Kind, it.Role, d.Elements[it.Element].Role))
			}
			// Font expansion: within its limit, and none for letter-spaced
			// runs, URLs and notes' numbers.
			if r := it.Run; it.Kind == RunItem && (math.Abs(r.HScale-100) > 100*ExpansionLimit+1e-9 ||
				r.HScale != 100 && (r.Track != 0 || it.Role == LinkRole || it.Role == NoteLabelRole)) {
				bad = append(bad, fmt.Sprintf("page %d: horizontal scale %v of a %s run %q", p.Number, r.HScale, it.Role, r.Text))
			}
			if it.Kind == RunItem && (it.Role == RunningHeadRole || it.Role == FolioRole) != (it.Element == Artifact) {
				bad = append(bad, fmt.Sprintf("page %d: run %q of role %s, element %d", p.Number, it.Run.Text, it.Role, it.Element))
			}
		}
	}
	return bad
}

// elementsOf returns, by element, the pages its runs are set on.
func elementsOf(d *Document) map[int]map[int]bool {
	on := map[int]map[int]bool{}
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if it.Kind == RunItem && it.Element >= 0 {
				if on[it.Element] == nil {
					on[it.Element] = map[int]bool{}
				}
				on[it.Element][p.Number] = true
			}
		}
	}
	return on
}

// TestModelStructure checks the structure tree of this book and of the
// fixture: every run of the text in an element whose role it carries, the
// furniture out of it, a paragraph split over pages one element, every
// note linked to its marks, speakers inside their paragraphs, and French
// runs tagged as French.
func TestModelStructure(t *testing.T) {
	for _, c := range []struct {
		name, french string
		b            *edition.Book
	}{{"book", "officiel", realBook(t)}, {"fixture", "français,", fixture()}} {
		b := c.b
		t.Run(c.name, func(t *testing.T) {
			d, err := Layout(b, "")
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range checkModel(d) {
				t.Error(s)
			}
			// Paragraph IDs are unique elements.
			paras := map[string]int{}
			for i, e := range d.Elements {
				if e.Role == ParagraphRole {
					if j, ok := paras[e.ID]; ok {
						t.Errorf("paragraph %s is elements %d and %d", e.ID, j, i)
					}
					paras[e.ID] = i
				}
			}
			for _, p := range b.Paragraphs() {
				if _, ok := paras[p.ID]; !ok && len(p.Content) > 0 {
					t.Errorf("paragraph %s has no element", p.ID)
				}
			}
			split := 0
			for _, pages := range elementsOf(d) {
				if len(pages) > 1 {
					split++
				}
			}
			if split == 0 {
				t.Error("no element is set on two pages: a paragraph split over a page break should be one element")
			}
			notes := 0
			for i, e := range d.Elements {
				switch e.Role {
				case NoteRole:
					notes++
					if len(e.Refs) == 0 {
						t.Errorf("note %d has no marks", e.Note)
					}
					for _, r := range e.Refs {
						if d.Elements[r].Role != NoteRefRole || d.Elements[r].Note != e.Note {
							t.Errorf("note %d refers to element %d (%s %d)", e.Note, r, d.Elements[r].Role, d.Elements[r].Note)
						}
					}
				case SpeakerRole, NoteRefRole, DirectionRole:
					if d.Elements[e.Parent].Role != ParagraphRole {
						t.Errorf("element %d (%s) is inside a %s", i, e.Role, d.Elements[e.Parent].Role)
					}
				case NoteLabelRole:
					if d.Elements[e.Parent].Role != NoteRole || d.Elements[e.Parent].Note != e.Note {
						t.Errorf("label of note %d is not inside its note", e.Note)
					}
				}
			}
			if notes != len(b.Notes) {
				t.Errorf("%d note elements, want %d", notes, len(b.Notes))
			}
			var french []string
			for _, p := range d.Pages {
				for _, it := range p.Items {
					if it.Kind == RunItem && it.Lang == "fr" {
						french = append(french, it.Run.Text)
					}
				}
			}
			if !strings.Contains(strings.Join(french, " "), c.french) {
				t.Errorf("French runs %q", french)
			}
		})
	}
}

// TestModelFurniture checks the page furniture of this book: a running
// head and a folio on every body page, a drop folio on openings, nothing
// on blank pages, and a rule over the notes.
func TestModelFurniture(t *testing.T) {
	d, err := Layout(realBook(t), "")
	if err != nil {
		t.Fatal(err)
	}
	rules := 0
	for _, p := range d.Pages {
		count := map[Role]int{}
		for _, it := range p.Items {
			count[it.Role]++
			if it.Role == FolioRole && it.Run.Text != p.Folio {
				t.Errorf("page %d: folio %q, want %q", p.Number, it.Run.Text, p.Folio)
			}
		}
		rules += count[NoteRuleRole]
		switch p.Kind {
		case Body:
			if count[RunningHeadRole] != 1 || count[FolioRole] != 1 {
				t.Errorf("body page %d: %d running heads, %d folios", p.Number, count[RunningHeadRole], count[FolioRole])
			}
		case Opening:
			if count[RunningHeadRole] != 0 || count[FolioRole] != 1 || p.Outline == "" {
				t.Errorf("opening page %d: %d running heads, %d folios, outline %q", p.Number, count[RunningHeadRole], count[FolioRole], p.Outline)
			}
		case Blank:
			if len(p.Items) != 0 {
				t.Errorf("blank page %d carries %d items", p.Number, len(p.Items))
			}
		}
	}
	if rules == 0 {
		t.Error("no footnote rule")
	}
	if d.Pages[0].Kind != FrontMatter || d.Pages[FrontPages].Folio != "1" {
		t.Errorf("page 1 is %s, page %d has folio %s", d.Pages[0].Kind, FrontPages+1, d.Pages[FrontPages].Folio)
	}
}
