package cite

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"edition/edition"
	"edition/internal/realbook"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// exports are the four citation files, with the golden file of each.
var exports = []struct {
	name, ext string
	write     func(io.Writer, Citation) error
}{
	{"CSL-JSON", "json", CSLJSON},
	{"biblatex", "bib", BibTeX},
	{"RIS", "ris", RIS},
	{"CFF", "cff", CFF},
}

func render(t *testing.T, write func(io.Writer, Citation) error, c Citation) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compares each export of the fixture with its golden file and
// checks that writing twice gives the same bytes.
func TestGolden(t *testing.T) {
	c := Of(fixture())
	for _, e := range exports {
		t.Run(e.name, func(t *testing.T) {
			got := render(t, e.write, c)
			if again := render(t, e.write, Of(fixture())); !bytes.Equal(got, again) {
				t.Error("two writes of the same citation differ")
			}
			path := filepath.Join("testdata", "fixture."+e.ext)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test -update to accept):\n%s", e.name, path, got)
			}
		})
	}
}

// TestExportsFixture, TestExportsAwkward and TestExportsSource parse every
// export back, check it against its format's definition, and check that
// its names, roles, dates and titles are those of the Citation.
func TestExportsFixture(t *testing.T) { checkAll(t, Of(fixture())) }

// TestExportsAwkward uses every character the formats must escape.
func TestExportsAwkward(t *testing.T) {
	b := fixture()
	b.Meta.Title = `50% of {x} & y_z #1 \ ~ ^ $ "quoted": 'single'`
	b.Meta.Subtitle = "Line\nbreak and\ttab, no\u00a0break"
	b.Meta.Slug = "odd slug!"
	b.Meta.People[0].Family = "Smith and Sons, Ltd"
	b.Meta.Description = "}{ unbalanced \\ end\\"
	b.Meta.Sources[0].URL = "http://example.org/a%20b#frag"
	checkAll(t, Of(b))
}

// TestExportsSource checks the exports of the real book.
func TestExportsSource(t *testing.T) {
	c := Of(realbook.Load(t))
	if len(c.Creators) == 0 || len(c.Translators) == 0 || c.Issued.IsZero() || c.Original.IsZero() {
		t.Fatalf("source metadata lacks what a citation needs: %+v", c)
	}
	checkAll(t, c)
}

// record is what every export is read back into, to compare with the
// Citation.
type record struct {
	title       string
	creators    []string // "Family, Given", display order
	translators []string
	issued      string // ISO 8601 to the known precision
	original    string
	language    string
}

func wantRecord(c Citation) record {
	r := record{title: c.FullTitle, issued: c.Issued.String(), original: c.Original.String(), language: c.Language}
	for _, n := range c.Creators {
		r.creators = append(r.creators, risName(n))
	}
	for _, n := range c.Translators {
		r.translators = append(r.translators, risName(n))
	}
	return r
}

func checkAll(t *testing.T, c Citation) {
	want := wantRecord(c)
	// Formats that are data hold no no-break spaces or line breaks.
	flat := func(s string) string { return strings.Join(strings.Fields(plain(s)), " ") }
	compare := func(format string, got record, fields ...string) {
		t.Helper()
		w := want
		for _, f := range fields {
			switch f {
			case "title":
				if flat(got.title) != flat(w.title) {
					t.Errorf("%s title = %q, want %q", format, got.title, w.title)
				}
			case "creators":
				if !slices.Equal(got.creators, w.creators) {
					t.Errorf("%s creators = %q, want %q", format, got.creators, w.creators)
				}
			case "translators":
				if !slices.Equal(got.translators, w.translators) {
					t.Errorf("%s translators = %q, want %q", format, got.translators, w.translators)
				}
			case "issued":
				if got.issued != w.issued {
					t.Errorf("%s issued = %q, want %q", format, got.issued, w.issued)
				}
			case "original":
				if got.original != w.original {
					t.Errorf("%s original date = %q, want %q", format, got.original, w.original)
				}
			case "language":
				if got.language != w.language {
					t.Errorf("%s language = %q, want %q", format, got.language, w.language)
				}
			}
		}
	}
	all := []string{"title", "creators", "translators", "issued", "original", "language"}

	csl := render(t, CSLJSON, c)
	compare("CSL-JSON", parseCSL(t, csl, c), all...)

	bib := render(t, BibTeX, c)
	compare("biblatex", parseBib(t, bib, c), all...)

	ris := render(t, RIS, c)
	r := parseRIS(t, ris)
	// RIS has no original-date tag: the date is in the N1 statement.
	compare("RIS", r, "title", "creators", "translators", "language")
	if r.issued != fmt.Sprint(c.Issued.Year) {
		t.Errorf("RIS PY = %q, want %d", r.issued, c.Issued.Year)
	}
	if !strings.Contains(string(ris), "N1  - "+flat(c.InterviewStatement())+"\r\n") {
		t.Errorf("RIS lacks the interview statement %q", c.InterviewStatement())
	}

	cff := render(t, CFF, c)
	compare("CFF", parseCFF(t, cff, c), "title", "creators", "translators", "language")

	// The recommended citation names the same people, title and dates.
	text := c.Text()
	for _, s := range []string{c.FullTitle, c.Issued.Long(), c.Creators[0].FileAs} {
		if !strings.Contains(text, s) {
			t.Errorf("Text() = %q lacks %q", text, s)
		}
	}
	for _, n := range append(c.Interviewers(), c.Translators...) {
		if !strings.Contains(text, n.Display) {
			t.Errorf("Text() = %q lacks %q", text, n.Display)
		}
	}
	if !strings.Contains(text, longDate(c.Original)) && !strings.Contains(plain(text), fmt.Sprint(c.Original.Year)) {
		t.Errorf("Text() = %q lacks the interview's date", text)
	}
}

