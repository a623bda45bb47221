package typography

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"edition/edition"
)

type tableCase struct {
	in, want string
}

// Expectations write every no-break space as \u00a0. Quotations that
// became Quoted nodes show as «…» and ‹…›; curly marks in the expectation
// are characters left in the text.
var (
	quoteCases = []tableCase{
		{`He said "yes".`, `He said «yes».`},
		{`"Yes," he said.`, `«Yes,» he said.`},
		{`("in parentheses")`, `(«in parentheses»)`},
		{`[“bracketed”]`, `[«bracketed»]`},
		{`a word---"quoted" after a dash`, "a word\u00a0— «quoted» after a dash"},
		{`"I will---"`, "«I will\u00a0—»"},
		{`"Outer 'inner' outer"`, `«Outer ‹inner› outer»`},
		{`"Outer, 'inner'"`, `«Outer, ‹inner›»`},
		{`'Soviet Documents on Foreign Policy', Volume 3`, "‹Soviet Documents on Foreign Policy›, Volume\u00a03"},
		{`literally "in pieces of 'rogoja' [matting]"`, `literally «in pieces of ‹rogoja› [matting]»`},
		{`“Already curly” and ‘single’`, `«Already curly» and ‹single›`},
		{`"'Tis the season," she said.`, `«’Tis the season,» she said.`},
		{`He said "no`, `He said “no`},
		{`and then" he left`, `and then” he left`},
		{`a " b`, `a " b`},
		{`"a "b" c"`, `«a «b» c»`},
		{`“a” ”b`, `«a» ”b`},
		{`‘x ‘y’ z’`, `‹x ‹y› z›`},
		{`"one" and "two"`, `«one» and «two»`},
		{`"The workers' state"`, `«The workers’ state»`},
		{`"He was 'the boss's man' then"`, `«He was ‹the boss’s man› then»`},
		{`Stalin's "dachas."`, `Stalin’s «dachas.»`},
		{`5'10" tall`, `5’10” tall`},
	}
	apostropheCases = []tableCase{
		{`don't`, `don’t`},
		{`the workers' movement`, `the workers’ movement`},
		{`the workers'`, `the workers’`},
		{`I'm`, `I’m`},
		{`give 'em hell`, `give ’em hell`},
		{`'Tis true, 'twas so`, `’Tis true, ’twas so`},
		{`rock 'n' roll`, `rock ’n’ roll`},
		{`the class of '35`, `the class of ’35`},
		{`in the '90s`, `in the ’90s`},
		{`(’em)`, `(’em)`},
		{`‘35 typed with the wrong mark`, `’35 typed with the wrong mark`},
		{`'emancipation' is a word`, `‹emancipation› is a word`},
		{`'1935' in quotes`, `‹1935› in quotes`},
		{`l'entretien`, `l’entretien`},
		{`the 1930's`, `the 1930’s`},
	}
	dashCases = []tableCase{
		{`this --- and that`, "this\u00a0— and that"},
		{`this---and that`, "this\u00a0— and that"},
		{`this — and that`, "this\u00a0— and that"},
		{`this—and that`, "this\u00a0— and that"},
		{"this \u00a0—\u00a0 and that", "this\u00a0— and that"},
		{`--- At the start`, `— At the start`},
		{`---At the start`, `— At the start`},
		{`"---So," he said`, `«— So,» he said`},
		{`(--- aside)`, `(— aside)`},
		{`at the end ---`, "at the end\u00a0—"},
		{`before a comma ---, then`, "before a comma\u00a0—, then"},
		{`conclude: --- "So`, "conclude:\u00a0— “So"},
		{`That's fine. --- I am sorry`, "That’s fine.\u00a0— I am sorry"},
		{`pages 12--15`, `pages 12–15`},
		{`juin--juillet`, `juin–juillet`},
		{`juin–juillet`, `juin–juillet`},
		{`this -- and that`, "this\u00a0– and that"},
		{`this – and that`, "this\u00a0– and that"},
		{`groups of 12-15 children`, `groups of 12–15 children`},
		{`pp. 19-21 of pdf`, "pp.\u00a019–21 of pdf"},
		{`(442-444)`, `(442–444)`},
		{`1,000-2,000`, `1,000–2,000`},
		{`on 1935-06-28`, `on 1935-06-28`},
		{`ISBN 978-3-16-148410-0`, `ISBN 978-3-16-148410-0`},
		{`a V-2 rocket`, `a V-2 rocket`},
		{`non-aggression`, `non-aggression`},
		{`counter-revolutionaries`, `counter-revolutionaries`},
		{`well-known 19th-century`, `well-known 19th-century`},
		{`a -5 value`, `a -5 value`},
		{`a rule ---- here`, `a rule ---- here`},
		// Before a full stop, and between times of day.
		{`see pp. 12-19.`, "see pp.\u00a012–19."},
		{`boxes 10-13. Then`, `boxes 10–13. Then`},
		{`at 14:02-14:03 exactly`, `at 14:02–14:03 exactly`},
		{`from 9:30-10:15.`, `from 9:30–10:15.`},
		{`a 1.5-2 ratio`, `a 1.5-2 ratio`},
		{`the 1-2.5 range`, `the 1-2.5 range`},
		{`on 1935-06-28.`, `on 1935-06-28.`},
		{`ISBN 978-3-16-148410-0.`, `ISBN 978-3-16-148410-0.`},
		{`at 14:023-15`, `at 14:023-15`},
		{`— — two`, "—\u00a0— two"},
	}
	ellipsisCases = []tableCase{
		{`forgotten that...`, `forgotten that…`},
		{`an agreement... Is`, `an agreement… Is`},
		{`cold.... So`, `cold…. So`},
		{`wait ... what`, `wait … what`},
		{`two.. dots`, `two.. dots`},
		{`…already`, `…already`},
		{`five.....`, `five…..`},
	}
	spaceCases = []tableCase{
		{`  leading and trailing  `, `leading and trailing`},
		{"runs  of \t spaces\nand lines", "runs of spaces and lines"},
		{"a \u00a0 b", "a\u00a0b"},
		{"keep\u2009thin", "keep\u2009thin"},
		{`a|  |b`, `a| |b`},
		{`*word* |  next`, `*word* |next`},
		{`end [^n]  `, `end[^n]`},
	}
	nbspCases = []tableCase{
		{`see p. 100`, "see p.\u00a0100"},
		{`pp. 442-444`, "pp.\u00a0442–444"},
		{`vol. 29, no. 3`, "vol.\u00a029, no.\u00a03"},
		{`Vol. 2 and No. 5`, "Vol.\u00a02 and No.\u00a05"},
		{`p. xii`, `p. xii`},
		{`Volume 5, Issue 3, Article 7 (1938)`, "Volume\u00a05, Issue\u00a03, Article\u00a07 (1938)"},
		{`Chapter 2 and Chapter IV`, "Chapter\u00a02 and Chapter\u00a0IV"},
		{`the age of 12 years.`, "the age of 12\u00a0years."},
		{`a period of 72 days`, "a period of 72\u00a0days"},
		{`over 80 years old`, "over 80\u00a0years old"},
		{`12-15 years`, "12–15\u00a0years"},
		{`1,500 km away`, "1,500\u00a0km away"},
		{`50 % of them`, "50\u00a0% of them"},
		{`the 1905 Revolution`, `the 1905 Revolution`},
		{`It is 50° to 60° cold`, "It is 50°\u00a0to\u00a060° cold"},
		{`from 50° to 60°.`, "from 50°\u00a0to\u00a060°."},
		{`from 50 to 60`, `from 50 to 60`},
		{`Moscow, 28 June 1935`, "Moscow, 28\u00a0June 1935"},
		{`June 28, 1935.`, "June\u00a028, 1935."},
		{`Academies of May 6, 1935.`, "Academies of May\u00a06, 1935."},
		{`the 1st May`, "the 1st\u00a0May"},
		{`June 1940`, `June 1940`},
		{`June of 1941`, `June of 1941`},
		{`you may 6 times`, `you may 6 times`},
		{`32 June`, `32 June`},
		{`*June* 28`, "*June*\u00a028"},
		{`May 6|, 1935`, "May\u00a06|, 1935"},
	}
	entityCases = []tableCase{
		{`It&rsquo;s &ldquo;here&rdquo; &mdash; now&hellip;`, "It’s «here»\u00a0— now…"},
		{`AT&T and &amp;`, `AT&T and &amp;`},
	}
	structureCases = []tableCase{
		{`He called it "*The Civil War in France*".`, `He called it «*The Civil War in France*».`},
		{`"a quote with *emphasis* ending after a note."[^n] Next`, `«a quote with *emphasis* ending after a note.»[^n] Next`},
		{`"a quote ending after a note[^n]" then`, `«a quote ending after a note[^n]» then`},
		{`"*emphasised*" word`, `«*emphasised*» word`},
		{`*"inside emphasis"*`, `*«inside emphasis»*`},
		{`"across *emphasis" boundary*`, `“across *emphasis” boundary*`},
		{`"split|across|texts"`, `«split|across|texts»`},
		{`"title {fr:Voyage à Moscou}" and 'x {fr:y}'`, `«title {fr:Voyage à Moscou}» and ‹x {fr:y}›`},
		{`"see (=http://e.org/=this 'page')"`, `«see (=http://e.org/=this ‹page›)»`},
		{`"*Yes*," he said`, `«*Yes*,» he said`},
		{`*word*"`, `*word*”`},
		{`word *"* x`, `word *"* x`},
		{`He wrote *l'Humanité*'s piece`, `He wrote *l’Humanité*’s piece`},
		{`'*Pravda*'`, `‹*Pravda*›`},
		{`'a' *x*`, `‹a› *x*`},
	}
	linkCases = []tableCase{
		{`see <http://www.centremlm.be/Entretien-de-Romain-Rolland--avec-Staline---1935?x=1...2>`, `see <http://www.centremlm.be/Entretien-de-Romain-Rolland--avec-Staline---1935?x=1...2>`},
		{`"<http://e.org/a--b>"`, `«<http://e.org/a--b>»`},
		{`at <http://e.org/'x'> --- then`, "at <http://e.org/'x'>\u00a0— then"},
		{`(=http://e.org/a--b=the "page" -- here)`, "(=http://e.org/a--b=the «page»\u00a0– here)"},
		{`a bare http://www.e.org/a--b...c-1-2. Then`, `a bare http://www.e.org/a--b...c-1-2. Then`},
		{`("https://e.org/x'y--z")`, `(«https://e.org/x'y--z»)`},
		{`at www.e.org/a---b --- then`, "at www.e.org/a---b\u00a0— then"},
	}
)

