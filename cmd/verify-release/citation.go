package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"edition/internal/cffschema"
)

// citeData is what the agreement check compares, from one source.
type citeData struct {
	source      string // for messages: "CSL-JSON", "CITATION.cff", …
	title       string
	creators    []string // family names
	translators []string // family names; nil when the source gives none
}

// parseCitations parses the four citation files, one check each, and
// returns what each says when it parsed.
func parseCitations(rel *release) ([]citeData, []result) {
	var data []citeData
	var results []result
	for _, p := range []struct {
		check, file string
		parse       func(string, []byte, *checker) *citeData
	}{
		{"csl-json", rel.slug + ".json", parseCSL},
		{"cff", "CITATION.cff", parseCFF},
		{"bibtex", rel.slug + ".bib", parseBib},
		{"ris", rel.slug + ".ris", parseRIS},
	} {
		c := &checker{result: result{name: p.check}}
		b, err := os.ReadFile(rel.path(p.file))
		if err != nil {
			c.fail("%v", err)
		} else if d := p.parse(p.file, b, c); d != nil {
			// Compared even when the file breaks a rule of its format,
			// as long as it was read.
			data = append(data, *d)
			c.summary = fmt.Sprintf("%s parses: %q by %s", p.file, d.title, strings.Join(d.creators, ", "))
		}
		results = append(results, c.result)
	}
	return data, results
}

