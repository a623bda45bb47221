package cover

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/math/fixed"

	"edition/edition"
	"edition/edition/cite"
	"edition/internal/realbook"
)

var write = flag.String("write", "", "write each fixture's cover to <name>.png in this folder")

func book() *edition.Book {
	return &edition.Book{Meta: edition.Metadata{
		Language:         "en",
		OriginalLanguage: "fr",
		Title:            "Interview of Stalin by Romain Rolland & <Others>",
		Subtitle:         "The Official Text, Moscow, 28\u00a0June 1935",
		People: []edition.Person{
			{Key: "stalin", Name: "Joseph Stalin", Roles: []edition.Role{edition.Interviewee}},
			{Key: "rolland", Name: "Romain Rolland", Roles: []edition.Role{edition.Interviewer}},
			{Key: "gruenthal", Name: "George Gruenthal", Roles: []edition.Role{edition.Translator, edition.PrefaceWriter, edition.Annotator}},
		},
		Interview: edition.Event{Date: edition.Date{Year: 1935, Month: 6, Day: 28}, Place: "Moscow"},
	}}
}

// longBook has a title of sixty words with one very long word, a long
// subtitle, a dozen interviewers and three translators.
func longBook() *edition.Book {
	b := book()
	b.Meta.Title = strings.Repeat("The Extraordinarily Long Conversation of the Secretary General with the French Writer ", 6) +
		"Antidisestablishmentarianismusunterhaltungsverfahren"
	b.Meta.Subtitle = strings.Repeat("An Official Text Reviewed by Both Speakers, ", 4) + "Moscow"
	b.Meta.People = b.Meta.People[:1]
	for i := range 12 {
		b.Meta.People = append(b.Meta.People, edition.Person{
			Key: fmt.Sprint("p", i), Name: fmt.Sprintf("Maximiliana Wolfeschlegelsteinhausen-Bergerdorff %d", i),
			Roles: []edition.Role{edition.Interviewer, edition.Editor},
		})
	}
	for i := range 3 {
		b.Meta.People = append(b.Meta.People, edition.Person{
			Key: fmt.Sprint("t", i), Name: fmt.Sprintf("Bartholomew Featherstonehaugh-Cholmondeley %d", i),
			Roles: []edition.Role{edition.Translator, edition.PrefaceWriter},
		})
	}
	b.Meta.Interview.Date = edition.Date{Year: 1935}
	return b
}

// fixtures are the books every cover test draws.
func fixtures(t testing.TB) map[string]*edition.Book {
	bare := book()
	bare.Meta.Subtitle = ""
	bare.Meta.People = nil
	bare.Meta.Interview = edition.Event{}
	return map[string]*edition.Book{"fixture": book(), "long": longBook(), "bare": bare, "real": realbook.Load(t)}
}

// decode decodes a cover and checks its format and size.
func decode(t *testing.T, data []byte) *image.Paletted {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("cover does not decode: %v", err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, Width, Height) {
		t.Fatalf("cover is %v, want %d×%d", got, Width, Height)
	}
	p, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("cover decodes as %T, want a paletted image", img)
	}
	return p
}

func TestPNG(t *testing.T) {
	for name, b := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			data, err := PNG(b)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
				t.Error("not a PNG signature")
			}
			again, err := PNG(b)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again) {
				t.Error("two covers of one book differ")
			}
			img := decode(t, data)
			checkMargins(t, img, name != "bare")
			if *write != "" {
				if err := os.WriteFile(filepath.Join(*write, name+".png"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// checkMargins checks that nothing but the background is drawn in the
// margins: the left and right Margin columns and the top and bottom rows,
// and that there is text on the band and on the paper.
func checkMargins(t *testing.T, img *image.Paletted, people bool) {
	t.Helper()
	bg := func(c color.Color) bool { return c == color.Color(paper) || c == color.Color(band) }
	inked := map[color.Color]int{}
	for y := 0; y < Height; y++ {
		row := img.At(0, y)
		if !bg(row) {
			t.Fatalf("pixel (0,%d) is %v, not a background", y, row)
		}
		for x := 0; x < Width; x++ {
			c := img.At(x, y)
			if c == row {
				continue
			}
			if x < Margin || x >= Width-Margin {
				t.Fatalf("pixel (%d,%d) in the side margin is %v on %v", x, y, c, row)
			}
			if y < Margin/2 || y >= Height-Margin/2 {
				t.Fatalf("pixel (%d,%d) in the top or bottom margin is %v on %v", x, y, c, row)
			}
			inked[row]++
		}
	}
	if inked[band] == 0 || people && inked[paper] == 0 {
		t.Errorf("nothing drawn on the band (%d pixels) or the paper (%d pixels)", inked[band], inked[paper])
	}
}

// TestLayout checks what the cover says: every line fits its measure, the
// title, the creators and the translators are all there.
func TestLayout(t *testing.T) {
	for name, b := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			f, err := newFonter()
			if err != nil {
				t.Fatal(err)
			}
			c := cite.Of(b)
			l, err := f.fit(c)
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, p := range l.lines {
				adv, lo, hi := extent(p.st, p.text)
				left, right := p.x+lo, p.x+hi
				if left.Floor() < Margin || right.Ceil() > Width-Margin {
					t.Errorf("line %q runs from %d to %d, outside the margins", p.text, left.Floor(), right.Ceil())
				}
				if d := (p.x + adv/2) - fixedHalf(Width); d < -1 || d > 1 {
					t.Errorf("line %q is not centred (off by %v)", p.text, d)
				}
				all = append(all, p.text)
			}
			checkOverlaps(t, l)
			text := strings.Join(all, " ")
			text = strings.NewReplacer("\ufb03", "ffi", "\ufb04", "ffl", "\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl").Replace(text)
			for _, w := range words(c.Title) {
				if !strings.Contains(text, w) {
					t.Errorf("title word %q is not on the cover: %s", w, text)
				}
			}
			for _, n := range c.People {
				if (c.IsCreator(n.Key) || n.Has(edition.Translator)) && !strings.Contains(text, strings.ToUpper(n.Display)) {
					t.Errorf("%s is not on the cover: %s", n.Display, text)
				}
			}
			if _, ok, _ := f.compose(c, 1, 1); name == "real" && !ok {
				t.Error("the real book's cover does not fit at full size")
			}
		})
	}
}

