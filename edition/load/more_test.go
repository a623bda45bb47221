package load

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"edition/edition"
)

// TestLabels checks what begins a turn, what is reported as an unknown
// speaker, and that ordinary sentences with a colon are neither.
func TestLabels(t *testing.T) {
	speakers := map[string]string{"Stalin": "stalin", "Romain Rolland": "rolland"}
	for _, tc := range []struct {
		text            string
		name, direction string
		size            int
		known, isALabel bool
	}{
		{"Stalin: I am glad to talk.", "Stalin", "", 8, true, true},
		{"Romain Rolland (stands): That's fine.", "Romain Rolland", "stands", 25, true, true},
		{"Stalin (smiling):  Yes.", "Stalin", "smiling", 19, true, true},
		{"Stalin:", "Stalin", "", 7, true, true},
		{"Marx: a name that is no speaker's.", "Marx", "", 6, false, true},
		{"Comrade Stalin: a title before the name.", "Comrade Stalin", "", 16, false, true},
		{"M. Rolland (aside): initials.", "M. Rolland", "aside", 20, false, true},
		{"From this the workers conclude: — nothing.", "", "", 0, false, false},
		{"Here are some examples:", "", "", 0, false, false},
		{"In 1935: a date.", "", "", 0, false, false},
		{"Stalin said: a sentence.", "", "", 0, false, false},
		{"Stalinism: a word that begins like a label.", "Stalinism", "", 11, false, true},
		{"Stalin:no space after the colon.", "", "", 0, false, false},
		{"Romain Rolland (stands) spoke: later.", "", "", 0, false, false},
		{"the end: lower case.", "", "", 0, false, false},
	} {
		name, dir, size, known, ok := matchLabel(tc.text, speakers)
		if name != tc.name || dir != tc.direction || size != tc.size || known != tc.known || ok != tc.isALabel {
			t.Errorf("matchLabel(%q) = %q, %q, %d, %v, %v; want %q, %q, %d, %v, %v", tc.text,
				name, dir, size, known, ok, tc.name, tc.direction, tc.size, tc.known, tc.isALabel)
		}
	}
}

// directionRE is what afterName matches, as a regular expression.
var directionRE = regexp.MustCompile(`^(?: \(([^()]*)\))?:(?:\s+|$)`)

// FuzzAfterName checks that afterName matches what directionRE matches.
func FuzzAfterName(f *testing.F) {
	for _, s := range []string{"", ":", ": a", ":a", ":\t\n\f\r\v x", " (smiling): Yes.", " (smiling):", " ():  a",
		" (a (b)): c", " (a: b", " (a)) : b", "ism: a word", " (a)b: c", "(a): b", " (é): ü", ": \u00a0a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, dir, ok := afterName(s)
		wantN, wantDir, wantOK := 0, "", false
		if m := directionRE.FindStringSubmatchIndex(s); m != nil {
			wantN, wantOK = m[1], true
			if m[2] >= 0 {
				wantDir = s[m[2]:m[3]]
			}
		}
		if n != wantN || dir != wantDir || ok != wantOK {
			t.Errorf("afterName(%q) = %d, %q, %v; want %d, %q, %v", s, n, dir, ok, wantN, wantDir, wantOK)
		}
	})
}

// labelLikeRE is what labelLike matches, as a regular expression.
var labelLikeRE = regexp.MustCompile(`^(\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,3})(?: \(([^()]*)\))?:(?:\s+|$)`)

// labelSeeds are texts that begin like labels, or nearly.
var labelSeeds = []string{"Stalin: a", "A B C D: e", "A B C D (x): e", "A B C D E: f", "Ü É (a:b): c",
	"Romain Rolland (stands): fine.", "From this the workers conclude: a", "M. Rolland (aside):", "A:",
	"O’Neil-Smith:\tx", "De\u0301j: a", "A  B: c", "A b: c", "A\xffB: c", "A\uFFFD: c", "AB:c", "A B:", "ǅ: a",
	"Σ Ω: a", " A: b", "A (b) (c): d", "A.B.C.: d", "Ⅻ: a", "A: \u00a0b", "A B C D (e) : f"}