// CSL 1.0.2 (csl-data.json): the variables by kind, and the item types.
var (
	cslNameVars = strings.Fields(`author chair collection-editor compiler composer container-author
		contributor curator director editor editorial-director executive-producer guest host
		interviewer illustrator narrator organizer original-author performer producer recipient
		reviewed-author script-writer series-creator translator`)
	cslDateVars   = strings.Fields(`accessed available-date event-date issued original-date submitted`)
	cslNumberVars = strings.Fields(`id chapter-number citation-number collection-number edition
		first-reference-note-number issue locator number number-of-pages number-of-volumes page
		page-first part printing supplement volume`)
	cslStringVars = strings.Fields(`type citation-key language journalAbbreviation shortTitle abstract
		annote archive archive_collection archive_location archive-place authority call-number
		citation-label collection-title container-title container-title-short dimensions division
		DOI event event-title event-place genre ISBN ISSN jurisdiction keyword medium note
		original-publisher original-publisher-place original-title part-title PMCID PMID publisher
		publisher-place references reviewed-genre reviewed-title scale section source status title
		title-short URL version volume-title volume-title-short year-suffix`)
	cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book
		broadcast chapter classic collection dataset document entry entry-dictionary
		entry-encyclopedia event figure graphic hearing interview legal_case legislation manuscript
		map motion_picture musical_score pamphlet paper-conference patent performance periodical
		personal_communication post post-weblog regulation report review review-book software song
		speech standard thesis treaty webpage`)
)

// parseCSL decodes the CSL-JSON, checks every key is a CSL 1.0.2 variable
// holding a value of its kind, and reads the record back.
func parseCSL(t *testing.T, data []byte, c Citation) record {
	t.Helper()
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatalf("CSL-JSON does not parse: %v", err)
	}
	if len(items) != 1 {
		t.Fatalf("CSL-JSON has %d items, want 1", len(items))
	}
	item := items[0]
	var r record
	names := map[string][]string{}
	dates := map[string]string{}
	for key, raw := range item {
		switch {
		case slices.Contains(cslNameVars, key):
			var ns []map[string]any
			if err := json.Unmarshal(raw, &ns); err != nil || len(ns) == 0 {
				t.Errorf("CSL %s is not a list of names: %s", key, raw)
			}
			for _, n := range ns {
				for k, v := range n {
					if _, ok := v.(string); !ok || !slices.Contains([]string{"family", "given", "literal"}, k) {
						t.Errorf("CSL %s has name part %q = %v", key, k, v)
					}
				}
				names[key] = append(names[key], fmt.Sprintf("%s, %s", n["family"], n["given"]))
			}
		case slices.Contains(cslDateVars, key):
			var d struct {
				DateParts [][]int `json:"date-parts"`
			}
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&d); err != nil || len(d.DateParts) != 1 || len(d.DateParts[0]) == 0 || len(d.DateParts[0]) > 3 {
				t.Errorf("CSL %s is not a date: %s", key, raw)
				continue
			}
			p := append(d.DateParts[0], 0, 0)
			dates[key] = edition.Date{Year: p[0], Month: p[1], Day: p[2]}.String()
		case slices.Contains(cslNumberVars, key):
			var v any
			_ = json.Unmarshal(raw, &v)
			switch v.(type) {
			case string, float64:
			default:
				t.Errorf("CSL %s = %s, want a string or number", key, raw)
			}
		case slices.Contains(cslStringVars, key):
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				t.Errorf("CSL %s = %s, want a string", key, raw)
			}
		default:
			t.Errorf("CSL-JSON key %q is not a CSL 1.0.2 variable", key)
		}
	}
	var typ, id string
	_ = json.Unmarshal(item["type"], &typ)
	_ = json.Unmarshal(item["id"], &id)
	if !slices.Contains(cslTypes, typ) || id == "" {
		t.Errorf("CSL type %q, id %q: want a CSL type and an id", typ, id)
	}
	_ = json.Unmarshal(item["title"], &r.title)
	_ = json.Unmarshal(item["language"], &r.language)
	r.creators = append(names["author"], names["interviewer"]...)
	r.translators = names["translator"]
	r.issued, r.original = dates["issued"], dates["original-date"]
	return r
}

// bibEntry is a biblatex entry as the little parser below reads it.
type bibEntry struct {
	typ, key string
	fields   map[string]string
	order    []string
}

// parseBibEntry reads one biblatex entry: @type{key, name = {value}, …}.
// Values are brace-delimited; a backslash escapes the next character;
// braces must balance inside each value and in the entry.
func parseBibEntry(src string) (*bibEntry, error) {
	s := strings.TrimSpace(src)
	m := regexp.MustCompile(`^@([a-zA-Z]+)\{([^,\s{}]+),\s*`).FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Errorf("no entry head in %.40q", s)
	}
	e := &bibEntry{typ: strings.ToLower(m[1]), key: m[2], fields: map[string]string{}}
	s = s[len(m[0]):]
	fieldHead := regexp.MustCompile(`^([a-z]+)\s*=\s*\{`)
	for {
		s = strings.TrimLeft(s, " \t\n")
		if s == "}" {
			return e, nil
		}
		fm := fieldHead.FindStringSubmatch(s)
		if fm == nil {
			return nil, fmt.Errorf("no field at %.40q", s)
		}
		s = s[len(fm[0]):]
		depth, end := 1, -1
		for i := 0; i < len(s) && end < 0; i++ {
			switch s[i] {
			case '\\':
				i++
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					end = i
				}
			}
		}
		if end < 0 {
			return nil, fmt.Errorf("field %s: unbalanced braces", fm[1])
		}
		if _, dup := e.fields[fm[1]]; dup {
			return nil, fmt.Errorf("field %s twice", fm[1])
		}
		e.fields[fm[1]] = s[:end]
		e.order = append(e.order, fm[1])
		s = s[end+1:]
		if !strings.HasPrefix(s, ",") {
			return nil, fmt.Errorf("field %s not followed by a comma", fm[1])
		}
		s = s[1:]
	}
}

// texUnescape undoes texEscape and a protecting pair of braces.
func texUnescape(s string) string {
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && !strings.HasSuffix(s, `\}`) {
		s = s[1 : len(s)-1]
	}
	return strings.NewReplacer(`\textbackslash{}`, `\`, `\textasciitilde{}`, "~", `\textasciicircum{}`, "^",
		`\{`, "{", `\}`, "}", `\&`, "&", `\%`, "%", `\$`, "$", `\#`, "#", `\_`, "_", "~", "\u00a0").Replace(s)
}

// biblatex's data model: the fields this package may write.
var bibFields = strings.Fields(`author title subtitle shorttitle translator foreword annotator editor
	date origdate langid language origlanguage origtitle version note addendum abstract`)

func parseBib(t *testing.T, data []byte, c Citation) record {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("}\n")) || !strings.HasPrefix(string(data), "@book{") {
		t.Errorf("biblatex entry is not one @book: %.60q", data)
	}
	e, err := parseBibEntry(string(data))
	if err != nil {
		t.Fatalf("biblatex does not parse: %v\n%s", err, data)
	}
	for _, f := range e.order {
		if !slices.Contains(bibFields, f) {
			t.Errorf("biblatex field %q is not one this package means to write", f)
		}
	}
	if e.key == "" || strings.ContainsAny(e.key, " !{}") {
		t.Errorf("biblatex key %q", e.key)
	}
	splitNames := func(f string) []string {
		if e.fields[f] == "" {
			return nil
		}
		var out []string
		// Split at " and " outside braces, as biber does.
		v, depth, start := e.fields[f], 0, 0
		for i := 0; i < len(v); i++ {
			switch v[i] {
			case '\\':
				i++
			case '{':
				depth++
			case '}':
				depth--
			case ' ':
				if depth == 0 && strings.HasPrefix(v[i:], " and ") {
					out = append(out, texUnescape(v[start:i]))
					start = i + len(" and ")
				}
			}
		}
		return append(out, texUnescape(v[start:]))
	}
	r := record{
		title:       texUnescape(e.fields["title"]),
		creators:    splitNames("author"),
		translators: splitNames("translator"),
		issued:      e.fields["date"],
		original:    e.fields["origdate"],
	}
	// A family name with a comma or " and " in it is braced whole.
	for i, n := range r.creators {
		r.creators[i] = strings.Replace(strings.TrimPrefix(n, "{"), "}, ", ", ", 1)
	}
	if st := texUnescape(e.fields["subtitle"]); st != "" {
		r.title += ": " + st
	}
	if e.fields["langid"] == bibLanguage(c.Language) && e.fields["langid"] != "" {
		r.language = c.Language
	}
	return r
}

