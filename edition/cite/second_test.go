package cite

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"edition/edition"
	"edition/internal/testbook"
)

func second() *edition.Book { return &edition.Book{Meta: testbook.Second()} }

// TestSecondOf: the book with no translator, an editor, a participant
// without a role, a publisher and an ISBN.
func TestSecondOf(t *testing.T) {
	c := Of(second())
	for _, tc := range []struct{ what, got, want string }{
		{"creators", keys(c.Creators), "durand,ng"},
		{"contributors", keys(c.Contributors), "akesson,marsh"},
		{"participants", keys(c.Participants), "akesson"},
		{"translators", keys(c.Translators), ""},
		{"issued", c.Issued.String(), "2024-05-02"},
		{"isbn13", c.ISBN13, "9780306406157"},
		{"with", c.WithLine(), "With Björn Åkesson"},
		{"imprint", c.Imprint(), "London: Example Press, 2024"},
		{"series", c.SeriesStatement(), "Conversations 3"},
		{"marsh", c.Contributors[1].RoleSummary(), "Editor, preface and notes"},
		{"credit", c.TranslationCredit(), ""},
		{"text", c.Text(), "Durand, Claire. A Conversation at Aldeburgh: Claire Durand talks to Peter Ng. " +
			"Interview by Peter Ng, Aldeburgh, 14\u00a0June 1962. Second edition. Conversations 3. " +
			"London: Example Press, 2024. Version 1.0.0. ISBN 978-0-306-40615-7. urn:uuid:3f0c2a9e-1b4d-4e8f-9a7c-6d5e4f3a2b1c."},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.what, tc.got, tc.want)
		}
	}
}

// TestCitationYear: the year is the publication's, else the translation's,
// else the interview's.
func TestCitationYear(t *testing.T) {
	b := second()
	b.Meta.Translated = edition.Date{Year: 2020}
	if got := Of(b).Issued.String(); got != "2024-05-02" {
		t.Errorf("with a publication date: %s", got)
	}
	b.Meta.Published = edition.Date{}
	if got := Of(b).Issued.String(); got != "2020" {
		t.Errorf("with a translation date: %s", got)
	}
	b.Meta.Translated = edition.Date{}
	c := Of(b)
	if got := c.Issued.String(); got != "1962-06-14" {
		t.Errorf("with only the interview's date: %s", got)
	}
	for _, e := range exports {
		if out := string(render(t, e.write, c)); !strings.Contains(out, "1962") {
			t.Errorf("%s has no year:\n%s", e.name, out)
		}
	}
	if !strings.Contains(c.Text(), "Version 1.0.0, 14\u00a0June 1962.") && !strings.Contains(c.Text(), "London: Example Press, 1962.") {
		t.Errorf("How to cite has no year: %s", c.Text())
	}
}

// TestCreatorFallback: with nobody in a creator role, the first person with
// a role (the editor of a collection) is the creator.
func TestCreatorFallback(t *testing.T) {
	b := second()
	b.Meta.People = []edition.Person{
		{Key: "akesson", Name: "Björn Åkesson"},
		{Key: "marsh", Name: "Ruth Marsh", Roles: []edition.Role{edition.Editor}},
		{Key: "x", Name: "Xavier Lee", Roles: []edition.Role{"rce"}},
	}
	c := Of(b)
	if len(c.Creators) != 1 || c.Creators[0].Key != "marsh" || len(c.Contributors) != 2 {
		t.Errorf("creators %+v, contributors %+v", c.Creators, c.Contributors)
	}
	if got := c.Contributors[1].RoleSummary(); got != "Recording engineer" {
		t.Errorf("rce is labelled %q", got)
	}
	checkAll(t, c)
}

