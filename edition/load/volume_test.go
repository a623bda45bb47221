package load

import (
	"strings"
	"testing"

	"edition/edition"
)

// loadEdited loads the fixture of testdata/book after edits, returning the
// book (nil on error) and every message, errors and warnings, one a line.
func loadEdited(t *testing.T, edits ...edit) (*edition.Book, string) {
	t.Helper()
	fsys := fixture(t)
	for _, e := range edits {
		e(t, fsys)
	}
	b, err := FS(fsys)
	var lines []string
	switch list := err.(type) {
	case nil:
		for _, w := range b.Warnings {
			lines = append(lines, w.Error())
		}
	case edition.ErrorList:
		for _, e := range list {
			lines = append(lines, e.Error())
		}
	default:
		t.Fatalf("error is a %T, want edition.ErrorList", err)
	}
	return b, strings.Join(lines, "\n")
}

// twoInterviews makes the fixture a collection: a second interview, with
// its own title, after the first, and metadata for both.
var twoInterviews = []edit{
	replace(MetadataFile, "interview:\n  date: 1935-06-28\n  place: Moscow\n  reviewed: 1935-06\n",
		"interviews:\n  - date: 1935-06-28\n    place: Moscow\n    reviewed: 1935-06\n  - date: 1936\n    place: Paris\n    participants: [bob, alice, carol]\n"),
	replace(InterviewFile, "Alice (smiling): *Yes*.", "Alice (smiling): *Yes*.\n\n# The Second\n\nBob Martin: Again?\n\nAlice: Again."),
}

// TestCollection loads a book of two interviews: each has its own ID,
// title, event and participants, and its paragraphs are numbered within it.
func TestCollection(t *testing.T) {
	b, msgs := loadEdited(t, twoInterviews...)
	if b == nil {
		t.Fatalf("load failed:\n%s", msgs)
	}
	if !b.Collection() || len(b.Interviews) != 2 {
		t.Fatalf("%d interviews, want 2", len(b.Interviews))
	}
	one, two := &b.Interviews[0], &b.Interviews[1]
	if one.ID != "interview-1" || two.ID != "interview-2" {
		t.Errorf("IDs %q %q, want interview-1 interview-2", one.ID, two.ID)
	}
	if got := edition.PlainText(two.Title); got != "The Second" {
		t.Errorf("second title %q", got)
	}
	if two.Pos.String() != "interview.md:11:1" {
		t.Errorf("second interview at %s, want interview.md:11:1", two.Pos)
	}
	if one.Event.Place != "Moscow" || two.Event.Place != "Paris" || two.Event.Date.Year != 1936 {
		t.Errorf("events %+v / %+v", one.Event, two.Event)
	}
	// The first names no participants: they are its speakers, in the
	// metadata's order. The second names its own, a silent one included.
	if got := strings.Join(one.Event.Participants, " "); got != "alice bob" {
		t.Errorf("first interview's participants %q, want derived \"alice bob\"", got)
	}
	if got := strings.Join(two.Event.Participants, " "); got != "bob alice carol" {
		t.Errorf("second interview's participants %q", got)
	}
	if id := two.Turns[1].Paragraphs[0].ID; id != "interview-2-2" {
		t.Errorf("second interview's second paragraph is %q, want interview-2-2", id)
	}
	if b.Meta.Interview.Place != "Moscow" {
		t.Errorf("Meta.Interview is %+v, want the first interview's", b.Meta.Interview)
	}
	if msgs != "" {
		t.Errorf("unexpected warnings:\n%s", msgs)
	}
}

// TestQuotationsAndDirections loads a turn with a block quotation and stage
// directions within it.
func TestQuotationsAndDirections(t *testing.T) {
	b, msgs := loadEdited(t, replace(InterviewFile, "Alice (smiling): *Yes*.",
		"Alice (smiling): *Yes*. {reads} It says:\n\n> Dear Bob, come at {sic} once.\n>\n> Your Alice.\n\nThat {laughs} is all."))
	if b == nil {
		t.Fatalf("load failed:\n%s", msgs)
	}
	turns := b.Interviews[0].Turns
	last := turns[len(turns)-1]
	if len(last.Paragraphs) != 4 {
		t.Fatalf("last turn has %d paragraphs, want 4", len(last.Paragraphs))
	}
	for i, want := range []bool{false, true, true, false} {
		if last.Paragraphs[i].Quotation != want {
			t.Errorf("paragraph %d: Quotation %v, want %v", i, !want, want)
		}
	}
	var dirs []string
	for _, p := range last.Paragraphs {
		edition.Walk(p.Content, func(in edition.Inline) bool {
			if d, ok := in.(*edition.Direction); ok {
				dirs = append(dirs, edition.PlainText(d.Content)+"@"+d.Pos.String())
			}
			return true
		})
	}
	want := "reads@interview.md:9:25 sic@interview.md:11:21 laughs@interview.md:15:6"
	if got := strings.Join(dirs, " "); got != want {
		t.Errorf("directions %s, want %s", got, want)
	}
	if got := edition.PlainText(last.Paragraphs[3].Content); got != "That (laughs) is all." {
		t.Errorf("plain text %q: a direction's parentheses are part of it", got)
	}
	if msgs != "" {
		t.Errorf("unexpected warnings:\n%s", msgs)
	}
}

