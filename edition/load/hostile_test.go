package load

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"edition/edition"
)

// TestHostileInput checks that absurd and hostile values are each reported
// with their exact message and position (issue 12). Every case is small:
// none takes more than milliseconds.
func TestHostileInput(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	for _, tc := range []struct {
		name  string
		edits []edit
		want  []string
	}{
		// Values that name files.
		{"version escaping the output folder",
			[]edit{replace(MetadataFile, "version: 0.1.0", "version: '1.0/../../../victim/pwn2'")},
			[]string{`metadata.yaml:4:10: version "1.0/../../../victim/pwn2": use letters and digits, joined by single dots, hyphens, plus signs or underscores (as in 1.0.0 or 2.1-rc1)`}},
		{"version with a backslash",
			[]edit{replace(MetadataFile, "version: 0.1.0", `version: 1.0\x`)},
			[]string{`metadata.yaml:4:10: version "1.0\\x": use letters and digits, joined by single dots, hyphens, plus signs or underscores (as in 1.0.0 or 2.1-rc1)`}},
		{"version too long",
			[]edit{replace(MetadataFile, "version: 0.1.0", "version: "+long(65))},
			[]string{`metadata.yaml:4:10: version is 65 characters long; the limit is 64`}},
		{"slug too long",
			[]edit{replace(MetadataFile, "slug: test-book", "slug: "+long(101))},
			[]string{`metadata.yaml:2:7: slug is 101 characters long; the limit is 100`}},

		// Lengths.
		{"title too long",
			[]edit{replace(MetadataFile, "title: A Test Conversation", "title: "+long(251))},
			[]string{`metadata.yaml:7:8: title is 251 characters long; the limit is 250`}},
		{"subtitle too long",
			[]edit{replace(MetadataFile, "subtitle: The Official Text", "subtitle: "+strings.Repeat("é", 251))},
			[]string{`metadata.yaml:8:11: subtitle is 251 characters long; the limit is 250`}},
		{"heading too long",
			[]edit{replace(ColophonFile, "# Note on the Text", "# Note "+long(246))},
			[]string{`colophon.md:1:1: title is 251 characters long; the limit is 250`}},
		{"heading at the limit",
			[]edit{replace(ColophonFile, "# Note on the Text", "# Note *"+long(245)+"*")},
			nil},
		{"speaker label too long",
			[]edit{replace(MetadataFile, "speaker: Alice", "speaker: "+long(101))},
			[]string{
				`interview.md:3:1: unknown speaker "Alice" (speakers are the speaker fields of metadata.yaml)`,
				`interview.md:9:1: unknown speaker "Alice" (speakers are the speaker fields of metadata.yaml)`,
				`metadata.yaml:15:14: people[].speaker is 101 characters long; the limit is 100`}},
		{"too many people",
			[]edit{replace(MetadataFile, "people:\n", "people:\n"+extraPeople(98))},
			[]string{`metadata.yaml:119:5: more than 100 people`}},
		{"place too long",
			[]edit{replace(MetadataFile, "place: Moscow", "place: "+long(501))},
			[]string{`metadata.yaml:26:10: interview.place is 501 characters long; the limit is 500`}},
		{"subject too long",
			[]edit{replace(MetadataFile, "subjects: [Tests, Interviews]", "subjects: [Tests, "+long(501)+"]")},
			[]string{`metadata.yaml:37:19: subjects[] is 501 characters long; the limit is 500`}},

		// Characters, typed as YAML escapes and as themselves.
		{"control characters as escapes",
			[]edit{replace(MetadataFile, "title: A Test Conversation", `title: "A\x00B\e[31mRED\a"`)},
			[]string{
				`metadata.yaml:7:10: control character U+0000 is not allowed (written as the escape \x00)`,
				`metadata.yaml:7:15: control character U+001B is not allowed (written as the escape \e)`,
				`metadata.yaml:7:24: control character U+0007 is not allowed (written as the escape \a)`}},
		{"separators, BOM and bidi override as escapes",
			[]edit{replace(MetadataFile, "subtitle: The Official Text", `subtitle: "a\u2028b\uFEFFc\u202Ed\Le\r"`)},
			[]string{
				`metadata.yaml:8:13: U+2028 line or paragraph separator is not allowed (written as the escape \u2028)`,
				`metadata.yaml:8:20: byte order mark (U+FEFF) is not allowed (written as the escape \uFEFF)`,
				`metadata.yaml:8:27: bidirectional control U+202E is not allowed (written as the escape \u202E)`,
				`metadata.yaml:8:34: U+2028 line or paragraph separator is not allowed (written as the escape \L)`,
				`metadata.yaml:8:37: carriage return (U+000D) is not allowed (written as the escape \r)`}},
		{"escape in a nested value and a tagged one",
			[]edit{replace(MetadataFile, "place: Moscow", `place: !!str "Mos\x85cow"`)},
			[]string{`metadata.yaml:26:20: control character U+0085 is not allowed (written as the escape \x85)`}},
		{"bidi override typed as itself",
			[]edit{replace(MetadataFile, "title: A Test", "title: A \u202eTest")},
			[]string{`metadata.yaml:7:10: bidirectional control U+202E is not allowed`}},
		{"bidi isolate in Markdown",
			[]edit{replace(InterviewFile, "That's fine.", "That's \u2067fine.")},
			[]string{`interview.md:5:29: bidirectional control U+2067 is not allowed`}},
		{"noncharacter in Markdown",
			[]edit{replace(InterviewFile, "That's fine.", "That's \uFFFEfine.")},
			[]string{`interview.md:5:29: noncharacter U+FFFE is not allowed`}},
		{"allowed escapes",
			[]edit{replace(MetadataFile, "title: A Test Conversation", `title: "A\_Test \"Conversation\" \\ \u00e9\t"`),
				replace(MetadataFile, "place: Moscow", "place: Mos\\x00cow")},
			nil},

		// Dates.
		{"modified before 1980",
			[]edit{replace(MetadataFile, "modified: 2017-01-01T00:00:00Z", "modified: 1979-12-31T23:59:59Z")},
			[]string{`metadata.yaml:38:11: modified "1979-12-31T23:59:59Z": 1979-12-31T23:59:59Z is outside the dates every format can carry (1980-01-01T00:00:00Z to 9999-12-31T23:59:59Z)`}},
		{"modified past 9999",
			[]edit{replace(MetadataFile, "modified: 2017-01-01T00:00:00Z", "modified: 9999-12-31T23:59:59-01:00")},
			[]string{`metadata.yaml:38:11: modified "9999-12-31T23:59:59-01:00": 10000-01-01T00:59:59Z is outside the dates every format can carry (1980-01-01T00:00:00Z to 9999-12-31T23:59:59Z)`}},

		// Identifiers.
		{"identifier: UUID with spaces",
			[]edit{replace(MetadataFile, "urn:uuid:00000000-0000-4000-8000-000000000000", "'urn:uuid: a b c <x>'")},
			[]string{`metadata.yaml:3:13: identifier "urn:uuid: a b c <x>": not a UUID: write urn:uuid: and 32 hexadecimal digits as 8-4-4-4-12`}},
		{"identifier: UUID too short",
			[]edit{replace(MetadataFile, "0000-4000-8000-000000000000", "0000-4000-8000-00000000000")},
			[]string{`metadata.yaml:3:13: identifier "urn:uuid:00000000-0000-4000-8000-00000000000": not a UUID: write urn:uuid: and 32 hexadecimal digits as 8-4-4-4-12`}},
		{"identifier: ISBN with a wrong check digit",
			[]edit{replace(MetadataFile, "urn:uuid:00000000-0000-4000-8000-000000000000", "urn:isbn:978-0-306-40615-8")},
			[]string{`metadata.yaml:3:13: identifier "urn:isbn:978-0-306-40615-8": the ISBN-13's check digit is wrong`}},
		{"identifier: ISBN-10 with a wrong check digit",
			[]edit{replace(MetadataFile, "urn:uuid:00000000-0000-4000-8000-000000000000", "urn:isbn:0-306-40615-3")},
			[]string{`metadata.yaml:3:13: identifier "urn:isbn:0-306-40615-3": the ISBN-10's check digit is wrong`}},
		{"identifier: not a URI",
			[]edit{replace(MetadataFile, "urn:uuid:00000000-0000-4000-8000-000000000000", "my book")},
			[]string{`metadata.yaml:3:13: identifier "my book": must be a URI such as urn:uuid:… or urn:isbn:…`}},
		{"identifier: URI with a space",
			[]edit{replace(MetadataFile, "urn:uuid:00000000-0000-4000-8000-000000000000", "https://example.org/a b")},
			[]string{`metadata.yaml:3:13: identifier "https://example.org/a b": character ' ' is not allowed in a URI`}},
		{"identifier: ISBN and other URIs are fine",
			[]edit{replace(MetadataFile, "urn:uuid:00000000-0000-4000-8000-000000000000", "urn:isbn:0-306-40615-2")},
			nil},
		{"identifier: a DOI is fine",
			[]edit{replace(MetadataFile, "urn:uuid:00000000-0000-4000-8000-000000000000", "https://doi.org/10.1000/182")},
			nil},

		// URLs of the metadata.
		{"source URL with a bar",
			[]edit{replace(MetadataFile, "http://www.example.org/voyage", "http://example.com/a|b")},
			[]string{`metadata.yaml:34:10: url "http://example.com/a|b": character '|' is not allowed in a URL: write it as %7C`}},
		{"source URL mailto",
			[]edit{replace(MetadataFile, "http://www.example.org/voyage", "mailto:a@example.org")},
			[]string{`metadata.yaml:34:10: url "mailto:a@example.org": only http:// and https:// URLs are allowed`}},

		// URLs of the Markdown.
		{"link with {}", []edit{replace(PrefaceFile, "(https://example.org/x)", "(<https://example.org/{x}>)")},
			[]string{`preface.md:4:1: link to "https://example.org/{x}": character '{' is not allowed in a URL: write it as %7B`}},
		{"link with ^", []edit{replace(PrefaceFile, "(https://example.org/x)", "(https://example.org/x^y)")},
			[]string{`preface.md:4:1: link to "https://example.org/x^y": character '^' is not allowed in a URL: write it as %5E`}},
		{"link with a backslash", []edit{replace(PrefaceFile, "(https://example.org/x)", `(<https://example.org/a\b>)`)},
			[]string{`preface.md:4:1: link to "https://example.org/a\\b": character '\\' is not allowed in a URL: write it as %5C`}},
		{"link without host", []edit{replace(PrefaceFile, "(https://example.org/x)", "(http://)")},
			[]string{`preface.md:4:1: link to "http://": URL without a host`}},
		{"link with two #", []edit{replace(PrefaceFile, "(https://example.org/x)", "(http://example.org/a#b#c)")},
			[]string{`preface.md:4:1: link to "http://example.org/a#b#c": more than one # in URL`}},
		{"autolink with an unclosed IPv6 host", []edit{replace(PrefaceFile, "<http://www.example.org/a_b>", "<http://[::1>")},
			[]string{`preface.md:3:43: link to "http://[::1": not a valid URL: missing ']' in host`}},
		{"autolink with a bad escape", []edit{replace(PrefaceFile, "<http://www.example.org/a_b>", "<http://a%zz>")},
			[]string{`preface.md:3:43: link to "http://a%zz": % in URL not followed by two hexadecimal digits: write a percent sign as %25`}},
		{"autolink with a bar", []edit{replace(PrefaceFile, "<http://www.example.org/a_b>", "<http://example.com/a|b>")},
			[]string{`preface.md:3:43: link to "http://example.com/a|b": character '|' is not allowed in a URL: write it as %7C`}},
		{"link with a bad port", []edit{replace(PrefaceFile, "(https://example.org/x)", "(https://example.org:99999/x)")},
			[]string{`preface.md:4:1: link to "https://example.org:99999/x": port "99999" is not a port number`}},
		{"link with a user", []edit{replace(PrefaceFile, "(https://example.org/x)", "(https://example.org@evil.example/x)")},
			[]string{`preface.md:4:1: link to "https://example.org@evil.example/x": URL with a user name is not allowed`}},
		{"link with a bad host", []edit{replace(PrefaceFile, "(https://example.org/x)", "(https://exa$mple.org/x)")},
			[]string{`preface.md:4:1: link to "https://exa$mple.org/x": host "exa$mple.org" is not a valid domain name`}},
		{"javascript link", []edit{replace(PrefaceFile, "(https://example.org/x)", "(javascript:alert(1))")},
			[]string{`preface.md:4:1: link to "javascript:alert(1)": only http://, https:// and mailto: URLs are allowed`}},
		{"bad mailto", []edit{replace(PrefaceFile, "(https://example.org/x)", "(mailto:Carol)")},
			[]string{`preface.md:4:1: link to "mailto:Carol": mailto address "Carol" is not a plain e-mail address`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.want == nil {
				fsys := fixture(t)
				for _, e := range tc.edits {
					e(t, fsys)
				}
				if _, err := FS(fsys); err != nil {
					t.Fatalf("want no error, got\n%v", err)
				}
				return
			}
			wantErrors(t, tc.edits, tc.want)
		})
	}
}