var allCases = map[string][]tableCase{
	"quotes":     quoteCases,
	"apostrophe": apostropheCases,
	"dashes":     dashCases,
	"ellipsis":   ellipsisCases,
	"spaces":     spaceCases,
	"nbsp":       nbspCases,
	"entities":   entityCases,
	"structure":  structureCases,
	"links":      linkCases,
}

func TestRules(t *testing.T) {
	for name, cases := range allCases {
		t.Run(name, func(t *testing.T) {
			for _, c := range cases {
				got := dump(Inlines(parse(c.in)))
				if got != c.want {
					t.Errorf("Inlines(%q)\n got %q\nwant %q", c.in, got, c.want)
				}
			}
		})
	}
}

func TestString(t *testing.T) {
	for _, c := range []tableCase{
		{``, ``},
		{`Stalin's "dachas"`, `Stalin’s “dachas”`},
		{`The 'Official' Text -- 1935...`, "The ‘Official’ Text\u00a0– 1935…"},
		{`Entretien de Romain Rolland avec Staline, 28 juin 1935`, `Entretien de Romain Rolland avec Staline, 28 juin 1935`},
		{`interview of 28 June 1935`, "interview of 28\u00a0June 1935"},
		{`Rolland *asked*`, `Rolland *asked*`},
	} {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
		if again := String(String(c.in)); again != String(c.in) {
			t.Errorf("String is not idempotent on %q: %q then %q", c.in, String(c.in), again)
		}
	}
}

