package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
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
// the others (translator, editors of a container, …) are contributors.
var cslCreatorVars = []string{"author", "interviewer", "composer", "director", "illustrator", "performer", "organizer", "chair", "curator", "editor", "compiler"}

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

// parseCFF checks CITATION.cff: YAML with the keys CFF 1.2.0 requires
// (cff-version, message, title, authors), each author a person with
// family-names or an entity with a name.
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
	for _, k := range []string{"cff-version", "message", "title", "authors"} {
		if _, ok := doc[k]; !ok {
			c.fail("%s: no %q (CFF requires cff-version, message, title and authors)", file, k)
		}
	}
	if v, ok := doc["cff-version"]; ok {
		if s, _ := v.(string); !cffVer.MatchString(s) {
			c.fail("%s: cff-version %v is not a string 1.2.x", file, v)
		}
	}
	for _, k := range []string{"message", "title"} {
		if v, ok := doc[k]; ok {
			if s, _ := v.(string); strings.TrimSpace(s) == "" {
				c.fail("%s: %s must be a non-empty string", file, k)
			}
		}
	}
	d := &citeData{source: "CITATION.cff"}
	d.title, _ = doc["title"].(string)
	var msgs []string
	d.creators, msgs = cffPeople(doc["authors"], "authors")
	for _, m := range msgs {
		c.fail("%s: %s", file, m)
	}
	if _, ok := doc["authors"]; ok && len(d.creators) == 0 && len(msgs) == 0 {
		c.fail("%s: authors is empty", file)
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

// bibEntry is one BibTeX entry.
type bibEntry struct {
	typ, key string
	line     int
	fields   map[string]string // lowercased names → raw values, braces kept
}

// parseBib checks a BibTeX/biblatex file: braces balanced, and at least
// one entry @type{key, field = value, …}.
func parseBib(file string, b []byte, c *checker) *citeData {
	s := string(b)
	// Braces, counted as BibTeX counts them (a backslash does not escape).
	depth, line, open := 0, 1, []int{}
	for _, r := range s {
		switch r {
		case '\n':
			line++
		case '{':
			depth++
			open = append(open, line)
		case '}':
			depth--
			if depth < 0 {
				c.fail("%s:%d: unmatched closing brace", file, line)
				return nil
			}
			open = open[:len(open)-1]
		}
	}
	if depth > 0 {
		c.fail("%s:%d: unclosed brace (%d left open at the end of the file)", file, open[len(open)-1], depth)
		return nil
	}
	entries, err := bibEntries(s)
	if err != nil {
		c.fail("%s%v", file, err)
		return nil
	}
	if len(entries) == 0 {
		c.fail("%s: no @type{key, …} entry", file)
		return nil
	}
	e := entries[0]
	if _, ok := e.fields["title"]; !ok {
		c.fail("%s:%d: @%s{%s}: no title", file, e.line, e.typ, e.key)
	}
	if _, ok := e.fields["author"]; !ok {
		c.fail("%s:%d: @%s{%s}: no author", file, e.line, e.typ, e.key)
	}
	d := &citeData{source: "BibTeX (" + file + ")"}
	d.title = detex(e.fields["title"])
	if sub := detex(e.fields["subtitle"]); sub != "" {
		d.title += ": " + sub
	}
	d.creators = bibFamilies(e.fields["author"])
	if t, ok := e.fields["translator"]; ok {
		d.translators = bibFamilies(t)
	}
	return d
}

var (
	bibIdent = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*`)
	bibBare  = regexp.MustCompile(`^[A-Za-z0-9_.:-]+`) // a number or a macro name
	bibAnd   = regexp.MustCompile(`\s+and\s+`)
	cffVer   = regexp.MustCompile(`^1\.2\.\d+$`)
)

// bibEntries parses the entries of a BibTeX file whose braces balance.
// Errors begin with ":line: ".
func bibEntries(s string) ([]bibEntry, error) {
	var out []bibEntry
	i := 0
	lineAt := func(i int) int { return 1 + strings.Count(s[:i], "\n") }
	skip := func() {
		for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
			i++
		}
	}
	for {
		at := strings.IndexByte(s[i:], '@')
		if at < 0 {
			return out, nil
		}
		i += at + 1
		start := i
		typ := bibIdent.FindString(s[i:])
		if typ == "" {
			return nil, fmt.Errorf(":%d: @ without an entry type", lineAt(start))
		}
		i += len(typ)
		skip()
		if i >= len(s) || (s[i] != '{' && s[i] != '(') {
			return nil, fmt.Errorf(":%d: @%s: want { after the entry type", lineAt(start), typ)
		}
		closer := byte('}')
		if s[i] == '(' {
			closer = ')'
		}
		i++
		if lt := strings.ToLower(typ); lt == "comment" || lt == "preamble" || lt == "string" {
			// Not a reference: skip to its balanced end.
			d := 1
			for i < len(s) && d > 0 {
				switch s[i] {
				case '{', '(':
					d++
				case '}', ')':
					d--
				}
				i++
			}
			continue
		}
		k := strings.IndexAny(s[i:], ",\n}=")
		key := ""
		if k >= 0 {
			key = strings.TrimSpace(s[i : i+k])
		}
		if k < 0 || s[i+k] != ',' || key == "" {
			return nil, fmt.Errorf(":%d: @%s: no key (want @%s{key, …})", lineAt(start), typ, typ)
		}
		if key == "" || strings.ContainsAny(key, " \t\"#%'(),={}") {
			return nil, fmt.Errorf(":%d: @%s: bad key %q", lineAt(start), typ, key)
		}
		i += k + 1
		e := bibEntry{typ: typ, key: key, line: lineAt(start), fields: map[string]string{}}
		for {
			skip()
			if i >= len(s) {
				return nil, fmt.Errorf(":%d: @%s{%s: the entry does not end", e.line, typ, key)
			}
			if s[i] == closer {
				i++
				break
			}
			name := bibIdent.FindString(s[i:])
			if name == "" {
				return nil, fmt.Errorf(":%d: @%s{%s: want a field name, found %q", lineAt(i), typ, key, firstLine(s[i:]))
			}
			fline := lineAt(i)
			i += len(name)
			skip()
			if i >= len(s) || s[i] != '=' {
				return nil, fmt.Errorf(":%d: field %s: want =", fline, name)
			}
			i++
			var val strings.Builder
			for {
				skip()
				if i >= len(s) {
					return nil, fmt.Errorf(":%d: field %s: no value", fline, name)
				}
				switch {
				case s[i] == '{':
					d, j := 0, i
					for ; j < len(s); j++ {
						if s[j] == '{' {
							d++
						} else if s[j] == '}' {
							d--
							if d == 0 {
								break
							}
						}
					}
					val.WriteString(s[i+1 : j])
					i = j + 1
				case s[i] == '"':
					j := i + 1
					d := 0
					for ; j < len(s); j++ {
						if s[j] == '{' {
							d++
						} else if s[j] == '}' {
							d--
						} else if s[j] == '"' && d == 0 {
							break
						}
					}
					if j >= len(s) {
						return nil, fmt.Errorf(":%d: field %s: unterminated quoted value", fline, name)
					}
					val.WriteString(s[i+1 : j])
					i = j + 1
				default:
					w := bibBare.FindString(s[i:])
					if w == "" {
						return nil, fmt.Errorf(":%d: field %s: want {value}, \"value\", a number or a macro", fline, name)
					}
					val.WriteString(w)
					i += len(w)
				}
				skip()
				if i < len(s) && s[i] == '#' {
					i++
					continue
				}
				break
			}
			lname := strings.ToLower(name)
			if _, dup := e.fields[lname]; dup {
				return nil, fmt.Errorf(":%d: field %s given twice", fline, name)
			}
			e.fields[lname] = val.String()
			skip()
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			skip()
			if i < len(s) && s[i] == closer {
				continue
			}
			return nil, fmt.Errorf(":%d: after field %s: want , or the end of the entry, found %q", lineAt(i), name, firstLine(s[i:]))
		}
		out = append(out, e)
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	if len(l) > 40 {
		l = l[:40] + "…"
	}
	return l
}

// detex turns a BibTeX value into plain text: the escapes this edition's
// exporter writes are undone, ties become spaces, braces go.
func detex(s string) string {
	s = strings.NewReplacer(`\textbackslash{}`, `\`, `\textasciitilde{}`, `~`, `\textasciicircum{}`, `^`,
		`\{`, "\x00", `\}`, "\x01", `\&`, `&`, `\%`, `%`, `\$`, `$`, `\#`, `#`, `\_`, `_`).Replace(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '{', '}':
		case '~':
			b.WriteRune(' ')
		case 0:
			b.WriteRune('{')
		case 1:
			b.WriteRune('}')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bibFamilies splits a BibTeX name list on "and" and returns the family
// names ("Family, Given" or "Given Family").
func bibFamilies(v string) []string {
	var out []string
	for _, n := range bibAnd.Split(v, -1) {
		n = strings.TrimSpace(detex(n))
		if n == "" {
			continue
		}
		if fam, _, ok := strings.Cut(n, ","); ok {
			out = append(out, strings.TrimSpace(fam))
		} else {
			f := strings.Fields(n)
			out = append(out, f[len(f)-1])
		}
	}
	return out
}

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