// TestVolumeBadInput checks the errors of collections, quotations and
// directions: exact message and position, every one at once.
func TestVolumeBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits []edit
		want  string
	}{
		{"more interviews than described",
			[]edit{replace(InterviewFile, "Alice (smiling): *Yes*.", "Alice (smiling): *Yes*.\n\n# Two\n\nAlice: Hello.")},
			"interview.md:11:1: metadata.yaml describes 1 interview(s) but this is interview 2: give interviews: in metadata.yaml, one entry (date, place, participants) per interview, in this file's order"},
		{"fewer interviews than described",
			[]edit{twoInterviews[0]},
			"metadata.yaml:28:5: 2 interview(s) described but interview.md holds 1 (each opened by a # title)"},
		{"both interview and interviews",
			[]edit{replace(MetadataFile, "translated: 2017", "interviews:\n  - place: Paris\ntranslated: 2017")},
			"metadata.yaml:2:1: give either interview (one interview) or interviews (a list, one entry per interview), not both\n" +
				"metadata.yaml:29:5: 2 interview(s) described but interview.md holds 1 (each opened by a # title)"},
		{"unknown participant",
			[]edit{replace(MetadataFile, "  reviewed: 1935-06\n", "  reviewed: 1935-06\n  participants: [alice, bob, dave]\n")},
			"metadata.yaml:28:30: participant \"dave\" is not the key of a person (people: alice, bob, carol)"},
		{"speaker not among the participants",
			[]edit{replace(MetadataFile, "  reviewed: 1935-06\n", "  reviewed: 1935-06\n  participants: [alice]\n")},
			"interview.md:5:1: Bob Martin (bob) speaks but is not among the participants of this interview (metadata.yaml:25:3)"},
		{"empty second interview",
			[]edit{replace(InterviewFile, "Alice (smiling): *Yes*.", "Alice (smiling): *Yes*.\n\n# Two\n\n# Three\n\nAlice: Hi."),
				replace(MetadataFile, "interview:\n  date: 1935-06-28\n  place: Moscow\n  reviewed: 1935-06\n", "")},
			"interview.md:11:1: the interview has no text"},
		{"quotation before the first turn",
			[]edit{replace(InterviewFile, "Alice: I am glad", "> Quoted.\n\nAlice: I am glad")},
			"interview.md:3:3: text before the first turn: the interview's first paragraph must begin with a speaker's label (Name: …)"},
		{"list in a quotation",
			[]edit{replace(InterviewFile, "Alice (smiling): *Yes*.", "Alice (smiling): *Yes*.\n\n> - item")},
			"interview.md:11:3: list is not allowed (to begin a line with a number and a dot or with -, escape it: 1935\\. or \\-)"},
		{"block quote outside the interview",
			[]edit{replace(ColophonFile, "1935.[^fourth]", "1935.[^fourth]\n\n> Quoted.")},
			"colophon.md:5:1: block quote is not allowed here: a quotation (>) stands only within a turn of interview.md"},
		{"direction not closed",
			[]edit{replace(InterviewFile, "That's fine.", "That's {fine.")},
			"interview.md:5:29: { without } on the same line: a stage direction is written {…} on one line; escape a literal brace as \\{"},
		{"closing brace alone",
			[]edit{replace(InterviewFile, "That's fine.", "That's} fine.")},
			"interview.md:5:28: } without {: a stage direction is written {…}; escape a literal brace as \\}"},
		{"brace inside a direction",
			[]edit{replace(InterviewFile, "That's fine.", "That's {a {b} fine.")},
			"interview.md:5:29: { inside a stage direction: a direction is {text} without braces inside"},
		{"empty direction",
			[]edit{replace(InterviewFile, "That's fine.", "That's { } fine.")},
			"interview.md:5:29: empty stage direction {}"},
		{"direction in braces after a name",
			[]edit{replace(InterviewFile, "Alice (smiling): *Yes*.", "Alice {smiling}: *Yes*.")},
			"interview.md:9:1: a direction after a speaker's name goes in parentheses: write Alice (smiling):"},
		{"direction outside a turn",
			[]edit{replace(PrefaceFile, "# Preface", "# Preface {aside}")},
			"preface.md:1:11: stage direction {…} outside a turn: directions stand only in what a speaker says, in interview.md; escape a literal brace as \\{"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, got := loadEdited(t, tc.edits...)
			if b != nil {
				t.Errorf("loaded without error (warnings: %q)", got)
			}
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestWarnings checks what is reported as doubtful but still loads: a
// bracketed aside and a paragraph that begins like a signature, each at its
// exact position, and that an escaped bracket is silent.
func TestWarnings(t *testing.T) {
	b, got := loadEdited(t,
		replace(InterviewFile, "That's fine.", "That's [laughs] fine, [see](http://example.org/), \\[editorial], [^fourth]"),
		replace(ColophonFile, "1935.[^fourth]", "1935.\n\n— Someone"),
		replace(EndnotesFile, "[^third]: Third.", "[^third]: Third [sic]."),
	)
	if b == nil {
		t.Fatalf("load failed:\n%s", got)
	}
	want := strings.Join([]string{
		"colophon.md:5:1: warning: a paragraph beginning with an em dash is printed as it stands; if it is a signature, only the preface has one (-- Name, its last paragraph)",
		"endnotes.md:9:17: warning: bracketed text [sic] is printed as it stands: a stage direction is written {…}; escape the first bracket (\\[) of an editorial insertion",
		"interview.md:5:29: warning: bracketed text [laughs] is printed as it stands: a stage direction is written {…}; escape the first bracket (\\[) of an editorial insertion",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// An error and a warning together: both reported, the load fails.
	b, got = loadEdited(t, replace(InterviewFile, "That's fine.", "That's [laughs] {fine."))
	if b != nil || !strings.Contains(got, ": warning: bracketed text [laughs]") || !strings.Contains(got, "{ without }") {
		t.Errorf("error with warning: book %v, messages\n%s", b != nil, got)
	}
}