// realistic is a paragraph in the manner of the book, with every rule at
// work in it.
const realistic = `  Romain Rolland's answer -- given on June 28, 1935 -- was this: ` +
	`"I think that, in certain cases, the 'dialectic' of *[^voks]force* is necessary..." ` +
	`--- and he added:  "We are not fully up to this task."[^dreyfus] ` +
	`See *{fr:Voyage à Moscou (juin--juillet 1935)}*, vol. 29, pp. 442-444; ` +
	`there it is 50° to 60° cold.... So what, I bore it for 12 years! ` +
	`'Tis the spirit of '35 <http://www.centremlm.be/Entretien-de-Romain-Rolland---1935>.`

func TestRealisticParagraph(t *testing.T) {
	got := dump(Inlines(parse(realistic)))
	want := "Romain Rolland’s answer\u00a0– given on June\u00a028, 1935\u00a0– was this: " +
		"«I think that, in certain cases, the ‹dialectic› of *[^voks]force* is necessary…»\u00a0" +
		"— and he added: «We are not fully up to this task.»[^dreyfus] " +
		"See *{fr:Voyage à Moscou (juin–juillet 1935)}*, vol.\u00a029, pp.\u00a0442–444; " +
		"there it is 50°\u00a0to\u00a060° cold…. So what, I bore it for 12\u00a0years! " +
		"’Tis the spirit of ’35 <http://www.centremlm.be/Entretien-de-Romain-Rolland---1935>."
	if got != want {
		t.Errorf("realistic paragraph\n got %q\nwant %q", got, want)
	}
}