var risLine = regexp.MustCompile(`^[A-Z][A-Z0-9]  - `)

func parseRIS(t *testing.T, data []byte) record {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Error("RIS does not end with CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var r record
	for i, l := range lines {
		if !risLine.MatchString(l) || strings.ContainsAny(l, "\r\n") {
			t.Errorf("RIS line %d %q is not TAG  - value", i+1, l)
			continue
		}
		tag, value := l[:2], l[6:]
		switch {
		case i == 0 && tag != "TY", i == len(lines)-1 && l != "ER  - ", tag == "ER" && i != len(lines)-1:
			t.Errorf("RIS line %d %q: want TY first and ER last", i+1, l)
		case tag != "ER" && value == "":
			t.Errorf("RIS line %d %q has no value", i+1, l)
		}
		switch tag {
		case "TI":
			r.title = value
		case "AU":
			r.creators = append(r.creators, value)
		case "A4":
			r.translators = append(r.translators, value)
		case "PY":
			r.issued = value
		case "LA":
			r.language = value
		}
	}
	return r
}

// CFF 1.2.0 (schema.json): the keys of the file, of a reference and of a
// person.
var (
	cffKeys = strings.Fields(`abstract authors cff-version commit contact date-released doi identifiers
		keywords license license-url message preferred-citation references repository
		repository-artifact repository-code title type url version`)
	cffReferenceKeys = strings.Fields(`abbreviation abstract authors collection-doi collection-title
		collection-type commit conference contact copyright data-type database database-provider
		date-accessed date-downloaded date-published date-released department doi edition editors
		editors-series end entry filename format identifiers institution isbn issn issue issue-date
		issue-title journal keywords languages license license-url loc-end loc-start location medium
		month nihmsid notes number number-volumes pages patent-states pmcid publisher recipients
		repository repository-artifact repository-code scope section senders start status term
		thesis-type title translators type url version volume volume-title year year-original`)
	cffPersonKeys = strings.Fields(`address affiliation alias city country email family-names fax
		given-names name-particle name-suffix orcid post-code region tel website`)
)

func parseCFF(t *testing.T, data []byte, c Citation) record {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("CFF does not parse as YAML: %v", err)
	}
	for _, k := range []string{"cff-version", "message", "title", "authors"} {
		if doc[k] == nil {
			t.Errorf("CFF lacks required key %q", k)
		}
	}
	if doc["cff-version"] != "1.2.0" || doc["message"] != CFFMessage {
		t.Errorf("CFF cff-version %v, message %v", doc["cff-version"], doc["message"])
	}
	if typ := doc["type"]; typ != "software" && typ != "dataset" {
		t.Errorf("CFF type %v, want software or dataset", typ)
	}
	checkKeys := func(where string, m map[string]any, allowed []string) {
		for k := range m {
			if !slices.Contains(allowed, k) {
				t.Errorf("CFF %s has key %q, which CFF 1.2.0 does not define", where, k)
			}
		}
	}
	people := func(where string, v any) []string {
		list, ok := v.([]any)
		if !ok || len(list) == 0 {
			t.Errorf("CFF %s is not a non-empty list: %v", where, v)
			return nil
		}
		var out []string
		for _, p := range list {
			pm, _ := p.(map[string]any)
			checkKeys(where, pm, cffPersonKeys)
			out = append(out, fmt.Sprintf("%v, %v", pm["family-names"], pm["given-names"]))
		}
		return out
	}
	checkKeys("file", doc, cffKeys)
	authors := people("authors", doc["authors"])
	pc, _ := doc["preferred-citation"].(map[string]any)
	checkKeys("preferred-citation", pc, cffReferenceKeys)
	for _, k := range []string{"type", "title", "authors"} {
		if pc[k] == nil {
			t.Errorf("CFF preferred-citation lacks required key %q", k)
		}
	}
	if pcAuthors := people("preferred-citation authors", pc["authors"]); !slices.Equal(pcAuthors, authors) {
		t.Errorf("CFF preferred-citation authors %q, file authors %q", pcAuthors, authors)
	}
	if pc["year"] != c.Issued.Year || pc["year-original"] != c.Original.Year {
		t.Errorf("CFF year %v, year-original %v; want %d, %d", pc["year"], pc["year-original"], c.Issued.Year, c.Original.Year)
	}
	refs, _ := doc["references"].([]any)
	if len(refs) != len(c.Sources) {
		t.Errorf("CFF has %d references, want %d sources", len(refs), len(c.Sources))
	}
	for i, ref := range refs {
		rm, _ := ref.(map[string]any)
		checkKeys("reference", rm, cffReferenceKeys)
		if rm["title"] != c.Sources[i].Title || rm["type"] == nil {
			t.Errorf("CFF reference %d = %v, want source %q", i, rm, c.Sources[i].Title)
		}
		people(fmt.Sprintf("reference %d authors", i), rm["authors"])
	}
	r := record{creators: authors}
	r.title, _ = doc["title"].(string)
	if pc["translators"] != nil {
		r.translators = people("translators", pc["translators"])
	}
	if langs, _ := pc["languages"].([]any); len(langs) == 1 {
		r.language, _ = langs[0].(string)
	}
	return r
}

