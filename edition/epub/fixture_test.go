package epub

import (
	"time"

	"edition/edition"
	"edition/internal/testbook"
)

// fixture is a small Book with every kind of inline, a multi-paragraph turn
// with a stage direction, a signature, notes referenced from the preface,
// the interview and the colophon, and a text that looks like markup.
func fixture() *edition.Book {
	meta := testbook.Metadata()
	meta.Description = "The official text of Romain Rolland’s interview with Stalin & his answers <in full>."
	meta.Subjects = []string{"Stalin, Joseph, 1878-1953 — Interviews", "Rolland, Romain, 1866-1944"}
	t := func(s string) *edition.Text { return &edition.Text{Text: s} }
	para := func(id string, in ...edition.Inline) edition.Paragraph {
		return edition.Paragraph{ID: id, Content: in}
	}
	return &edition.Book{
		Meta: meta,
		Preface: edition.Section{
			ID:    "preface",
			Title: []edition.Inline{t("Preface")},
			Paragraphs: []edition.Paragraph{
				para("preface-1", t("This interview with Stalin by the French writer, Romain Rolland, is over 80 years old."),
					&edition.NoteRef{Label: "voks", Number: 1}),
				para("preface-2", t("The story of "), &edition.Quoted{Kind: edition.DoubleQuote, Content: []edition.Inline{t("Stalin’s dachas.")}}, t(" A source string <b>x</b> & more.")),
			},
			Signature: &edition.Paragraph{ID: "preface-3", Content: []edition.Inline{t("George Gruenthal, 2017")}},
		},
		Interviews: []edition.Interview{{
			ID:    "interview",
			Title: []edition.Inline{t("The Interview")},
			Turns: []edition.Turn{
				{Speaker: "stalin", Paragraphs: []edition.Paragraph{para("interview-1", t("I am glad to talk to the world’s greatest writer."))}},
				{Speaker: "rolland", Paragraphs: []edition.Paragraph{
					para("interview-2", t("It is not enough to quote Beethoven: "), &edition.Quoted{Kind: edition.DoubleQuote, Content: []edition.Inline{t("O man, help "), &edition.Quoted{Kind: edition.SingleQuote, Content: []edition.Inline{t("thyself")}}, t("!")}}, t(" They need help.")),
					para("interview-3", t("A little like the V.O.K.S."), &edition.NoteRef{Label: "dreyfus", Number: 2}, t(" — but see "), &edition.Emphasis{Content: []edition.Inline{&edition.Foreign{Lang: "fr", Content: []edition.Inline{t("Voyage à Moscou")}}}}, t(".")),
				}},
				{Speaker: "rolland", Direction: "stands", Paragraphs: []edition.Paragraph{para("interview-4", t("That’s fine."))}},
			},
		}},
		Colophon: edition.Section{
			ID:    "colophon",
			Title: []edition.Inline{t("Note on the Text")},
			Paragraphs: []edition.Paragraph{
				para("colophon-1", t("Source: "), &edition.Link{URL: "http://www.centremlm.be/Texte", Content: []edition.Inline{t("http://www.centremlm.be/Texte")}}, t(", and "), &edition.Link{URL: "javascript:alert(1)", Content: []edition.Inline{t("not a link")}}, t("."), &edition.NoteRef{Label: "wallon", Number: 3}),
			},
		},
		Notes: []edition.Note{
			{Label: "voks", Number: 1, Paragraphs: []edition.Paragraph{para("note-1-1", t("All-Union Society for Cultural Relations with Foreign Countries"))}},
			{Label: "dreyfus", Number: 2, Paragraphs: []edition.Paragraph{
				para("note-2-1", t("Alfred Dreyfus was falsely convicted in 1894.")),
				para("note-2-2", t("Jean Calas was executed in 1762.")),
			}},
			{Label: "wallon", Number: 3, Paragraphs: []edition.Paragraph{para("note-3-1", t("Henri Wallon "), &edition.Quoted{Content: []edition.Inline{&edition.Foreign{Lang: "fr", Content: []edition.Inline{t("À la lumière du marxisme")}}}})}},
		},
		Modified: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}