// TestURLsNormalised checks that every URL is stored in the one form the
// editions write: scheme and host in lower case, the host in punycode,
// every character beyond ASCII percent-encoded, escapes in upper case.
func TestURLsNormalised(t *testing.T) {
	fsys := fixture(t)
	replace(PrefaceFile, "<http://www.example.org/a_b>", "<HTTP://Bücher.example/straße?q=ü#fuß>")(t, fsys)
	replace(PrefaceFile, "(https://example.org/x)", "(https://[2001:DB8::1]:8080/a%c3%a9)")(t, fsys)
	replace(ColophonFile, "Reviewed", "[Write](mailto:carol@example.org?subject=Ré) Reviewed")(t, fsys)
	replace(MetadataFile, "http://www.example.org/voyage", "https://EXAMPLE.org/voyage/à")(t, fsys)
	b, err := FS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range b.Paragraphs() {
		edition.Walk(p.Content, func(in edition.Inline) bool {
			if l, ok := in.(*edition.Link); ok {
				got = append(got, l.URL)
				if t2, ok := l.Content[0].(*edition.Text); ok && strings.HasPrefix(t2.Text, "http") && t2.Text != l.URL {
					t.Errorf("link %s shows %q", l.URL, t2.Text)
				}
			}
			return true
		})
	}
	got = append(got, b.Meta.Sources[0].URL)
	want := []string{
		"http://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC#fu%C3%9F",
		"https://[2001:db8::1]:8080/a%C3%A9",
		"mailto:carol@example.org?subject=R%C3%A9",
		"http://www.example.org/", // in a note, already normal
		"https://example.org/voyage/%C3%A0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("URLs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A URL already in normal form is left as it is.
	for _, u := range []string{"http://www.example.org/a_b", "https://example.org/x?a=1&b=2#top", "https://example.org/%7Euser/(x)"} {
		if norm, err := parseURL(u, webOrMail); err != nil || norm != u {
			t.Errorf("parseURL(%q) = %q, %v", u, norm, err)
		}
	}
}

// TestSpecialFiles checks that a source that is not a regular file, or
// is too large, is refused without being read to its end.
func TestSpecialFiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		file *fstest.MapFile
		want string
	}{
		{"directory", &fstest.MapFile{Mode: fs.ModeDir}, "interview.md: is a directory, not a file"},
		{"named pipe", &fstest.MapFile{Mode: fs.ModeNamedPipe}, "interview.md: is a named pipe, not a regular file"},
		{"device", &fstest.MapFile{Mode: fs.ModeDevice | fs.ModeCharDevice}, "interview.md: is a device, not a regular file"},
		{"too large", &fstest.MapFile{Data: make([]byte, MaxMarkdownSize+1)}, "interview.md: file is larger than the limit of 8 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixture(t)
			fsys[InterviewFile] = tc.file
			_, err := FS(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
	// A file that says it is small but reads without end (as a file that
	// grows while it is read) is cut off at the limit.
	fsys := endless{fixture(t)}
	_, err := FS(fsys)
	if want := "interview.md: file is larger than the limit of 8 MiB"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %s", err, want)
	}
	// metadata.yaml has its own limit.
	fsys2 := fixture(t)
	fsys2[MetadataFile] = &fstest.MapFile{Data: []byte("# " + strings.Repeat("x", MaxMetadataSize))}
	if _, err := FS(fsys2); err == nil || !strings.Contains(err.Error(), "metadata.yaml: file is larger than the limit of 64 KiB") {
		t.Errorf("got %v", err)
	}
}

// TestReadAll checks that a file is read whole whether it holds the size
// it says it has, more or less, and never past the limit.
func TestReadAll(t *testing.T) {
	const data = "0123456789"
	for _, size := range []int64{-1, 0, 5, 9, 10, 11, 100} {
		got, err := readAll(strings.NewReader(data), size, 100)
		if err != nil || string(got) != data {
			t.Errorf("size %d: got %q, %v; want %q", size, got, err, data)
		}
	}
	for _, size := range []int64{0, 3, 10} {
		got, err := readAll(strings.NewReader(data), size, 4)
		if err != nil || string(got) != data[:4] {
			t.Errorf("size %d, limit 4: got %q, %v; want %q", size, got, err, data[:4])
		}
	}
}

// endless serves interview.md as a regular file of 10 bytes whose reads
// never end.
type endless struct{ fstest.MapFS }

func (e endless) Open(name string) (fs.File, error) {
	f, err := e.MapFS.Open(name)
	if err != nil || name != InterviewFile {
		return f, err
	}
	return endlessFile{f}, nil
}

type endlessFile struct{ fs.File }

func (endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestPathologicalShapes checks that the shapes of Markdown on which
// goldmark is quadratic are refused before goldmark reads them, at the
// first character past the limit, and that the limits leave room.
func TestPathologicalShapes(t *testing.T) {
	para := strings.Repeat("[a](", MaxBrackets)
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"link openings", "# T\n\n" + strings.Repeat("[a](", 65536),
			[]string{"interview.md:3:401: more than 100 [ in one paragraph"}},
		{"link labels over lines", "# T\n\n" + strings.Repeat("[a]\n", 50) + "\n" + strings.Repeat("[a]\n", 101),
			[]string{"interview.md:154:1: more than 100 [ in one paragraph"}},
		{"nested list markers", "# T\n\n" + strings.Repeat("- ", 100000) + "a",
			[]string{"interview.md:3:17: more than 8 block quote or list markers begin this line"}},
		{"nested quotes and numbers", "# T\n\n" + strings.Repeat(">1. ", 5) + "\n",
			[]string{"interview.md:3:17: more than 8 block quote or list markers begin this line"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantErrors(t, []edit{set(InterviewFile, tc.src)}, tc.want)
		})
	}
	// At the limits, goldmark reads the file (and reports what it sees).
	wantErrors(t, []edit{set(InterviewFile, "# T\n\nAlice: "+para+"\n\n"+strings.Repeat("- ", MaxNesting)+"a\n")}, []string{
		"endnotes.md:9:1: note [^third] is defined but never referenced",
		"interview.md:5:1: list is not allowed (to begin a line with a number and a dot or with -, escape it: 1935\\. or \\-)",
	})
}

// extraPeople writes n people of metadata, one a line.
func extraPeople(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("  - {key: k" + strconv.Itoa(i) + ", name: N}\n")
	}
	return b.String()
}