// CSL-JSON (the schema csl-data.json of citation-style-language/schema):
// the item types, and the kind of value of each variable.
var cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book
	broadcast chapter classic collection dataset document entry entry-dictionary entry-encyclopedia
	event figure graphic hearing interview legal_case legislation manuscript map motion_picture
	musical_score pamphlet paper-conference patent performance periodical personal_communication
	post post-weblog regulation report review review-book software song speech standard thesis
	treaty webpage`)

const (
	cslString = iota
	cslStringOrNumber
	cslNames
	cslDate
	cslStrings
	cslObject
)

var cslVars = func() map[string]int {
	m := map[string]int{"categories": cslStrings, "custom": cslObject}
	for _, v := range strings.Fields(`author chair collection-editor compiler composer container-author
		contributor curator director editor editorial-director executive-producer guest host interviewer
		illustrator narrator organizer original-author performer producer recipient reviewed-author
		script-writer series-creator translator`) {
		m[v] = cslNames
	}
	for _, v := range strings.Fields(`accessed available-date container event-date issued original-date submitted`) {
		m[v] = cslDate
	}
	for _, v := range strings.Fields(`id chapter-number citation-number collection-number edition
		first-reference-note-number issue locator number number-of-pages number-of-volumes page
		page-first part printing supplement volume`) {
		m[v] = cslStringOrNumber
	}
	for _, v := range strings.Fields(`type language journalAbbreviation shortTitle abstract annote archive
		archive_collection archive_location archive-place authority call-number citation-key
		citation-label collection-title container-title container-title-short dimensions division DOI
		event event-title event-place genre ISAN ISBN ISCI ISMN ISRC ISSN ISWC jurisdiction keyword
		medium note original-publisher original-publisher-place original-title part-title PMCID PMID
		publisher publisher-place references reviewed-genre reviewed-title scale section source status
		title title-short translated-title translated-title-short URL version year-suffix`) {
		m[v] = cslString
	}
	return m
}()

var cslNameKeys = map[string]bool{"family": true, "given": true, "dropping-particle": true, "non-dropping-particle": true,
	"suffix": true, "comma-suffix": true, "static-ordering": true, "literal": true, "parse-names": true}

var cslDateKeys = map[string]bool{"date-parts": true, "season": true, "circa": true, "literal": true, "raw": true, "edtf": true}

// cslCreatorVars are the name variables counted as creators (dc:creator):
// the others (translator, editor, editors of a container, …) are
// contributors. An editor is a dc:contributor beside the authors of a
// book; a book whose editor is its creator cites the editor as author.
var cslCreatorVars = []string{"author", "interviewer", "composer", "director", "illustrator", "performer", "organizer", "chair", "curator", "compiler"}

// parseCSL checks a CSL-JSON file: an array of item objects, each with id,
// type, title, author and issued, every variable one the schema defines
// with a value of its kind.
func parseCSL(file string, b []byte, c *checker) *citeData {
	var items []map[string]any
	if err := json.Unmarshal(b, &items); err != nil {
		if se, ok := err.(*json.SyntaxError); ok {
			line := 1 + strings.Count(string(b[:min(int(se.Offset), len(b))]), "\n")
			c.fail("%s:%d: not JSON: %v", file, line, err)
		} else {
			c.fail("%s: not a CSL-JSON array of item objects: %v", file, err)
		}
		return nil
	}
	if len(items) == 0 {
		c.fail("%s: an empty array (want one item)", file)
		return nil
	}
	for i, it := range items {
		where := fmt.Sprintf("%s: item %d", file, i+1)
		if it == nil {
			c.fail("%s: null, not an object", where)
			continue
		}
		for _, k := range []string{"id", "type", "title", "author", "issued"} {
			if _, ok := it[k]; !ok {
				c.fail("%s: no %q", where, k)
			}
		}
		keys := make([]string, 0, len(it))
		for k := range it {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := it[k]
			kind, known := cslVars[k]
			if !known {
				c.fail("%s: %q is not a CSL variable", where, k)
				continue
			}
			if msg := cslCheck(kind, v); msg != "" {
				c.fail("%s: %q %s", where, k, msg)
			}
		}
		if t, ok := it["type"].(string); ok && !contains(cslTypes, t) {
			c.fail("%s: type %q is not a CSL item type", where, t)
		}
		if t, ok := it["title"].(string); ok && strings.TrimSpace(t) == "" {
			c.fail("%s: empty title", where)
		}
		if a, ok := it["author"].([]any); ok && len(a) == 0 {
			c.fail("%s: empty author list", where)
		}
	}
	it := items[0]
	d := &citeData{source: "CSL-JSON (" + file + ")"}
	d.title, _ = it["title"].(string)
	for _, v := range cslCreatorVars {
		d.creators = append(d.creators, cslFamilies(it[v])...)
	}
	d.translators = cslFamilies(it["translator"])
	return d
}

// cslCheck returns what is wrong with v as a value of the kind, or "".
func cslCheck(kind int, v any) string {
	switch kind {
	case cslString:
		if _, ok := v.(string); !ok {
			return "must be a string"
		}
	case cslStringOrNumber:
		switch v.(type) {
		case string, float64:
		default:
			return "must be a string or a number"
		}
	case cslStrings:
		a, ok := v.([]any)
		if !ok {
			return "must be an array of strings"
		}
		for _, s := range a {
			if _, ok := s.(string); !ok {
				return "must be an array of strings"
			}
		}
	case cslObject:
		if _, ok := v.(map[string]any); !ok {
			return "must be an object"
		}
	case cslNames:
		a, ok := v.([]any)
		if !ok {
			return "must be an array of names"
		}
		for i, n := range a {
			m, ok := n.(map[string]any)
			if !ok {
				return fmt.Sprintf("name %d is not an object", i+1)
			}
			for k := range m {
				if !cslNameKeys[k] {
					return fmt.Sprintf("name %d has %q, not a part of a CSL name", i+1, k)
				}
			}
			fam, _ := m["family"].(string)
			lit, _ := m["literal"].(string)
			if fam == "" && lit == "" {
				return fmt.Sprintf("name %d has neither family nor literal", i+1)
			}
		}
	case cslDate:
		if _, ok := v.(string); ok {
			return ""
		}
		m, ok := v.(map[string]any)
		if !ok {
			return "must be a date object or an EDTF string"
		}
		for k := range m {
			if !cslDateKeys[k] {
				return fmt.Sprintf("has %q, not a part of a CSL date", k)
			}
		}
		dp, has := m["date-parts"]
		if !has {
			if _, ok := m["raw"]; ok {
				return ""
			}
			if _, ok := m["literal"]; ok {
				return ""
			}
			return "has no date-parts, raw or literal"
		}
		parts, ok := dp.([]any)
		if !ok || len(parts) < 1 || len(parts) > 2 {
			return "date-parts must be an array of one or two dates"
		}
		for _, p := range parts {
			ymd, ok := p.([]any)
			if !ok || len(ymd) < 1 || len(ymd) > 3 {
				return "each date in date-parts must be [year], [year, month] or [year, month, day]"
			}
			for _, n := range ymd {
				switch n.(type) {
				case float64, string:
				default:
					return "date-parts holds a value that is neither a number nor a string"
				}
			}
		}
	}
	return ""
}

func cslFamilies(v any) []string {
	a, _ := v.([]any)
	var out []string
	for _, n := range a {
		m, _ := n.(map[string]any)
		if f, ok := m["family"].(string); ok && f != "" {
			out = append(out, f)
		} else if l, ok := m["literal"].(string); ok {
			out = append(out, l)
		}
	}
	return out
}

// parseCFF checks CITATION.cff against the official CFF 1.2.0 JSON schema
// (internal/cffschema; scripts/cff-schema.sh installs it) and reads the
// title and the people for the agreement check.
func parseCFF(file string, b []byte, c *checker) *citeData {
	var doc map[string]any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		c.fail("%s: not YAML: %v", file, err)
		return nil
	}
	if doc == nil {
		c.fail("%s: empty, or not a YAML mapping", file)
		return nil
	}
	if schema, err := cffschema.Load(); err != nil {
		c.fail("%s: cannot check against the CFF schema: %v", file, err)
	} else {
		msgs, err := schema.Validate(b)
		if err != nil {
			c.fail("%s: %v", file, err)
		}
		for _, m := range msgs {
			c.fail("%s: CFF 1.2.0 schema: %s", file, m)
		}
	}
	d := &citeData{source: "CITATION.cff"}
	d.title, _ = doc["title"].(string)
	var msgs []string
	d.creators, msgs = cffPeople(doc["authors"], "authors")
	for _, m := range msgs {
		c.fail("%s: %s", file, m)
	}
	if pc, ok := doc["preferred-citation"].(map[string]any); ok {
		if t, _ := pc["title"].(string); t != "" && norm(t) != norm(d.title) {
			c.fail("%s: preferred-citation title %q differs from title %q", file, t, d.title)
		}
		if tr, ok := pc["translators"]; ok {
			d.translators, msgs = cffPeople(tr, "preferred-citation.translators")
			for _, m := range msgs {
				c.fail("%s: %s", file, m)
			}
		}
	}
	return d
}

func cffPeople(v any, key string) ([]string, []string) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, []string{key + " must be a list"}
	}
	var names, msgs []string
	for i, p := range list {
		m, ok := p.(map[string]any)
		if !ok {
			msgs = append(msgs, fmt.Sprintf("%s[%d] is not a mapping", key, i))
			continue
		}
		if f, _ := m["family-names"].(string); f != "" {
			names = append(names, f)
		} else if n, _ := m["name"].(string); n != "" {
			names = append(names, n)
		} else {
			msgs = append(msgs, fmt.Sprintf("%s[%d] has neither family-names nor name", key, i))
		}
	}
	return names, msgs
}

// parseBib reads the biblatex file with pandoc (pandoc -f biblatex -t
// csljson), which reports where it cannot, and takes the title and people of
// its first entry from the CSL-JSON pandoc makes.
func parseBib(file string, b []byte, c *checker) *citeData {
	if _, err := exec.LookPath("pandoc"); err != nil {
		c.fail("%s: pandoc not found: cannot read the biblatex file (apt-get install -y pandoc)", file)
		return nil
	}
	cmd := exec.Command("pandoc", "-f", "biblatex", "-t", "csljson")
	cmd.Stdin = bytes.NewReader(b)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.Join(strings.Fields(stderr.String()), " ")
		if m := pandocError.FindStringSubmatch(msg); m != nil {
			c.fail("%s:%s:%s: pandoc cannot read it: %s", file, m[1], m[2], m[3])
		} else {
			c.fail("%s: pandoc cannot read it: %s", file, msg)
		}
		return nil
	}
	var items []struct {
		Type       string `json:"type"`
		Title      string `json:"title"`
		Author     []cslName
		Translator []cslName
	}
	if err := json.Unmarshal(out, &items); err != nil {
		c.fail("%s: pandoc's CSL-JSON: %v", file, err)
		return nil
	}
	if len(items) == 0 {
		c.fail("%s: pandoc finds no @type{key, …} entry", file)
		return nil
	}
	e := items[0]
	if e.Title == "" {
		c.fail("%s: the first entry has no title", file)
	}
	if len(e.Author) == 0 {
		c.fail("%s: the first entry has no author", file)
	}
	d := &citeData{source: "BibTeX (" + file + ")", title: e.Title}
	for _, n := range e.Author {
		d.creators = append(d.creators, n.family())
	}
	for _, n := range e.Translator {
		d.translators = append(d.translators, n.family())
	}
	return d
}

// cslName is a CSL-JSON name: a person's family name with its particles
// (pandoc reads biblatex's "de Vries, Ann" as the particle "de" and the
// family name "Vries"), or a literal name.
type cslName struct {
	Family      string `json:"family"`
	Dropping    string `json:"dropping-particle"`
	NonDropping string `json:"non-dropping-particle"`
	Literal     string `json:"literal"`
}

func (n cslName) family() string {
	if n.Family == "" {
		return n.Literal
	}
	return strings.Join(strings.Fields(n.Dropping+" "+n.NonDropping+" "+n.Family), " ")
}

// pandocError is how pandoc locates a syntax error: "Error at "FILE" (line
// 2, column 14): unexpected '='", then the line and a caret.
var pandocError = regexp.MustCompile(`\(line (\d+), column (\d+)\):? (.*?)(?: \S+ = .*)?$`)

var risLine = regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)

// parseRIS checks an RIS file: every line "XX  - value", records from TY
// to ER.
func parseRIS(file string, b []byte, c *checker) *citeData {
	lines := bufLines(b)
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		c.fail("%s: empty", file)
		return nil
	}
	d := &citeData{source: "RIS (" + file + ")"}
	inRecord, records := false, 0
	for i, l := range lines {
		n := i + 1
		l = strings.TrimSuffix(l, "\r")
		if l == "ER  -" { // some writers drop the space after an empty ER
			l = "ER  - "
		}
		m := risLine.FindStringSubmatch(l)
		if m == nil {
			c.fail("%s:%d: not \"XX  - value\" (two-character tag, two spaces, hyphen, space): %q", file, n, firstLine(l))
			continue
		}
		tag, val := m[1], strings.TrimSpace(m[2])
		switch {
		case tag == "TY":
			if inRecord {
				c.fail("%s:%d: TY inside a record (the previous record has no ER)", file, n)
			}
			if i == 0 && val == "" {
				c.fail("%s:%d: TY without a type", file, n)
			}
			inRecord = true
		case !inRecord:
			c.fail("%s:%d: %s outside a record (records run from TY to ER)", file, n, tag)
		case tag == "ER":
			inRecord = false
			records++
		case records == 0 && (tag == "TI" || tag == "T1") && d.title == "":
			d.title = val
		case records == 0 && (tag == "AU" || tag == "A1"):
			fam, _, _ := strings.Cut(val, ",")
			d.creators = append(d.creators, strings.TrimSpace(fam))
		case records == 0 && tag == "A4":
			fam, _, _ := strings.Cut(val, ",")
			d.translators = append(d.translators, strings.TrimSpace(fam))
		}
	}
	if !strings.HasPrefix(lines[0], "TY  - ") {
		c.fail("%s:1: the first line is not TY", file)
	}
	if last := strings.TrimSpace(lines[len(lines)-1]); last != "ER  -" {
		c.fail("%s:%d: the last line is not ER", file, len(lines))
	}
	if d.title == "" {
		c.fail("%s: no TI (title)", file)
	}
	if len(d.creators) == 0 {
		c.fail("%s: no AU (author)", file)
	}
	return d
}

// norm makes a title comparable: no-break and other spaces become one
// space, and the ends are trimmed.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkAgreement checks that the title and the family names of the
// creators (and translators, where a source names them) agree between the
// citation files and the EPUB's package document.
func checkAgreement(rel *release, cites []citeData) result {
	c := &checker{result: result{name: "agreement"}}
	e, err := readEPUB(rel.path(rel.slug + ".epub"))
	if err != nil {
		c.fail("%v", err)
		return c.result
	}
	cr, tr := e.people()
	ref := citeData{source: "EPUB package (" + e.opf + ")", title: e.title(), creators: cr, translators: tr}
	if ref.title == "" {
		c.fail("%s: no dc:title", ref.source)
	}
	if len(ref.creators) == 0 {
		c.fail("%s: no dc:creator", ref.source)
	}
	for _, d := range cites {
		if norm(d.title) != norm(ref.title) {
			c.fail("%s: title %q, but the %s has %q", d.source, norm(d.title), ref.source, norm(ref.title))
		}
		if a, b := sortedSet(d.creators), sortedSet(ref.creators); a != b {
			c.fail("%s: creators (family names) [%s], but the %s has [%s]", d.source, a, ref.source, b)
		}
		if d.translators != nil || len(ref.translators) > 0 {
			if d.translators == nil && !strings.HasPrefix(d.source, "RIS") && !strings.HasPrefix(d.source, "CITATION") {
				c.fail("%s: names no translator, but the %s has [%s]", d.source, ref.source, sortedSet(ref.translators))
			} else if d.translators != nil {
				if a, b := sortedSet(d.translators), sortedSet(ref.translators); a != b {
					c.fail("%s: translators [%s], but the %s has [%s]", d.source, a, ref.source, b)
				}
			}
		}
	}
	names := make([]string, len(cites))
	for i, d := range cites {
		names[i], _, _ = strings.Cut(d.source, " (")
	}
	unread := ""
	if len(cites) < 4 {
		unread = fmt.Sprintf(" (only %d of the 4 citation files could be read)", len(cites))
	}
	c.summary = fmt.Sprintf("title %q, creators %s, translators %s agree in %s and the EPUB package%s",
		norm(ref.title), sortedSet(ref.creators), sortedSet(ref.translators), strings.Join(names, ", "), unread)
	return c.result
}

func sortedSet(names []string) string {
	s := append([]string(nil), names...)
	for i := range s {
		s[i] = norm(s[i])
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}

// readEPUB opens the EPUB file at path.
func readEPUB(file string) (*epubFile, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return openEPUB(file, b)
}

// firstLine returns the first line of s, cut at 40 bytes.
func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	if len(l) > 40 {
		l = l[:40] + "…"
	}
	return l
}