// TestIdempotent checks that applying the typography to its own output
// changes nothing, comparing the whole model.
func TestIdempotent(t *testing.T) {
	inputs := []string{realistic}
	for _, cases := range allCases {
		for _, c := range cases {
			inputs = append(inputs, c.in, c.want)
		}
	}
	for _, in := range inputs {
		once := Inlines(parse(in))
		twice := Inlines(clone(once))
		if !reflect.DeepEqual(once, twice) {
			t.Errorf("not idempotent on %q:\n once %q\ntwice %q", in, dump(once), dump(twice))
		}
	}
	b := fixtureBook()
	Apply(b)
	c := cloneBook(b)
	Apply(c)
	if !reflect.DeepEqual(b, c) {
		t.Errorf("Apply twice differs from Apply once on the fixture book")
	}
}

func fixtureBook() *edition.Book {
	p := func(id, s string) edition.Paragraph {
		return edition.Paragraph{ID: id, Content: parse(s)}
	}
	return &edition.Book{
		Meta: edition.Metadata{
			Title:       `Interview of Stalin by Romain Rolland`,
			Subtitle:    `Official text -- 28 June 1935`,
			ShortTitle:  `Stalin's interview`,
			Description: `The "official" text of the interview... (1935)`,
			Rights:      `Translation (c) 2017 George Gruenthal`,
			People: []edition.Person{{
				Key: "rolland", Name: "Romain Rolland", Speaker: "Romain Rolland",
			}},
			Sources: []edition.Source{{
				Title: `Entretien de Romain Rolland avec Staline -- 1935`, Lang: "fr",
				Container: `Cahiers Romain Rolland`, Volume: "29",
				URL: "http://www.centremlm.be/Entretien--avec-Staline---1935",
			}},
		},
		Preface: edition.Section{
			ID:         "preface",
			Title:      parse(`Translator's "Preface"`),
			Paragraphs: []edition.Paragraph{p("preface-1", realistic), p("preface-2", `"Stalin's dachas."`)},
			Signature:  &edition.Paragraph{ID: "preface-sig", Content: parse(`George Gruenthal,  2017`)},
		},
		Interviews: []edition.Interview{{
			ID:    "interview",
			Title: parse(`The Interview`),
			Turns: []edition.Turn{
				{Speaker: "rolland", Direction: `stands`, Paragraphs: []edition.Paragraph{p("interview-1", `That's fine. --- I am sorry.`)}},
				{Speaker: "stalin", Direction: `smiling -- "kindly"`, Paragraphs: []edition.Paragraph{p("interview-2", `Don't say that!`)}},
			},
		}},
		Colophon: edition.Section{
			ID:         "colophon",
			Title:      parse(`Note on the text`),
			Paragraphs: []edition.Paragraph{p("colophon-1", `Reviewed on June 28, 1935.`)},
		},
		Notes: []edition.Note{{
			Label: "voks", Number: 1,
			Paragraphs: []edition.Paragraph{p("note-1-1", `See vol. 3, p. 100 <http://e.org/a--b...c>.`)},
		}},
	}
}