func TestSecondExports(t *testing.T) {
	c := Of(second())
	checkAll(t, c)
	for _, e := range exports {
		t.Run(e.name, func(t *testing.T) {
			got := render(t, e.write, c)
			path := filepath.Join("testdata", "second."+e.ext)
			golden(t, path, got)
		})
	}

	var items []map[string]any
	if err := json.Unmarshal(render(t, CSLJSON, c), &items); err != nil {
		t.Fatal(err)
	}
	it := items[0]
	for k, want := range map[string]string{"publisher": "Example Press", "publisher-place": "London", "ISBN": "978-0-306-40615-7",
		"edition": "Second edition", "collection-title": "Conversations", "collection-number": "3", "language": "en-GB"} {
		if it[k] != want {
			t.Errorf("CSL %s = %v, want %q", k, it[k], want)
		}
	}
	if _, ok := it["translator"]; ok {
		t.Error("CSL names a translator")
	}
	if ed, _ := json.Marshal(it["editor"]); string(ed) != `[{"family":"Marsh","given":"Ruth"}]` {
		t.Errorf("CSL editor = %s", ed)
	}
	if ctb, _ := json.Marshal(it["contributor"]); string(ctb) != `[{"family":"Åkesson","given":"Björn"}]` {
		t.Errorf("CSL contributor = %s", ctb)
	}

	bib := string(render(t, BibTeX, c))
	for _, want := range []string{"publisher    = {Example Press}", "location     = {London}", "isbn         = {978-0-306-40615-7}",
		"date         = {2024-05-02}", "edition      = {Second edition}", "series       = {{Conversations}}", "number       = {3}", "editor       = {Marsh, Ruth}"} {
		if !strings.Contains(bib, want) {
			t.Errorf("biblatex lacks %q:\n%s", want, bib)
		}
	}
	ris := string(render(t, RIS, c))
	for _, want := range []string{"PB  - Example Press\r\n", "CY  - London\r\n", "SN  - 978-0-306-40615-7\r\n", "PY  - 2024\r\n", "DA  - 2024/05/02/\r\n",
		"ET  - Second edition\r\n", "T3  - Conversations\r\n", "SV  - 3\r\n", "LA  - en-GB\r\n", "N1  - Version 1.0.0\r\n"} {
		if !strings.Contains(ris, want) {
			t.Errorf("RIS lacks %q:\n%s", want, ris)
		}
	}
	var cff map[string]any
	if err := yaml.Unmarshal(render(t, CFF, c), &cff); err != nil {
		t.Fatal(err)
	}
	pc := cff["preferred-citation"].(map[string]any)
	if pub, _ := pc["publisher"].(map[string]any); pub["name"] != "Example Press" || pub["city"] != "London" {
		t.Errorf("CFF publisher = %v", pc["publisher"])
	}
	for k, want := range map[string]any{"isbn": "978-0-306-40615-7", "date-published": "2024-05-02", "edition": "Second edition", "collection-title": "Conversations 3", "year": 2024} {
		if pc[k] != want {
			t.Errorf("CFF preferred-citation %s = %v, want %v", k, pc[k], want)
		}
	}
	ids, _ := yaml.Marshal(cff["identifiers"])
	if !strings.Contains(string(ids), "urn:isbn:9780306406157") {
		t.Errorf("CFF identifiers lack the ISBN:\n%s", ids)
	}
}

// TestSecondPandocReadsBack has pandoc read the CSL-JSON and the biblatex
// entry of the second book and checks the publishing facts it understood.
func TestSecondPandocReadsBack(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc not installed")
	}
	c := Of(second())
	for _, tc := range []struct {
		from  string
		write func(w *bytes.Buffer) error
	}{
		{"csljson", func(w *bytes.Buffer) error { return CSLJSON(w, c) }},
		{"biblatex", func(w *bytes.Buffer) error { return BibTeX(w, c) }},
	} {
		var in bytes.Buffer
		if err := tc.write(&in); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("pandoc", "-f", tc.from, "-t", "csljson")
		cmd.Stdin = &in
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pandoc -f %s: %v", tc.from, err)
		}
		var items []map[string]any
		if err := json.Unmarshal(out, &items); err != nil || len(items) != 1 {
			t.Fatalf("pandoc -f %s: %v\n%s", tc.from, err, out)
		}
		for k, want := range map[string]string{"publisher": "Example Press", "publisher-place": "London", "ISBN": "978-0-306-40615-7"} {
			if items[0][k] != want {
				t.Errorf("pandoc -f %s: %s = %v, want %q", tc.from, k, items[0][k], want)
			}
		}
		if iss, _ := json.Marshal(items[0]["issued"]); !strings.Contains(string(iss), "2024") {
			t.Errorf("pandoc -f %s: issued = %s", tc.from, iss)
		}
	}
}

// TestISBNIdentifier: an urn:isbn: identifier is the ISBN in every format's
// own field, not a note, and is not repeated.
func TestISBNIdentifier(t *testing.T) {
	b := second()
	b.Meta.Identifier = "urn:isbn:978-0-306-40615-7"
	c := Of(b)
	csl := string(render(t, CSLJSON, c))
	if !strings.Contains(csl, `"ISBN": "978-0-306-40615-7"`) || strings.Contains(csl, "Identifier:") {
		t.Errorf("CSL-JSON:\n%s", csl)
	}
	if strings.Count(c.Text(), "978-0-306-40615-7") != 1 || strings.Contains(c.Text(), "urn:isbn") {
		t.Errorf("Text() = %q", c.Text())
	}
	cff := string(render(t, CFF, c))
	if strings.Count(cff, "urn:isbn:") != 2 { // the identifier, at the top and in preferred-citation
		t.Errorf("CFF:\n%s", cff)
	}
}