// FuzzLabelLike checks that labelLike matches what labelLikeRE matches:
// the same name, direction and length.
func FuzzLabelLike(f *testing.F) {
	for _, s := range labelSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, dir, n, ok := labelLike(s)
		var wantName, wantDir string
		wantN, wantOK := 0, false
		if m := labelLikeRE.FindStringSubmatchIndex(s); m != nil {
			wantName, wantN, wantOK = s[m[2]:m[3]], m[1], true
			if m[4] >= 0 {
				wantDir = s[m[4]:m[5]]
			}
		}
		if name != wantName || dir != wantDir || n != wantN || ok != wantOK {
			t.Errorf("labelLike(%q) = %q, %q, %d, %v; want %q, %q, %d, %v", s, name, dir, n, ok, wantName, wantDir, wantN, wantOK)
		}
	})
}

// FuzzMayBeLabel checks that mayBeLabel is true of every text that
// labelLikeRE matches.
func FuzzMayBeLabel(f *testing.F) {
	for _, s := range []string{"Stalin: a", "A B C D: e", "A B C D (x): e", "A B C D E: f", "Ü É (a:b): c",
		"Romain Rolland (stands): fine.", "From this the workers conclude: a", "M. Rolland (aside):", "A:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if labelLikeRE.MatchString(s) && !mayBeLabel(s) {
			t.Errorf("mayBeLabel(%q) is false, but labelLikeRE matches it", s)
		}
	})
}