func TestApplyBook(t *testing.T) {
	b := fixtureBook()
	Apply(b)
	for _, c := range []struct{ field, got, want string }{
		{"Title", b.Meta.Title, `Interview of Stalin by Romain Rolland`},
		{"Subtitle", b.Meta.Subtitle, "Official text\u00a0– 28\u00a0June 1935"},
		{"ShortTitle", b.Meta.ShortTitle, `Stalin’s interview`},
		{"Description", b.Meta.Description, `The “official” text of the interview… (1935)`},
		{"Source title", b.Meta.Sources[0].Title, "Entretien de Romain Rolland avec Staline\u00a0– 1935"},
		{"Source URL", b.Meta.Sources[0].URL, "http://www.centremlm.be/Entretien--avec-Staline---1935"},
		{"Preface title", dump(b.Preface.Title), `Translator’s «Preface»`},
		{"Preface 2", dump(b.Preface.Paragraphs[1].Content), `«Stalin’s dachas.»`},
		{"Signature", dump(b.Preface.Signature.Content), `George Gruenthal, 2017`},
		{"Direction 1", b.Interviews[0].Turns[0].Direction, `stands`},
		{"Direction 2", b.Interviews[0].Turns[1].Direction, "smiling\u00a0– “kindly”"},
		{"Turn 1", dump(b.Interviews[0].Turns[0].Paragraphs[0].Content), "That’s fine.\u00a0— I am sorry."},
		{"Turn 2", dump(b.Interviews[0].Turns[1].Paragraphs[0].Content), `Don’t say that!`},
		{"Colophon", dump(b.Colophon.Paragraphs[0].Content), "Reviewed on June\u00a028, 1935."},
		{"Note", dump(b.Notes[0].Paragraphs[0].Content), "See vol.\u00a03, p.\u00a0100 <http://e.org/a--b...c>."},
		{"Speaker name", b.Meta.People[0].Speaker, "Romain Rolland"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

// TestLinkUntouched checks that a link showing its URL keeps its URL and
// its text byte for byte, whatever characters they hold.
func TestLinkUntouched(t *testing.T) {
	const url = `http://www.centremlm.be/Entretien-de-Romain-Rolland--avec-Staline---1935?a='b'&c="d"...--`
	link := &edition.Link{URL: url, Content: []edition.Inline{&edition.Text{Text: url}}}
	other := &edition.Link{URL: url, Content: []edition.Inline{&edition.Text{Text: `the "page" -- here`}}}
	content := []edition.Inline{&edition.Text{Text: `"At `}, link, &edition.Text{Text: `" and `}, other, &edition.Text{Text: `."`}}
	out := Inlines(content)
	if link.URL != url || link.Content[0].(*edition.Text).Text != url {
		t.Errorf("URL link changed: %q %q", link.URL, link.Content[0].(*edition.Text).Text)
	}
	if other.URL != url {
		t.Errorf("link URL changed: %q", other.URL)
	}
	if got, want := edition.PlainText(other.Content), "the “page”\u00a0– here"; got != want {
		t.Errorf("link text = %q, want %q", got, want)
	}
	if got, want := dump(out), "«At <"+url+">» and (="+url+"=the «page»\u00a0– here).”"; got != want {
		t.Errorf("content\n got %q\nwant %q", got, want)
	}
}

// TestNoEntities checks that nothing the package writes is an HTML entity.
func TestNoEntities(t *testing.T) {
	b := fixtureBook()
	b.Preface.Paragraphs[0].Content = parse("&ldquo;Quoted&rdquo; &ndash; &hellip;")
	Apply(b)
	for _, p := range b.Paragraphs() {
		if s := edition.PlainText(p.Content); strings.Contains(s, "&") && strings.Contains(s, ";") {
			t.Errorf("paragraph %s holds an entity: %q", p.ID, s)
		}
	}
}

func clone(content []edition.Inline) []edition.Inline {
	if content == nil {
		return nil
	}
	out := make([]edition.Inline, len(content))
	for i, in := range content {
		switch n := in.(type) {
		case *edition.Text:
			c := *n
			out[i] = &c
		case *edition.Emphasis:
			out[i] = &edition.Emphasis{Content: clone(n.Content)}
		case *edition.Quoted:
			out[i] = &edition.Quoted{Kind: n.Kind, Content: clone(n.Content)}
		case *edition.Foreign:
			out[i] = &edition.Foreign{Lang: n.Lang, Content: clone(n.Content)}
		case *edition.Link:
			out[i] = &edition.Link{URL: n.URL, Content: clone(n.Content)}
		case *edition.NoteRef:
			c := *n
			out[i] = &c
		}
	}
	return out
}

func cloneParagraphs(ps []edition.Paragraph) []edition.Paragraph {
	out := append([]edition.Paragraph(nil), ps...)
	for i := range out {
		out[i].Content = clone(out[i].Content)
	}
	return out
}

func cloneSection(s edition.Section) edition.Section {
	s.Title = clone(s.Title)
	s.Paragraphs = cloneParagraphs(s.Paragraphs)
	if s.Signature != nil {
		sig := *s.Signature
		sig.Content = clone(sig.Content)
		s.Signature = &sig
	}
	return s
}

func cloneBook(b *edition.Book) *edition.Book {
	c := *b
	c.Meta.Sources = append([]edition.Source(nil), b.Meta.Sources...)
	c.Meta.People = append([]edition.Person(nil), b.Meta.People...)
	c.Preface = cloneSection(b.Preface)
	c.Colophon = cloneSection(b.Colophon)
	c.Interviews = append([]edition.Interview(nil), b.Interviews...)
	for k := range c.Interviews {
		iv := &c.Interviews[k]
		iv.Title = clone(iv.Title)
		iv.Turns = append([]edition.Turn(nil), iv.Turns...)
		for i := range iv.Turns {
			iv.Turns[i].Paragraphs = cloneParagraphs(iv.Turns[i].Paragraphs)
		}
	}
	c.Notes = append([]edition.Note(nil), b.Notes...)
	for i := range c.Notes {
		c.Notes[i].Paragraphs = cloneParagraphs(c.Notes[i].Paragraphs)
	}
	return &c
}

// counts are what the typography must keep: letters and digits, and the
// quotation marks, straight or curly (a Quoted's marks count through
// PlainText).
type counts struct {
	words, doubles, singles, dots int
}

func count(s string) counts {
	var c counts
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			c.words++
		case r == '"' || r == '“' || r == '”':
			c.doubles++
		case r == '\'' || r == '‘' || r == '’':
			c.singles++
		case r == '.':
			c.dots++
		case r == '…':
			c.dots += 3
		}
	}
	return c
}

func FuzzApply(f *testing.F) {
	f.Add(realistic)
	for _, cases := range allCases {
		for _, c := range cases {
			f.Add(c.in)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := parse(s)
		// Entities are decoded first; count the characters that remain,
		// Text by Text, as a Text is read rune by rune on its own.
		var cb counts
		edition.Walk(in, func(n edition.Inline) bool {
			if tx, ok := n.(*edition.Text); ok {
				c := count(decodeEntities(tx.Text))
				cb.words += c.words
				cb.doubles += c.doubles
				cb.singles += c.singles
				cb.dots += c.dots
			}
			return true
		})
		// The links that show their URL, and what they hold now.
		links := map[*edition.Link]string{}
		edition.Walk(in, func(n edition.Inline) bool {
			if l, ok := n.(*edition.Link); ok && isURLLink(l) {
				links[l] = l.URL + " " + l.Content[0].(*edition.Text).Text
			}
			return true
		})

		once := Inlines(in)
		twice := Inlines(clone(once))
		if !reflect.DeepEqual(once, twice) {
			t.Fatalf("not idempotent on %q:\n once %q\ntwice %q", s, dump(once), dump(twice))
		}
		plain := edition.PlainText(once)
		if ca := count(plain); cb != ca {
			t.Fatalf("characters changed on %q: %+v -> %+v\n%q", s, cb, ca, plain)
		}
		if strings.Contains(plain, "  ") || strings.HasPrefix(plain, " ") || strings.HasSuffix(plain, " ") ||
			strings.ContainsAny(plain, "\t\n") {
			t.Fatalf("spaces left on %q: %q", s, plain)
		}
		for l, was := range links {
			if len(l.Content) != 1 {
				t.Fatalf("URL link content changed on %q: %q", s, dump(l.Content))
			}
			if now := l.URL + " " + l.Content[0].(*edition.Text).Text; now != was {
				t.Fatalf("URL link changed on %q: %q -> %q", s, was, now)
			}
		}
	})
}

func BenchmarkInlines(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<16 {
		sb.WriteString(realistic)
		sb.WriteByte(' ')
	}
	src := parse(sb.String())
	b.SetBytes(int64(len(edition.PlainText(src))))
	b.ReportAllocs()
	for b.Loop() {
		Inlines(clone(src))
	}
}

func BenchmarkApply(b *testing.B) {
	src := fixtureBook()
	for b.Loop() {
		Apply(cloneBook(src))
	}
}

// BenchmarkNested measures deeply nested quotations, which must still take
// time linear in the length of the text.
func BenchmarkNested(b *testing.B) {
	for _, depth := range []int{100, 1000, 10000} {
		s := strings.Repeat(`"a 'b `, depth) + strings.Repeat(`c' d" `, depth)
		src := parse(s)
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Inlines(clone(src))
			}
		})
	}
}