// inkBox is the box of a placed line's ink.
func inkBox(p placed) image.Rectangle {
	_, lo, hi := extent(p.st, p.text)
	top, bottom := fixed.Int26_6(0), fixed.Int26_6(0)
	for _, r := range p.text {
		b, _ := p.st.face.bounds(r)
		top, bottom = min(top, b.Min.Y), max(bottom, b.Max.Y)
	}
	return image.Rect((p.x + lo).Floor(), p.y+top.Floor(), (p.x + hi).Ceil(), p.y+bottom.Ceil())
}

// checkOverlaps checks that no two lines or rules of l touch, that no line
// straddles the edge of the band and that everything is inside the page
// with room to spare.
func checkOverlaps(t *testing.T, l *layout) {
	t.Helper()
	var boxes []image.Rectangle
	var names []string
	for _, p := range l.lines {
		boxes, names = append(boxes, inkBox(p)), append(names, p.text)
	}
	for _, r := range l.rules {
		boxes, names = append(boxes, r.r), append(names, "rule")
	}
	page := image.Rect(Margin, Margin/2, Width-Margin, Height-Margin/2)
	for i, a := range boxes {
		if !a.In(page) {
			t.Errorf("%q at %v is outside %v", names[i], a, page)
		}
		if a.Min.Y < l.bandHeight && a.Max.Y > l.bandHeight {
			t.Errorf("%q at %v straddles the band's edge at %d", names[i], a, l.bandHeight)
		}
		for j := i + 1; j < len(boxes); j++ {
			if a.Overlaps(boxes[j]) {
				t.Errorf("%q at %v overlaps %q at %v", names[i], a, names[j], boxes[j])
			}
		}
	}
}

