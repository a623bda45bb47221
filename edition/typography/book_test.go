package typography_test

import (
	"reflect"
	"strings"
	"testing"

	"edition/edition"
	"edition/edition/load"
	"edition/edition/typography"
)

// The loader applies the typography; these tests read the real book.

func loadBook(t *testing.T) *edition.Book {
	t.Helper()
	b, err := load.Dir("../../source")
	if err != nil {
		t.Fatalf("load the source: %v", err)
	}
	return b
}

func TestRealBookIdempotent(t *testing.T) {
	once := loadBook(t)
	twice := loadBook(t)
	typography.Apply(twice)
	if !reflect.DeepEqual(once, twice) {
		a, b := load.Dump(once), load.Dump(twice)
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range min(len(al), len(bl)) {
			if al[i] != bl[i] {
				t.Fatalf("Apply changes the loaded book at dump line %d:\n once %s\ntwice %s", i+1, al[i], bl[i])
			}
		}
		t.Fatalf("Apply changes the loaded book")
	}
}

// text is content as PlainText writes it, except that a link showing its
// URL is written as <URL>, so that checks can leave URLs out.
func text(content []edition.Inline) string {
	var b strings.Builder
	var walk func([]edition.Inline)
	walk = func(content []edition.Inline) {
		for _, in := range content {
			switch n := in.(type) {
			case *edition.Text:
				b.WriteString(n.Text)
			case *edition.Quoted:
				open, close := n.Marks()
				b.WriteString(open)
				walk(n.Content)
				b.WriteString(close)
			case *edition.Link:
				if len(n.Content) == 1 && edition.PlainText(n.Content) == n.URL {
					b.WriteString("<URL>")
				} else {
					walk(n.Content)
				}
			default:
				walk(edition.Children(in))
			}
		}
	}
	walk(content)
	return b.String()
}

func TestRealBookCharacters(t *testing.T) {
	b := loadBook(t)
	texts := map[string]string{
		"title":       b.Meta.Title,
		"subtitle":    b.Meta.Subtitle,
		"short title": b.Meta.ShortTitle,
		"description": b.Meta.Description,
		"rights":      b.Meta.Rights,
		"preface":     text(b.Preface.Title),
		"interview":   text(b.Interviews[0].Title),
		"colophon":    text(b.Colophon.Title),
	}
	for i, s := range b.Meta.Sources {
		texts["source "+string(rune('1'+i))] = s.Title
	}
	for _, p := range b.Paragraphs() {
		texts[p.ID] = text(p.Content)
	}
	var all strings.Builder
	for where, s := range texts {
		all.WriteString(s)
		all.WriteByte('\n')
		for _, bad := range []string{`"`, `'`, "--", "...", "&rsquo;", "&ldquo;", "&mdash;", "&nbsp;", "  ", "\n", "\t"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s holds %q: %q", where, bad, s)
			}
		}
		if strings.TrimSpace(s) != s {
			t.Errorf("%s has space at an end: %q", where, s)
		}
		rs := []rune(s)
		for i, r := range rs {
			if r != '—' {
				continue
			}
			if i > 0 && rs[i-1] != '\u00a0' && !strings.ContainsRune("“‘([—", rs[i-1]) {
				t.Errorf("%s: em dash without a no-break space before it: %q", where, string(rs[max(0, i-20):i+1]))
			}
			if i+1 < len(rs) && rs[i+1] != ' ' && !strings.ContainsRune(",.;:!?)]”’—", rs[i+1]) {
				t.Errorf("%s: em dash without a space after it: %q", where, string(rs[i:min(len(rs), i+20)]))
			}
		}
	}
	for _, want := range []string{
		"50°\u00a0to\u00a060°",
		"pp.\u00a0442–444",
		"pp.\u00a019–21",
		"12–15 child",
		"vol.\u00a029",
		"June\u00a028, 1935",
		"May\u00a06, 1935",
		"80\u00a0years",
		"72\u00a0days",
		"p.\u00a0100",
		"Volume\u00a05, Issue\u00a03, Article\u00a07",
		"Stalin’s",
		"workers’ state",
		"non-aggression",
		"juin–juillet",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the book does not hold %q", want)
		}
	}
	var doubles, singles int
	for _, p := range b.Paragraphs() {
		edition.Walk(p.Content, func(in edition.Inline) bool {
			if q, ok := in.(*edition.Quoted); ok {
				if q.Kind == edition.SingleQuote {
					singles++
				} else {
					doubles++
				}
			}
			return true
		})
	}
	if doubles < 10 || singles < 2 {
		t.Errorf("quotations: %d double, %d single; want at least 10 and 2", doubles, singles)
	}
}