// TestPandocReadsBack has pandoc's own readers (citeproc's data model) read
// the CSL-JSON and the biblatex entry, and compares what they understood.
func TestPandocReadsBack(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc not installed")
	}
	c := Of(fixture())
	want := wantRecord(c)
	for _, tc := range []struct {
		from  string
		write func(io.Writer, Citation) error
	}{{"csljson", CSLJSON}, {"biblatex", BibTeX}} {
		cmd := exec.Command("pandoc", "-f", tc.from, "-t", "csljson")
		cmd.Stdin = bytes.NewReader(render(t, tc.write, c))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pandoc -f %s: %v", tc.from, err)
		}
		got := parseCSL(t, out, c)
		// pandoc's biblatex reader has no interviewer: every creator is an
		// author there, as the entry says.
		if got.title != want.title || !slices.Equal(got.creators, want.creators) ||
			!slices.Equal(got.translators, want.translators) || got.issued != want.issued || got.original != want.original {
			t.Errorf("pandoc -f %s read\n%+v\nwant\n%+v", tc.from, got, want)
		}
	}
}

func TestTexEscape(t *testing.T) {
	in := "a\\b{c}&%$#_~^\u00a0é"
	got := texEscape(in)
	if want := `a\textbackslash{}b\{c\}\&\%\$\#\_\textasciitilde{}\textasciicircum{}~é`; got != want {
		t.Errorf("texEscape = %q, want %q", got, want)
	}
	if back := texUnescape(got); back != in {
		t.Errorf("texUnescape(texEscape(x)) = %q, want %q", back, in)
	}
}

func TestYAMLQuote(t *testing.T) {
	for _, s := range []string{"plain", `a "b" \c`, "line\nbreak\ttab", "no\u00a0break", "yes", "1.0", "\x01\u2028", "#: - ? {"} {
		var got string
		if err := yaml.Unmarshal([]byte("v: "+yamlQuote(s)), &struct {
			V *string `yaml:"v"`
		}{&got}); err != nil || got != s {
			t.Errorf("yamlQuote(%q) read back as %q, %v", s, got, err)
		}
	}
}