// TestRealLines pins the real book's composition: a title in two balanced
// lines broken before "by", the subtitle with its ligature, the names in
// capitals.
func TestRealLines(t *testing.T) {
	b := realbook.Load(t)
	f, err := newFonter()
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := f.compose(cite.Of(b), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range l.lines {
		got = append(got, fmt.Sprintf("%s@%g", p.text, p.st.size))
	}
	want := []string{
		"Interview of Stalin@138", "by Romain Rolland@138",
		"The O\ufb03cial Text, Moscow, 28\u00a0June 1935@58",
		"Translated from the French, with a preface and notes, by@46", "GEORGE GRUENTHAL@46",
		"JOSEPH STALIN@76", "interviewee@52", "ROMAIN ROLLAND@76", "interviewer@52",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func fixedHalf(w int) fixed.Int26_6 { return fixed.Int26_6(w * 32) }

func TestBalance(t *testing.T) {
	width := func(s string) float64 { return float64(len(s)) }
	for _, tc := range []struct {
		s    string
		max  float64
		want []string
	}{
		{"Interview of Stalin by Romain Rolland", 24, []string{"Interview of Stalin", "by Romain Rolland"}},
		{"one two three four five six", 100, []string{"one two three four five six"}},
		// Even lines rather than a full one and a widow.
		{"aaaa bbbb cccc dddd eeee", 20, []string{"aaaa bbbb cccc", "dddd eeee"}},
		// Not "of" at the end of a line.
		{"The Story of Everything", 16, []string{"The Story", "of Everything"}},
		{"Translated from the French, with a preface and notes, by", 40, []string{"Translated from the French,", "with a preface and notes, by"}},
		{"Supercalifragilistic word", 10, []string{"Supercalifragilistic", "word"}},
		{"", 10, nil},
	} {
		got, _ := balanceWeak(words(tc.s), width, 1, tc.max)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("balanceWeak(%q, %g) = %q, want %q", tc.s, tc.max, got, tc.want)
		}
	}
	if got := words("28\u00a0June 1935"); len(got) != 2 {
		t.Errorf("a no-break space breaks: %q", got)
	}
}

// TestContrast checks every text colour against its background for WCAG's
// 4.5:1 (level AA for normal text).
func TestContrast(t *testing.T) {
	for _, pair := range []struct {
		name   string
		fg, bg color.RGBA
	}{
		{"title on band", paper, band},
		{"ink on paper", ink, paper},
		{"role on paper", roleInk, paper},
	} {
		if r := contrast(pair.fg, pair.bg); r < 4.5 {
			t.Errorf("%s: contrast %.2f:1, want at least 4.5:1", pair.name, r)
		} else {
			t.Logf("%s: %.1f:1", pair.name, r)
		}
	}
}

func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func TestSplitCredit(t *testing.T) {
	c := cite.Of(book())
	s, n := splitCredit(c.TranslationCredit(), c.Translators)
	if s != "Translated from the French, with a preface and notes, by" || n != "George Gruenthal" {
		t.Errorf("splitCredit = %q, %q", s, n)
	}
	if s, n := splitCredit("Translated by somebody else", c.Translators); s != "Translated by somebody else" || n != "" {
		t.Errorf("splitCredit of a credit without the translator = %q, %q", s, n)
	}
}

func TestDescription(t *testing.T) {
	got := Description(book())
	want := "Cover: Interview of Stalin by Romain Rolland & <Others>: The Official Text, Moscow, 28\u00a0June 1935. Joseph Stalin (interviewee). Romain Rolland (interviewer). Translated from the French, with a preface and notes, by George Gruenthal."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestDescriptionNames checks that every fixture's alternative text gives
// the full title and names everyone the cover names.
func TestDescriptionNames(t *testing.T) {
	for name, b := range fixtures(t) {
		c := cite.Of(b)
		d := Description(b)
		if !strings.HasPrefix(d, "Cover: "+c.FullTitle+".") {
			t.Errorf("%s: description does not begin with the full title: %q", name, d)
		}
		for _, n := range c.People {
			if (c.IsCreator(n.Key) || n.Has(edition.Translator)) && !strings.Contains(d, n.Display) {
				t.Errorf("%s: description does not name %s: %q", name, n.Display, d)
			}
		}
	}
}

func BenchmarkPNG(b *testing.B) {
	bk := realbook.Load(b)
	var size int
	for b.Loop() {
		data, err := PNG(bk)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size), "bytes/cover")
}

// hugeTitle is a title of about n bytes, in words of ordinary length.
func hugeTitle(n int) string {
	return strings.TrimSpace(strings.Repeat("The Conversation of the Secretary with the Writer, ", n/51+1))
}

// TestHugeTitleIsBalancedInLinearTime is the regression test for the
// cover's quadratic title balancing (a 100 KB title ran past 2 minutes at
// 2.3 GB): the title's lines are balanced once per size tried, in time
// linear in its words, so a 16 KB title (2,700 words) that took over a
// minute is set in a fraction of a second. The loader caps title length;
// this bounds the cover without relying on it.
func TestHugeTitleIsBalancedInLinearTime(t *testing.T) {
	f, err := newFonter()
	if err != nil {
		t.Fatal(err)
	}
	s := hugeTitle(16 << 10)
	ws := words(s)
	st, err := f.style(roman, 24, 0, false, inkOnBand)
	if err != nil {
		t.Fatal(err)
	}
	b, weak := f.linesIn(nil, st, s, 0, 30, titleMeasure)
	if len(b) < len(ws)/30 {
		t.Errorf("%d words set in %d lines", len(ws), len(b))
	}
	if weak != 0 {
		t.Errorf("%d lines end with a weak word", weak)
	}
	var n int
	for _, it := range b {
		if !it.fits {
			t.Errorf("line %q does not fit", it.text)
		}
		n += len(strings.Fields(it.text))
	}
	if n != len(ws) {
		t.Errorf("the lines hold %d words, want %d", n, len(ws))
	}
}

// BenchmarkTitle shows how setting a title at every size grows with its
// length.
func BenchmarkTitle(b *testing.B) {
	for _, n := range []int{100, 1 << 10, 4 << 10, 16 << 10} {
		s := hugeTitle(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f, err := newFonter()
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				clear(f.titles)
				if _, _, err := f.title(s, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
