package cite

import (
	"bytes"
	"encoding/json"
	"errors"
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
	"edition/internal/cffschema"
	"edition/internal/realbook"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with the golden file at path, or rewrites the file
// with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
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
		t.Errorf("%s differs (run go test -update to accept):\n%s", path, got)
	}
}

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
			golden(t, path, got)
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
	// Formats that are data hold no no-break spaces or line breaks; pandoc's
	// biblatex reader curls straight single quotes, so quotes compare
	// straight.
	flat := func(s string) string {
		return strings.NewReplacer("‘", "'", "’", "'").Replace(strings.Join(strings.Fields(plain(s)), " "))
	}
	compare := func(t *testing.T, format string, got record, fields ...string) {
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
	compare(t, "CSL-JSON", parseCSL(t, csl, c), all...)

	// pandoc reads the biblatex entry: what it understood must be the
	// citation. (Its reader maps langid to a locale of its own choosing,
	// so the language is not compared.)
	t.Run("biblatex read by pandoc", func(t *testing.T) {
		compare(t, "biblatex", pandocBib(t, render(t, BibTeX, c), c), "title", "creators", "translators", "issued", "original")
	})

	ris := render(t, RIS, c)
	r := parseRIS(t, ris)
	// RIS has no original-date tag: the date is in the N1 statement.
	compare(t, "RIS", r, "title", "creators", "translators", "language")
	if r.issued != fmt.Sprint(c.Issued.Year) {
		t.Errorf("RIS PY = %q, want %d", r.issued, c.Issued.Year)
	}
	if c.InterviewStatement() != "" && !strings.Contains(string(ris), "N1  - "+flat(c.InterviewStatement())+"\r\n") {
		t.Errorf("RIS lacks the interview statement %q", c.InterviewStatement())
	}

	cff := render(t, CFF, c)
	// CFF's languages are ISO 639 codes only (the schema's pattern is
	// ^[a-z]{2,3}$): en-GB is en there.
	gotCFF := parseCFF(t, cff, c)
	compare(t, "CFF", gotCFF, "title", "creators", "translators")
	if gotCFF.language != cffLanguage(c.Language) {
		t.Errorf("CFF language = %q, want %q", gotCFF.language, cffLanguage(c.Language))
	}
	t.Run("CFF schema", func(t *testing.T) { validateCFF(t, cff) })

	// The recommended citation names the same people, title and dates.
	text := c.Text()
	year := c.Issued.Long() // with a publisher, the year alone
	if c.Publisher != "" {
		year = fmt.Sprint(c.Issued.Year)
	}
	for _, s := range []string{c.FullTitle, year, c.Creators[0].FileAs} {
		if !strings.Contains(text, s) {
			t.Errorf("Text() = %q lacks %q", text, s)
		}
	}
	for _, n := range append(c.Interviewers(), c.Translators...) {
		if !strings.Contains(text, n.Display) {
			t.Errorf("Text() = %q lacks %q", text, n.Display)
		}
	}
	if c.InterviewStatement() != "" && !strings.Contains(text, longDate(c.Original)) && !strings.Contains(plain(text), fmt.Sprint(c.Original.Year)) {
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

// texUnescape undoes texEscape and a protecting pair of braces.
func texUnescape(s string) string {
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && !strings.HasSuffix(s, `\}`) {
		s = s[1 : len(s)-1]
	}
	return strings.NewReplacer(`\textbackslash{}`, `\`, `\textasciitilde{}`, "~", `\textasciicircum{}`, "^",
		`\{`, "{", `\}`, "}", `\&`, "&", `\%`, "%", `\$`, "$", `\#`, "#", `\_`, "_", "~", "\u00a0").Replace(s)
}

// pandocBib has pandoc read a biblatex entry (pandoc -f biblatex -t
// csljson) and reads the record back from the CSL-JSON it makes, or skips
// the test, naming pandoc, where pandoc is not installed.
func pandocBib(t *testing.T, data []byte, c Citation) record {
	t.Helper()
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc not installed (apt-get install -y pandoc): the biblatex entry is not read back")
	}
	if !bytes.HasSuffix(data, []byte("}\n")) || !strings.HasPrefix(string(data), "@book{") {
		t.Errorf("biblatex entry is not one @book: %.60q", data)
	}
	cmd := exec.Command("pandoc", "-f", "biblatex", "-t", "csljson")
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc cannot read the biblatex entry: %v\n%s\n%s", err, stderr.String(), data)
	}
	return parseCSL(t, out, c)
}

// validateCFF validates a CITATION.cff against the official CFF 1.2.0
// schema, or skips the test, naming the schema, where it is not installed.
func validateCFF(t *testing.T, data []byte) {
	t.Helper()
	s, err := cffschema.Load()
	if errors.Is(err, cffschema.ErrMissing) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := s.Validate(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		t.Errorf("CITATION.cff breaks the CFF 1.2.0 schema: %s", m)
	}
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

func parseCFF(t *testing.T, data []byte, c Citation) record {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("CFF does not parse as YAML: %v", err)
	}
	// What the schema requires and allows is checked by validateCFF; this
	// reads the values back.
	if doc["cff-version"] != "1.2.0" || doc["message"] != CFFMessage {
		t.Errorf("CFF cff-version %v, message %v", doc["cff-version"], doc["message"])
	}
	if typ := doc["type"]; typ != "software" && typ != "dataset" {
		t.Errorf("CFF type %v, want software or dataset", typ)
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
			out = append(out, fmt.Sprintf("%v, %v", pm["family-names"], pm["given-names"]))
		}
		return out
	}
	authors := people("authors", doc["authors"])
	pc, _ := doc["preferred-citation"].(map[string]any)
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

// TestPandocReadsBack has pandoc's own reader (citeproc's data model) read
// the CSL-JSON, and compares what it understood. (checkAll has pandoc read
// the biblatex entry.)
func TestPandocReadsBack(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc not installed")
	}
	c := Of(fixture())
	want := wantRecord(c)
	for _, tc := range []struct {
		from  string
		write func(io.Writer, Citation) error
	}{{"csljson", CSLJSON}} {
		cmd := exec.Command("pandoc", "-f", tc.from, "-t", "csljson")
		cmd.Stdin = bytes.NewReader(render(t, tc.write, c))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pandoc -f %s: %v", tc.from, err)
		}
		got := parseCSL(t, out, c)
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
