package load

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"edition/edition"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden loads a manuscript and compares a dump of its model with a
// golden file: the small fixture in testdata/book, the real book and the
// second book (a collection of two interviews, testdata/books/second).
func TestGolden(t *testing.T) {
	for _, tc := range []struct{ name, dir, golden string }{
		{"fixture", "testdata/book", "testdata/book.golden"},
		{"source", "../../source", "testdata/source.golden"},
		{"collection", "../../testdata/books/second", "testdata/collection.golden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(tc.dir, InterviewFile)); err != nil {
				t.Skipf("no manuscript in %s", tc.dir)
			}
			b, err := Dir(tc.dir)
			if err != nil {
				t.Fatalf("Dir(%q):\n%v", tc.dir, err)
			}
			got := Dump(b)
			if *update {
				if err := os.WriteFile(tc.golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(tc.golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("dump differs from %s (go test -update to accept):\n%s", tc.golden, diff(string(want), got))
			}
		})
	}
}

// diff shows the first lines where want and got differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			out = append(out, "line "+strconv.Itoa(i+1)+":\n  want "+wl+"\n  got  "+gl)
			if len(out) == 5 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// fixture returns the files of testdata/book as a MapFS to edit.
func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{MetadataFile, PrefaceFile, InterviewFile, ColophonFile, EndnotesFile} {
		data, err := os.ReadFile(filepath.Join("testdata/book", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// edit changes one file of a fixture.
type edit func(t testing.TB, fsys fstest.MapFS)

// set replaces the whole of a file.
func set(name, content string) edit {
	return func(t testing.TB, fsys fstest.MapFS) {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
}

// replace replaces the one occurrence of old in a file by new.
func replace(name, old, new string) edit {
	return func(t testing.TB, fsys fstest.MapFS) {
		t.Helper()
		s := string(fsys[name].Data)
		if strings.Count(s, old) != 1 {
			t.Fatalf("%s: %q occurs %d times, want once", name, old, strings.Count(s, old))
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
	}
}

// replaceRE replaces the one match of the regular expression re in a file
// by new.
func replaceRE(name, re, new string) edit {
	return func(t testing.TB, fsys fstest.MapFS) {
		t.Helper()
		rx := regexp.MustCompile(re)
		s := string(fsys[name].Data)
		if n := len(rx.FindAllStringIndex(s, -1)); n != 1 {
			t.Fatalf("%s: %q matches %d times, want once", name, re, n)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(rx.ReplaceAllLiteralString(s, new))}
	}
}

// remove deletes a file.
func remove(name string) edit {
	return func(t testing.TB, fsys fstest.MapFS) { delete(fsys, name) }
}

// TestBadInput checks that each kind of bad input is reported with its
// exact message and position, and nothing else.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits []edit
		want  []string
	}{
		// Notes.
		{"note not defined",
			[]edit{replace(InterviewFile, "talk.[^third]", "talk.[^third] Again[^nope].")},
			[]string{"interview.md:3:40: note [^nope] is referenced but not defined in endnotes.md"}},
		{"note never referenced",
			[]edit{replace(InterviewFile, "[^third]", "")},
			[]string{"endnotes.md:9:1: note [^third] is defined but never referenced"}},
		{"note referenced twice",
			[]edit{replace(ColophonFile, "1935.[^fourth]", "1935.[^fourth] See[^first].")},
			[]string{"colophon.md:3:36: note [^first] is referenced twice (first at preface.md:4:35)"}},
		{"note defined twice",
			[]edit{replace(EndnotesFile, "[^third]: Third.", "[^third]: Third.\n\n[^first]: Again.")},
			[]string{"endnotes.md:11:1: note [^first] is defined twice (first at endnotes.md:5:1)"}},
		{"note reference inside a note",
			[]edit{replace(EndnotesFile, "Third.", "Third.[^first]")},
			[]string{"endnotes.md:9:17: note reference [^first] in endnotes.md is not allowed: notes are referenced from the text"}},
		{"note reference in the title of the notes",
			[]edit{replace(EndnotesFile, "# Notes", "# Notes[^first]")},
			[]string{"endnotes.md:1:8: note reference [^first] in endnotes.md is not allowed: notes are referenced from the text"}},
		{"note definition outside endnotes",
			[]edit{replace(ColophonFile, "1935.[^fourth]", "1935.[^fourth]\n\n[^extra]: Not here.")},
			[]string{"colophon.md:5:1: note definition [^extra] outside endnotes.md"}},
		{"text outside a note",
			[]edit{replace(EndnotesFile, "    Its second", "Its second")},
			[]string{"endnotes.md:7:1: text outside a note: a note begins [^label]: and its later paragraphs are indented by four spaces"}},
		{"malformed note reference",
			[]edit{replace(PrefaceFile, "by both", "by [^both")},
			[]string{"preface.md:6:34: malformed note reference: [^ without ]"}},
		{"bad note label",
			[]edit{replace(ColophonFile, "[^fourth]", "[^fourth][^a.b]")},
			[]string{`colophon.md:3:32: note label "a.b": use letters, digits, - and _`}},

		// Speakers.
		{"unknown speaker",
			[]edit{replace(InterviewFile, "Bob Martin (stands):", "Bob Marten (stands):")},
			[]string{`interview.md:5:1: unknown speaker "Bob Marten" (speakers are the speaker fields of metadata.yaml)`}},
		{"unknown speaker without direction",
			[]edit{replace(InterviewFile, "Alice (smiling):", "M. Rolland:")},
			[]string{`interview.md:9:1: unknown speaker "M. Rolland" (speakers are the speaker fields of metadata.yaml)`}},
		{"text before the first turn",
			[]edit{replace(InterviewFile, "Alice: I am", "Once I am")},
			[]string{"interview.md:3:1: text before the first turn: the interview's first paragraph must begin with a speaker's label (Name: …)"}},
		{"empty stage direction",
			[]edit{replace(InterviewFile, "(stands)", "( )")},
			[]string{"interview.md:5:1: empty stage direction"}},
		{"label without text",
			[]edit{replace(InterviewFile, "Alice (smiling): *Yes*.", "Alice (smiling):")},
			[]string{`interview.md:9:1: speaker label "Alice" without text`}},

		// Empty and missing files, titles.
		{"empty preface", []edit{set(PrefaceFile, "")}, []string{
			"endnotes.md:3:1: note [^second] is defined but never referenced",
			"endnotes.md:5:1: note [^first] is defined but never referenced",
			"preface.md:1:1: file is empty"}},
		{"blank interview", []edit{set(InterviewFile, " \n\n\t\n")}, []string{
			"endnotes.md:9:1: note [^third] is defined but never referenced",
			"interview.md:1:1: file is empty"}},
		{"colophon without text", []edit{set(ColophonFile, "# Note on the Text\n")}, []string{
			"colophon.md:1:1: the colophon has no text",
			"endnotes.md:11:1: note [^fourth] is defined but never referenced"}},
		{"interview without text", []edit{set(InterviewFile, "# The Interview\n"), replace(EndnotesFile, "\n[^third]: Third.\n", "")}, []string{
			"interview.md:1:1: the interview has no text"}},
		{"endnotes without notes", []edit{set(EndnotesFile, "# Notes\n")}, []string{
			"colophon.md:3:23: note [^fourth] is referenced but not defined in endnotes.md",
			"endnotes.md:1:1: no notes: define each as [^label]: text",
			"interview.md:3:26: note [^third] is referenced but not defined in endnotes.md",
			"preface.md:4:35: note [^first] is referenced but not defined in endnotes.md",
			"preface.md:6:18: note [^second] is referenced but not defined in endnotes.md"}},
		// Without endnotes.md every reference is to a note not defined;
		// without colophon.md its note is never referenced.
		{"missing endnotes", []edit{remove(EndnotesFile)}, []string{
			"colophon.md:3:23: note [^fourth] is referenced but not defined in endnotes.md",
			"interview.md:3:26: note [^third] is referenced but not defined in endnotes.md",
			"preface.md:4:35: note [^first] is referenced but not defined in endnotes.md",
			"preface.md:6:18: note [^second] is referenced but not defined in endnotes.md"}},
		{"missing colophon", []edit{remove(ColophonFile)}, []string{"endnotes.md:11:1: note [^fourth] is defined but never referenced"}},
		{"missing interview", []edit{remove(InterviewFile)}, []string{"interview.md: missing file"}},
		{"missing metadata", []edit{remove(MetadataFile)}, []string{"metadata.yaml: missing file"}},
		{"missing heading",
			[]edit{replace(ColophonFile, "# Note on the Text\n\n", "")},
			[]string{"colophon.md:1:1: missing title: the file must begin with a level-1 heading (# Title)"}},
		{"heading not first",
			[]edit{replace(PrefaceFile, "# Preface\n", "Hello.\n\n# Preface\n")},
			[]string{
				"preface.md:1:1: missing title: the file must begin with a level-1 heading (# Title)",
				"preface.md:3:1: a second level-1 heading: each file has one title"}},
		{"sub-heading",
			[]edit{replace(PrefaceFile, "\n-- Carol", "\n## Part\n\n-- Carol")},
			[]string{"preface.md:8:1: sub-heading (level 2) is not allowed"}},
		{"signature not last",
			[]edit{replace(PrefaceFile, "It was", "-- It was")},
			[]string{"preface.md:6:1: a signature (-- …) must be the last paragraph"}},

		// Characters.
		{"invalid UTF-8",
			[]edit{replace(InterviewFile, "That's fine.", "That's f\xffine.")},
			[]string{"interview.md:5:30: invalid UTF-8"}},
		{"invalid UTF-8 after a multi-byte character",
			[]edit{replace(PrefaceFile, "Moscou", "Mosc\xc3ou")},
			[]string{"preface.md:3:24: invalid UTF-8"}},
		{"control character",
			[]edit{replace(ColophonFile, "Reviewed", "Re\x01viewed")},
			[]string{"colophon.md:3:3: control character U+0001 is not allowed"}},
		{"lone carriage return",
			[]edit{replace(ColophonFile, "Reviewed 28", "Reviewed\r28")},
			[]string{"colophon.md:3:9: carriage return without line feed is not allowed: end lines with LF or CR LF"}},
		{"CR LF line ends are fine but a tab-indented line is code",
			[]edit{replace(ColophonFile, "# Note on the Text\n\n", "# Note on the Text\r\n\r\n\tcode\r\n\r\n")},
			[]string{"colophon.md:3:2: code block (a line indented by four spaces) is not allowed"}},
		{"character reference",
			[]edit{replace(ColophonFile, "28 June", "28&nbsp;June")},
			[]string{"colophon.md:3:12: character reference &nbsp; is not allowed: type the character itself"}},

		// Markup with no meaning here.
		{"raw HTML block",
			[]edit{replace(PrefaceFile, "\n-- Carol", "\n<div>x</div>\n\n-- Carol")},
			[]string{"preface.md:8:1: raw HTML is not allowed"}},
		{"HTML comment block",
			[]edit{replace(PrefaceFile, "\n-- Carol", "\n<!-- todo -->\n\n-- Carol")},
			[]string{"preface.md:8:1: HTML comment is not allowed"}},
		{"inline br",
			[]edit{replace(InterviewFile, "That's fine.", "That's<br>fine.")},
			[]string{"interview.md:5:28: raw HTML <br> is not allowed"}},
		{"inline comment",
			[]edit{replace(InterviewFile, "That's fine.", "That's <!-- x --> fine.")},
			[]string{"interview.md:5:29: HTML comment is not allowed"}},
		{"inline span",
			[]edit{replace(InterviewFile, "*Yes*", `<span class="x">Yes</span>`)},
			[]string{
				`interview.md:9:18: raw HTML <span class="x"> is not allowed`,
				"interview.md:9:37: raw HTML </span> is not allowed"}},
		{"list",
			[]edit{replace(ColophonFile, "[^fourth]", "[^fourth]\n\n- A list")},
			[]string{`colophon.md:5:1: list is not allowed (to begin a line with a number and a dot or with -, escape it: 1935\. or \-)`}},
		{"numbered list",
			[]edit{replace(ColophonFile, "Reviewed 28 June 1935.[^fourth]", "Reviewed.[^fourth]\n\n1935. A year.")},
			[]string{`colophon.md:5:1: list is not allowed (to begin a line with a number and a dot or with -, escape it: 1935\. or \-)`}},
		{"block quote",
			[]edit{replace(PrefaceFile, "\n-- Carol", "\n> Quoted.\n\n-- Carol")},
			[]string{"preface.md:8:1: block quote is not allowed here: a quotation (>) stands only within a turn of interview.md"}},
		{"indented code",
			[]edit{replace(PrefaceFile, "\n-- Carol", "\n    code\n\n-- Carol")},
			[]string{"preface.md:8:5: code block (a line indented by four spaces) is not allowed"}},
		{"fenced code",
			[]edit{replace(PrefaceFile, "\n-- Carol", "\n```\ncode\n```\n\n-- Carol")},
			[]string{"preface.md:8:1: code block is not allowed"}},
		{"code span",
			[]edit{replace(InterviewFile, "glad", "`glad`")},
			[]string{"interview.md:3:13: code span is not allowed"}},
		{"image",
			[]edit{replace(InterviewFile, "glad", "![glad](http://x.org/a.png)")},
			[]string{"interview.md:3:13: image is not allowed"}},
		{"thematic break",
			[]edit{replace(PrefaceFile, "\n-- Carol", "\n***\n\n-- Carol")},
			[]string{"preface.md:8:1: thematic break is not allowed"}},
		{"hard line break with spaces",
			[]edit{replace(PrefaceFile, "and\n[the", "and  \n[the")},
			[]string{"preface.md:3:75: hard line break is not allowed: a paragraph is one run of text"}},
		{"hard line break with backslash",
			[]edit{replace(PrefaceFile, "and\n[the", "and\\\n[the")},
			[]string{"preface.md:3:75: hard line break is not allowed: a paragraph is one run of text"}},
		{"strong emphasis",
			[]edit{replace(InterviewFile, "*Yes*", "**Yes**")},
			[]string{"interview.md:9:18: strong emphasis (**…**) is not allowed: use *…*"}},
		{"link reference definition",
			[]edit{replace(ColophonFile, "1935.[^fourth]", "1935.[^fourth]\n\n[x]: http://example.org/")},
			[]string{"colophon.md:5:1: link reference definition is not allowed: write [text](URL)"}},
		{"link to a file",
			[]edit{replace(PrefaceFile, "(https://example.org/x)", "(page.html)")},
			[]string{`preface.md:4:1: link to "page.html" is not allowed: only http://, https:// and mailto: links and lang: spans`}},
		{"mail autolink",
			[]edit{replace(PrefaceFile, "<http://www.example.org/a_b>", "<me@example.org>")},
			[]string{`preface.md:3:43: link to "me@example.org" is not allowed: write <mailto:me@example.org>`}},
		{"bad language tag",
			[]edit{replace(PrefaceFile, "(lang:fr)", "(lang:french!)")},
			[]string{`preface.md:3:10: language tag "french!" is not a BCP 47 tag`}},
		{"link title",
			[]edit{replace(PrefaceFile, "(https://example.org/x)", `(https://example.org/x "T")`)},
			[]string{"preface.md:4:1: link title is not allowed"}},

		// Metadata.
		{"malformed YAML",
			[]edit{replace(MetadataFile, "version: 0.1.0", "version: [0.1.0")},
			[]string{"metadata.yaml:4: malformed YAML: did not find expected ',' or ']'"}},
		{"unknown key",
			[]edit{replace(MetadataFile, "subtitle:", "subtitel:")},
			[]string{`metadata.yaml:8:1: unknown key "subtitel"`}},
		{"unknown person key",
			[]edit{replace(MetadataFile, "    family: Example\n", "    family: Example\n    email: a@b\n")},
			[]string{`metadata.yaml:15:5: unknown key "people[]:email"`}},
		{"key given twice",
			[]edit{replace(MetadataFile, "trim: a5", "trim: a5\ntrim: a5")},
			[]string{`metadata.yaml:40:1: key "trim" given twice`}},
		{"required field missing",
			[]edit{replace(MetadataFile, "title: A Test Conversation\n", "")},
			[]string{`metadata.yaml:2:1: required field "title" is missing`}},
		{"required field empty",
			[]edit{replace(MetadataFile, "rights: All rights reserved.", "rights:")},
			[]string{`metadata.yaml:35:8: required field "rights" is empty`}},
		{"person without name",
			[]edit{replace(MetadataFile, "    name: Carol Writer\n", "")},
			[]string{`metadata.yaml:21:5: required field "people[]:name" is missing`}},
		{"bad date",
			[]edit{replace(MetadataFile, "date: 1935-06-28", "date: 28 June 1935")},
			[]string{`metadata.yaml:25:9: date "28 June 1935": must be YYYY, YYYY-MM or YYYY-MM-DD`}},
		{"impossible date",
			[]edit{replace(MetadataFile, "date: 1935-06-28", "date: 1935-02-30")},
			[]string{`metadata.yaml:25:9: date "1935-02-30" does not exist`}},
		{"unknown role",
			[]edit{replace(MetadataFile, "[ivr, aut]", "[ivr, author]")},
			[]string{`metadata.yaml:20:18: unknown role "author": not a MARC relator code; did you mean aut (Author)?`}},
		{"unknown role near a code",
			[]edit{replace(MetadataFile, "[ivr, aut]", "[ivr, edr]")},
			[]string{`metadata.yaml:20:18: unknown role "edr": not a MARC relator code; did you mean edc (Editor of compilation) or edd (Editorial director) or edm (Editor of moving image work) or edt (Editor)?`}},
		{"unknown role by its term",
			[]edit{replace(MetadataFile, "[ivr, aut]", "[ivr, translator]")},
			[]string{`metadata.yaml:20:18: unknown role "translator": not a MARC relator code; did you mean trl (Translator)?`}},
		{"role twice",
			[]edit{replace(MetadataFile, "[ivr, aut]", "[ivr, ivr]")},
			[]string{`metadata.yaml:20:18: role "ivr" given twice`}},
		{"bad isbn",
			[]edit{replace(MetadataFile, "trim: a5", "trim: a5\nisbn: 978-0-306-40615-8")},
			[]string{`metadata.yaml:40:7: isbn "978-0-306-40615-8": the ISBN-13's check digit is wrong`}},
		{"isbn-10",
			[]edit{replace(MetadataFile, "trim: a5", "trim: a5\nisbn: 0-306-40615-2")},
			[]string{`metadata.yaml:40:7: isbn "0-306-40615-2": an ISBN-10; give the edition's ISBN-13 (978…)`}},
		{"isbn not the identifier's",
			[]edit{replace(MetadataFile, "trim: a5", "trim: a5\nisbn: 978-0-306-40615-7"), replaceRE(MetadataFile, `identifier: .*`, "identifier: urn:isbn:9781861972712")},
			[]string{`metadata.yaml:40:7: isbn "978-0-306-40615-7" is not the ISBN of the identifier "urn:isbn:9781861972712" (line 3)`}},
		{"no year to cite",
			[]edit{replace(MetadataFile, "translated: 2017\n", ""), replace(MetadataFile, "  date: 1935-06-28\n", "")},
			[]string{`metadata.yaml:2:1: no date to cite the book by: give published (the edition's date), translated or interview.date (interviews[].date)`}},
		{"placeholder",
			[]edit{replace(MetadataFile, "trim: a5", "trim: a5\npublisher:\n  name: \"TODO: the publisher\"")},
			[]string{`metadata.yaml:41:9: placeholder not replaced: publisher.name (TODO: the publisher)`}},
		{"bad trim",
			[]edit{replace(MetadataFile, "trim: a5", "trim: a4")},
			[]string{`metadata.yaml:39:7: trim "a4": must be one of 5.5x8.5in, a5, 6x9in`}},
		{"bad modified",
			[]edit{replace(MetadataFile, "modified: 2017-01-01T00:00:00Z", "modified: 2017-01-01")},
			[]string{`metadata.yaml:38:11: modified "2017-01-01": must be an RFC 3339 time such as 2017-01-01T00:00:00Z`}},
		{"bad slug",
			[]edit{replace(MetadataFile, "slug: test-book", "slug: Test Book")},
			[]string{`metadata.yaml:2:7: slug "Test Book": use lower-case letters, digits and -`}},
		{"speaker given twice",
			[]edit{replace(MetadataFile, "speaker: Bob Martin", "speaker: Alice")},
			[]string{
				`interview.md:5:1: unknown speaker "Bob Martin" (speakers are the speaker fields of metadata.yaml)`,
				`metadata.yaml:19:14: speaker "Alice" given twice (first at line 15)`}},
		{"metadata empty", []edit{set(MetadataFile, "\n")}, []string{"metadata.yaml:1:1: file is empty"}},
		{"metadata not a mapping", []edit{set(MetadataFile, "- a\n- b\n")}, []string{"metadata.yaml:1:1: metadata must be a mapping of keys to values"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantErrors(t, tc.edits, tc.want) })
	}
}

// wantErrors loads the fixture changed by edits and checks that it fails
// with exactly the errors want, in order.
func wantErrors(t *testing.T, edits []edit, want []string) {
	t.Helper()
	fsys := fixture(t)
	for _, e := range edits {
		e(t, fsys)
	}
	b, err := FS(fsys)
	if err == nil {
		t.Fatalf("no error; want\n%s", strings.Join(want, "\n"))
	}
	if b != nil {
		t.Errorf("a book was returned with the error")
	}
	list, ok := err.(edition.ErrorList)
	if !ok {
		t.Fatalf("error is a %T, want edition.ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