// TestAllAtOnce checks that problems in several files are all reported,
// sorted by file, line and column, and that no book comes with them.
func TestAllAtOnce(t *testing.T) {
	fsys := fixture(t)
	for _, e := range []edit{
		replace(InterviewFile, "Bob Martin (stands):", "Bobby:"),
		replace(InterviewFile, "*Yes*", "<b>Yes</b>"),
		replace(PrefaceFile, "[^second]", "[^secnod]"),
		replace(MetadataFile, "trim: a5", "trim: a5\ncolour: red"),
	} {
		e(t, fsys)
	}
	b, err := FS(fsys)
	if b != nil {
		t.Error("a book was returned with the errors")
	}
	want := strings.Join([]string{
		"endnotes.md:3:1: note [^second] is defined but never referenced",
		`interview.md:5:1: unknown speaker "Bobby" (speakers are the speaker fields of metadata.yaml)`,
		"interview.md:9:18: raw HTML <b> is not allowed",
		"interview.md:9:24: raw HTML </b> is not allowed",
		`metadata.yaml:40:1: unknown key "colour"`,
		"preface.md:6:18: note [^secnod] is referenced but not defined in endnotes.md",
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestDirNames checks that Dir names files by the directory as given, and
// FS by their bare names.
func TestDirNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "source")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, f := range fixture(t) {
		data := f.Data
		if name == ColophonFile {
			data = []byte("# Note\n\nReviewed.[^fourth]\n\n<hr>\n")
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Dir(dir)
	if want := filepath.Join(dir, "colophon.md") + ":5:1: raw HTML is not allowed"; err == nil || err.Error() != want {
		t.Errorf("Dir: got %v, want %s", err, want)
	}
	_, err = FSAt(os.DirFS(dir), "source")
	if want := "source/colophon.md:5:1: raw HTML is not allowed"; err == nil || err.Error() != want {
		t.Errorf("FSAt: got %v, want %s", err, want)
	}
}

// TestFixtureModel checks facts of the fixture's model that the golden
// dump shows but that matter most: numbering, turns, signature, modified.
func TestFixtureModel(t *testing.T) {
	b, err := FS(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for i, n := range b.Notes {
		if n.Number != i+1 {
			t.Errorf("note %d has Number %d", i+1, n.Number)
		}
		labels = append(labels, n.Label)
	}
	if got := strings.Join(labels, " "); got != "first second third fourth" {
		t.Errorf("notes in order %q, want first second third fourth", got)
	}
	var speakers []string
	for _, turn := range b.Interviews[0].Turns {
		speakers = append(speakers, turn.Speaker+"("+turn.Direction+")")
	}
	if got := strings.Join(speakers, " "); got != "alice() bob(stands) alice(smiling)" {
		t.Errorf("turns %q", got)
	}
	// The text of a turn starts after the label, and its position says so.
	if txt, ok := firstText(b.Interviews[0].Turns[1].Paragraphs[0]); !ok || txt.Pos.String() != "interview.md:5:22" {
		t.Errorf("first text of the second turn: %+v, want it at interview.md:5:22", txt)
	}
	if b.Preface.Signature != nil {
		if txt, ok := firstText(*b.Preface.Signature); !ok || txt.Pos.String() != "preface.md:8:4" {
			t.Errorf("first text of the signature: %+v, want it at preface.md:8:4", txt)
		}
	}
	if b.Preface.Signature == nil || edition.PlainText(b.Preface.Signature.Content) != "Carol Writer, 2017" {
		t.Errorf("signature %+v", b.Preface.Signature)
	}
	if got := b.Modified.Format("2006-01-02T15:04:05Z07:00"); got != "2017-01-01T00:00:00Z" {
		t.Errorf("Modified %s", got)
	}
	if b.Meta.ShortTitle != b.Meta.Title {
		t.Errorf("ShortTitle %q does not default to the title", b.Meta.ShortTitle)
	}
	ids := map[string]bool{}
	for _, p := range b.Paragraphs() {
		if ids[p.ID] || p.ID == "" {
			t.Errorf("paragraph ID %q empty or repeated", p.ID)
		}
		ids[p.ID] = true
	}
}

// FuzzLoad loads the fixture with one of its Markdown files replaced by
// the fuzzer's input: it must not panic, must return either a book or
// errors, and every error must lie inside its file.
func FuzzLoad(f *testing.F) {
	base := fixture(f)
	names := []string{PrefaceFile, InterviewFile, ColophonFile, EndnotesFile}
	for i, name := range names {
		f.Add(uint8(i), string(base[name].Data))
	}
	f.Add(uint8(1), "# T\n\nAlice: a [^x\n\n<br>\n\n- x\n\n  Bob Martin (y):\\\nz  \nw")
	f.Add(uint8(3), "# N\n\n[^first]: a\n\n    > q\n\n[^second]:\n[^third]: `c`\n[^fourth]: &amp;")
	f.Add(uint8(0), "\xef\xbb\xbf# P\r\n\r\n-- s\x00\xff")
	// Issue 12: URLs, characters and the shapes goldmark is slow on.
	f.Add(uint8(0), "# P\n\n[x](<http://example.com/a|b>) <http://[::1> <http://a%zz> [y](http://a.org/a#b#c) <HTTP://Bücher.example/ß>")
	f.Add(uint8(2), "# C\n\n[m](mailto:a@b.org?subject=x) [j](javascript:x) \u202eevil\u2066 \ufffe")
	f.Add(uint8(1), "# T\n\n"+strings.Repeat("[a](", 200))
	f.Add(uint8(1), "# T\n\n"+strings.Repeat("- ", 20)+"a\n"+strings.Repeat("> 1. ", 5))
	f.Add(uint8(1), "# T\n\nAlice: {a} [b] {c\n\n> {d}\n> e}\n\n# U\n\n— F\n\n> x")
	f.Fuzz(func(t *testing.T, which uint8, src string) {
		fsys := fixture(t)
		fsys[names[int(which)%len(names)]].Data = []byte(src)
		checkPositions(t, fsys)
	})
}

// FuzzMetadata is FuzzLoad for metadata.yaml.
func FuzzMetadata(f *testing.F) {
	base := fixture(f)
	f.Add(string(base[MetadataFile].Data))
	f.Add("slug: [a\nb: c\n")
	f.Add("people:\n  - key: x\n    roles: [zz]\n  - 3\ntranslated: 2017-13\n")
	// Issue 12: values that name files, escapes, lengths, URLs, identifiers.
	f.Add("version: '1.0/../../../victim/pwn2'\nslug: a\n")
	f.Add("title: \"A\\x00B\\e[31mRED\\a\\u2028\\uFEFF\\u202E\\L\\P\\N\\_\\\n  x\\\"\"\nsubtitle: !!str \"\\U0000FFFF\"\n")
	f.Add("title: " + strings.Repeat("x", 300) + "\nsubjects: [" + strings.Repeat("y", 600) + "]\n")
	f.Add("identifier: 'urn:uuid: a b c <x>'\n")
	f.Add("identifier: urn:isbn:978-0-306-40615-8\nmodified: 9999-12-31T23:59:59-01:00\n")
	f.Add("sources:\n  - title: t\n    url: http://[::1\n  - title: u\n    url: https://Bücher.example/\n")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := fixture(t)
		fsys[MetadataFile].Data = []byte(src)
		checkPositions(t, fsys)
	})
}

// checkPositions loads fsys, which must give either a book or errors,
// never both, and checks that every error lies inside its file.
func checkPositions(t *testing.T, fsys fstest.MapFS) {
	t.Helper()
	b, err := FS(fsys)
	if (b == nil) == (err == nil) {
		t.Fatalf("got book %v and error %v", b != nil, err)
	}
	if err == nil {
		return
	}
	list, ok := err.(edition.ErrorList)
	if !ok {
		t.Fatalf("error is a %T", err)
	}
	for _, e := range list {
		file, ok := fsys[e.Pos.File]
		if !ok {
			t.Fatalf("%v: no such file", e)
		}
		if e.Pos.Line == 0 {
			continue // the file as a whole
		}
		lines := strings.Split(string(file.Data), "\n")
		if e.Pos.Line < 1 || e.Pos.Line > len(lines) {
			t.Fatalf("%v: line outside the file's %d lines", e, len(lines))
		}
		width := runeCount(lines[e.Pos.Line-1])
		if e.Pos.Col < 0 || e.Pos.Col > width+1 {
			t.Fatalf("%v: column outside the line's %d characters", e, width)
		}
	}
}

// runeCount counts the characters of s as positions do: an invalid byte
// is one.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// BenchmarkLoad loads the real book (or the fixture when it is absent).
func BenchmarkLoad(b *testing.B) {
	dir := "../../source"
	if _, err := os.Stat(filepath.Join(dir, InterviewFile)); err != nil {
		dir = "testdata/book"
	}
	var size int64
	for _, name := range []string{MetadataFile, PrefaceFile, InterviewFile, ColophonFile, EndnotesFile} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Dir(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadShapes loads interview.md files of pathological shapes at
// growing sizes; the cost per byte should not grow with the size (compare
// the MB/s of the sizes of a shape). The shapes on which goldmark is
// quadratic (runs of unclosed "[a](", link labels over many lines, nested
// list and quote markers) are benchmarked at the densest checkShape lets
// through ("at-limit") and beyond, where they are refused before goldmark
// sees them. The largest size is the limit, MaxMarkdownSize: each shape
// loads at it in seconds of CPU time. Run with -benchtime 1x.
func BenchmarkLoadShapes(b *testing.B) {
	shapes := []struct {
		name string
		unit string
	}{
		{"emphasis", "*a* "},
		{"unclosed-emphasis", "*a "},
		{"soft-breaks", "a\n"},
		{"turns", "Alice: a\n\n"},
		{"brackets", "["},
		{"note-refs", "[^first]"},
		{"bracketed-asides", "Alice: [a] "},
		{"directions", "Alice: {a} b "},
		{"unclosed-directions", "Alice: {a "},
		{"angles", "Alice: <a ["},
		{"quotations", "Alice: a\n\n> b\n\n"},
		{"interviews", "# T\n\nAlice: a\n\n"},
		{"escapes", "&amp;\\*"},
		{"invalid-utf8", "é\xff"},
		{"link-openings", "[a]("},
		{"link-openings-at-limit", "Alice: " + strings.Repeat("[a](", MaxBrackets) + "\n\n"},
		{"link-labels-at-limit", "Alice: " + strings.Repeat("[a]\n", MaxBrackets) + "\n"},
		{"nested-lists", "- "},
		{"nested-lists-at-limit", strings.Repeat("- ", MaxNesting) + "a\n\n"},
		{"nested-quotes-at-limit", strings.Repeat("> ", MaxNesting) + "a\n"},
	}
	for _, s := range shapes {
		for _, size := range []int{64 << 10, 1 << 20, MaxMarkdownSize} {
			b.Run(s.name+"/"+strconv.Itoa(size>>10)+"KiB", func(b *testing.B) {
				fsys := fixture(b)
				src := "# T\n\n" + strings.Repeat(s.unit, size/len(s.unit)) + "\n"
				fsys[InterviewFile].Data = []byte(src)
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					_, _ = FS(fsys)
				}
			})
		}
	}
}

// FuzzURL checks parseURL: an accepted URL's normal form is ASCII, is
// accepted again unchanged, and parses as an absolute URL with Go's own
// parser; mailto is refused where only web URLs are allowed.
func FuzzURL(f *testing.F) {
	for _, s := range []string{
		"http://example.com/a|b", "http://[::1", "http://a%zz", "http://", "https://x.org/a#b#c",
		"HTTP://Bücher.example/straße?q=ü#fuß", "https://[2001:DB8::1]:8080/a%c3%a9",
		"mailto:a@b.org?subject=Ré", "mailto:Carol", "https://a.org:0/", "https://a.org:65535/",
		"http://xn--bcher-kva.example/", "http://a_b.org/", "http://1.2.3.4/", "http://[fe80::1%25en0]/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm, err := parseURL(s, webOrMail)
		if err != nil {
			return
		}
		for i := 0; i < len(norm); i++ {
			if norm[i] >= 0x80 || norm[i] <= 0x20 {
				t.Fatalf("parseURL(%q) = %q: byte %#x", s, norm, norm[i])
			}
		}
		again, err := parseURL(norm, webOrMail)
		if err != nil || again != norm {
			t.Fatalf("parseURL(%q) = %q, but parseURL of that = %q, %v", s, norm, again, err)
		}
		u, err := url.Parse(norm)
		if err != nil || !u.IsAbs() {
			t.Fatalf("parseURL(%q) = %q, which url.Parse reads as %v, %v", s, norm, u, err)
		}
		if _, err := parseURL(s, webOnly); (err == nil) == (u.Scheme == "mailto") {
			t.Fatalf("parseURL(%q, webOnly) = %v", s, err)
		}
	})
}

// TestOptionalParts loads a book that has only its metadata and its
// interview: the preface, the note on the text and the notes are each
// optional, and absent ones are marked so.
func TestOptionalParts(t *testing.T) {
	fsys := fixture(t)
	delete(fsys, PrefaceFile)
	delete(fsys, ColophonFile)
	delete(fsys, EndnotesFile)
	fsys[InterviewFile] = &fstest.MapFile{Data: []byte("# The Interview\n\nAlice: I am glad to talk.\n")}
	b, err := FS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Preface.Absent() || !b.Colophon.Absent() {
		t.Errorf("preface absent %v, colophon absent %v; want both absent", b.Preface.Absent(), b.Colophon.Absent())
	}
	if len(b.Notes) != 0 || b.NotesTitle != nil {
		t.Errorf("notes %d, title %v; want none", len(b.Notes), b.NotesTitle)
	}
	if got := len(b.Paragraphs()); got != 1 {
		t.Errorf("%d paragraphs, want 1", got)
	}
	// The full fixture has every part.
	b, err = FS(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Preface.Absent() || b.Colophon.Absent() {
		t.Error("a part the source has is marked absent")
	}
}

// TestPublisherMetadata reads the optional publishing fields, and the ISBN
// of an urn:isbn: identifier.
func TestPublisherMetadata(t *testing.T) {
	fsys := fixture(t)
	replace(MetadataFile, "trim: a5", `trim: a5
publisher:
  name: Example Press
  place: London
published: 2024-05
isbn: 978-0-306-40615-7
edition: Second edition
series:
  title: Interviews
  number: "3"`)(t, fsys)
	b, err := FS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	m := b.Meta
	want := edition.Metadata{Publisher: edition.Publisher{Name: "Example Press", Place: "London"}, Published: edition.Date{Year: 2024, Month: 5},
		ISBN: "978-0-306-40615-7", EditionStatement: "Second edition", Series: edition.Series{Title: "Interviews", Number: "3"}}
	if m.Publisher != want.Publisher || m.Published != want.Published || m.ISBN != want.ISBN || m.EditionStatement != want.EditionStatement || m.Series != want.Series {
		t.Errorf("got %+v %+v %q %q %+v", m.Publisher, m.Published, m.ISBN, m.EditionStatement, m.Series)
	}
	fsys = fixture(t)
	replaceRE(MetadataFile, `identifier: .*`, "identifier: urn:isbn:978-1-86197-271-2")(t, fsys)
	b, err = FS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if b.Meta.ISBN != "978-1-86197-271-2" {
		t.Errorf("ISBN from the identifier = %q", b.Meta.ISBN)
	}
}

// TestAnyRelator accepts every code of the MARC list.
func TestAnyRelator(t *testing.T) {
	for _, code := range []string{"ctb", "rce", "spk", "pbl"} {
		fsys := fixture(t)
		replace(MetadataFile, "[ivr, aut]", "[ivr, "+code+"]")(t, fsys)
		b, err := FS(fsys)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if !b.Meta.People[1].Has(edition.Role(code)) {
			t.Errorf("%s: roles %v", code, b.Meta.People[1].Roles)
		}
	}
}
