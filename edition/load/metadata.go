package load

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"edition/edition"
)

// metadata decodes metadata.yaml. It walks the YAML node tree rather than
// unmarshalling into a struct, so that every unknown key, wrong type and
// bad value is reported with its own line and column. It reports whether
// the people (and so the speakers) could be read.
func (l *loader) metadata(f *srcFile) (edition.Metadata, bool) {
	m := edition.Metadata{Pos: edition.Pos{File: f.name}}
	if len(strings.TrimSpace(string(f.src))) == 0 {
		l.errs.Add(f.pos(0), "file is empty")
		return m, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(f.src, &doc); err != nil {
		l.errs.Add(yamlErrPos(f, err), "malformed YAML: "+yamlErrMsg(err))
		return m, false
	}
	d := &metaDecoder{l: l, f: f}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		d.err(root, "metadata must be a mapping of keys to values")
		return m, false
	}
	d.checkValues(root)
	peopleOK := false
	var idNode, isbnNode *yaml.Node
	d.mapping(root, "", []string{"slug", "identifier", "version", "language", "title", "people", "rights", "description"},
		map[string]func(*yaml.Node){
			"slug": func(n *yaml.Node) {
				m.Slug = d.str(n)
				if m.Slug != "" && !slugRE.MatchString(m.Slug) {
					d.err(n, "slug %q: use lower-case letters, digits and -", m.Slug)
				}
			},
			"identifier": func(n *yaml.Node) {
				idNode = n
				m.Identifier = d.identifier(n)
			},
			"version":           func(n *yaml.Node) { m.Version = d.version(n) },
			"language":          func(n *yaml.Node) { m.Language = d.lang(n) },
			"original_language": func(n *yaml.Node) { m.OriginalLanguage = d.lang(n) },
			"title":             func(n *yaml.Node) { m.Title = d.str(n) },
			"subtitle":          func(n *yaml.Node) { m.Subtitle = d.str(n) },
			"short_title":       func(n *yaml.Node) { m.ShortTitle = d.str(n) },
			"people": func(n *yaml.Node) {
				m.People, peopleOK = d.people(n)
			},
			"interview": func(n *yaml.Node) {
				m.Interviews = append(m.Interviews, d.event(n, "interview."))
			},
			"interviews": func(n *yaml.Node) {
				for _, item := range d.seq(n) {
					m.Interviews = append(m.Interviews, d.event(item, "interviews[]:"))
				}
				if len(n.Content) == 0 {
					d.err(n, "interviews: list one entry per interview of %s", InterviewFile)
				}
			},
			"translated": func(n *yaml.Node) { m.Translated = d.date(n) },
			"publisher": func(n *yaml.Node) {
				d.mapping(n, "publisher.", []string{"name"}, map[string]func(*yaml.Node){
					"name":  func(n *yaml.Node) { m.Publisher.Name = d.str(n) },
					"place": func(n *yaml.Node) { m.Publisher.Place = d.str(n) },
				})
			},
			"published": func(n *yaml.Node) { m.Published = d.date(n) },
			"isbn": func(n *yaml.Node) {
				isbnNode = n
				m.ISBN = d.str(n)
				if digits, err := edition.ParseISBN(m.ISBN); err != nil {
					d.err(n, "isbn %q: %v", m.ISBN, err)
				} else if len(digits) != 13 {
					d.err(n, "isbn %q: an ISBN-10; give the edition's ISBN-13 (978…)", m.ISBN)
				}
			},
			"edition": func(n *yaml.Node) { m.EditionStatement = d.str(n) },
			"series": func(n *yaml.Node) {
				d.mapping(n, "series.", []string{"title"}, map[string]func(*yaml.Node){
					"title":  func(n *yaml.Node) { m.Series.Title = d.str(n) },
					"number": func(n *yaml.Node) { m.Series.Number = d.str(n) },
				})
			},
			"sources": func(n *yaml.Node) {
				for _, item := range d.seq(n) {
					var s edition.Source
					d.mapping(item, "sources[]:", []string{"title"}, map[string]func(*yaml.Node){
						"title":     func(n *yaml.Node) { s.Title = d.str(n) },
						"lang":      func(n *yaml.Node) { s.Lang = d.lang(n) },
						"container": func(n *yaml.Node) { s.Container = d.str(n) },
						"volume":    func(n *yaml.Node) { s.Volume = d.str(n) },
						"url":       func(n *yaml.Node) { s.URL = d.webURL(n) },
					})
					m.Sources = append(m.Sources, s)
				}
			},
			"rights":      func(n *yaml.Node) { m.Rights = d.str(n) },
			"description": func(n *yaml.Node) { m.Description = d.str(n) },
			"subjects": func(n *yaml.Node) {
				for _, item := range d.seq(n) {
					m.Subjects = append(m.Subjects, d.str(item))
				}
			},
			"modified": func(n *yaml.Node) { m.Modified = d.modified(n) },
			"trim": func(n *yaml.Node) {
				m.Trim = d.str(n)
				if _, ok := edition.TrimNamed(m.Trim); !ok {
					d.err(n, "trim %q: must be one of %s", m.Trim, edition.TrimNames(", ", ", "))
				}
			},
		})
	if m.ShortTitle == "" {
		m.ShortTitle = m.Title
	}
	if peopleOK {
		d.checkKeyRefs(m.People)
	}
	if d.has(root, "interview") && d.has(root, "interviews") {
		d.err(root, "give either interview (one interview) or interviews (a list, one entry per interview), not both")
	}
	if len(m.Interviews) > 0 {
		m.Interview = m.Interviews[0]
	}
	// An ISBN given as the identifier is the edition's ISBN; given twice,
	// the two must be the same number.
	if idDigits, ok := edition.ISBNDigits(m.Identifier); ok && strings.HasPrefix(m.Identifier, "urn:isbn:") {
		if m.ISBN == "" {
			m.ISBN = strings.TrimPrefix(m.Identifier, "urn:isbn:")
		} else if isbn, ok := edition.ISBNDigits(m.ISBN); ok && isbn != idDigits && isbnNode != nil {
			d.err(isbnNode, "isbn %q is not the ISBN of the identifier %q (line %d)", m.ISBN, m.Identifier, idNode.Line)
		}
	}
	// A citation needs a year: the edition's, the translation's or the
	// interview's.
	if m.Published.IsZero() && m.Translated.IsZero() && m.Interview.Date.IsZero() && !d.dateUnsure {
		d.err(root, "no date to cite the book by: give published (the edition's date), translated or interview.date (interviews[].date)")
	}
	d.placeholders(root)
	return m, peopleOK
}

// has reports whether the mapping n has the key.
func (d *metaDecoder) has(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// event reads one interview's description: its date, place, review date and
// participants (person keys, checked against the people in load).
func (d *metaDecoder) event(n *yaml.Node, path string) edition.Event {
	e := edition.Event{Pos: d.f.clamp(n.Line, n.Column)}
	d.mapping(n, path, nil, map[string]func(*yaml.Node){
		"date":     func(n *yaml.Node) { e.Date = d.date(n) },
		"place":    func(n *yaml.Node) { e.Place = d.str(n) },
		"reviewed": func(n *yaml.Node) { e.Reviewed = d.date(n) },
		"participants": func(n *yaml.Node) {
			for _, item := range d.seq(n) {
				e.Participants = append(e.Participants, d.str(item))
				d.keyRefs = append(d.keyRefs, keyRef{key: d.str(item), node: item})
			}
		},
	})
	return e
}

// keyRef is a person key used in the metadata, to be checked once every
// person is known.
type keyRef struct {
	key  string
	node *yaml.Node
}

// checkKeyRefs reports every key used that names no person.
func (d *metaDecoder) checkKeyRefs(people []edition.Person) {
	known := map[string]bool{}
	var keys []string
	for _, p := range people {
		known[p.Key] = true
		keys = append(keys, p.Key)
	}
	for _, r := range d.keyRefs {
		if !known[r.key] {
			d.err(r.node, "participant %q is not the key of a person (people: %s)", r.key, strings.Join(keys, ", "))
		}
	}
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// metaDecoder reads YAML nodes, reporting problems at their positions.
type metaDecoder struct {
	l *loader
	f *srcFile
	// keyRefs are the person keys used by the interviews' participants.
	keyRefs []keyRef
	// dateUnsure is set when a date is still a placeholder or is wrong
	// (and so reported already).
	dateUnsure bool
}

func (d *metaDecoder) err(n *yaml.Node, format string, args ...any) {
	d.l.errs.Add(d.f.clamp(n.Line, n.Column), fmt.Sprintf(format, args...))
}

// mapping calls fields[key] with each value of the mapping n, reporting
// unknown and repeated keys and the required keys that are missing. path
// prefixes key names in messages.
func (d *metaDecoder) mapping(n *yaml.Node, path string, required []string, fields map[string]func(*yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.err(n, "%s must be a mapping of keys to values", strings.TrimSuffix(strings.TrimSuffix(path, "."), ":"))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		fn, ok := fields[k.Value]
		switch {
		case k.Kind != yaml.ScalarNode || !ok:
			d.err(k, "unknown key %q", path+k.Value)
			continue
		case seen[k.Value]:
			d.err(k, "key %q given twice", path+k.Value)
			continue
		}
		seen[k.Value] = true
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // reported below if required
		}
		fn(v)
	}
	for _, key := range required {
		if !seen[key] {
			d.err(n, "required field %q is missing", path+key)
			continue
		}
		// A key with an empty value counts as missing.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == key && isEmpty(v) {
				d.err(v, "required field %q is empty", path+key)
				break
			}
		}
	}
}

func isEmpty(v *yaml.Node) bool {
	switch v.Kind {
	case yaml.ScalarNode:
		return v.Tag == "!!null" || strings.TrimSpace(v.Value) == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(v.Content) == 0
	}
	return false
}

// str returns the scalar n as a string.
func (d *metaDecoder) str(n *yaml.Node) string {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		d.err(n, "expected a single value, not a list or mapping")
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// seq returns the items of the sequence n.
func (d *metaDecoder) seq(n *yaml.Node) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.err(n, "expected a list")
		return nil
	}
	return n.Content
}

func (d *metaDecoder) lang(n *yaml.Node) string {
	s := d.str(n)
	if s != "" && !langRE.MatchString(s) {
		d.err(n, "language %q is not a BCP 47 tag", s)
	}
	return s
}

var dateRE = regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)

// date reads YYYY, YYYY-MM or YYYY-MM-DD.
func (d *metaDecoder) date(n *yaml.Node) edition.Date {
	s := d.str(n)
	if strings.HasPrefix(s, Placeholder) {
		d.dateUnsure = true
		return edition.Date{} // reported as a placeholder
	}
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		d.dateUnsure = true
		d.err(n, "date %q: must be YYYY, YYYY-MM or YYYY-MM-DD", s)
		return edition.Date{}
	}
	var date edition.Date
	date.Year, _ = strconv.Atoi(m[1])
	if m[2] != "" {
		date.Month, _ = strconv.Atoi(m[2])
	}
	if m[3] != "" {
		date.Day, _ = strconv.Atoi(m[3])
	}
	ok := date.Month <= 12 && (m[2] == "" || date.Month >= 1)
	if ok && m[3] != "" {
		t := time.Date(date.Year, time.Month(date.Month), date.Day, 0, 0, 0, 0, time.UTC)
		ok = date.Day >= 1 && t.Day() == date.Day
	}
	if !ok {
		d.dateUnsure = true
		d.err(n, "date %q does not exist", s)
		return edition.Date{}
	}
	return date
}

// people reads the people list; it reports whether it was usable.
func (d *metaDecoder) people(n *yaml.Node) ([]edition.Person, bool) {
	items := d.seq(n)
	if items == nil {
		return nil, false
	}
	var out []edition.Person
	keys := map[string]*yaml.Node{}
	speakers := map[string]*yaml.Node{}
	for _, item := range items {
		var p edition.Person
		d.mapping(item, "people[]:", []string{"key", "name"}, map[string]func(*yaml.Node){
			"key": func(n *yaml.Node) {
				p.Key = d.str(n)
				if first, dup := keys[p.Key]; dup {
					d.err(n, "person key %q given twice (first at line %d)", p.Key, first.Line)
				}
				keys[p.Key] = n
			},
			"name":    func(n *yaml.Node) { p.Name = d.str(n) },
			"file_as": func(n *yaml.Node) { p.FileAs = d.str(n) },
			"given":   func(n *yaml.Node) { p.Given = d.str(n) },
			"family":  func(n *yaml.Node) { p.Family = d.str(n) },
			"speaker": func(n *yaml.Node) {
				p.Speaker = d.str(n)
				if first, dup := speakers[p.Speaker]; dup {
					d.err(n, "speaker %q given twice (first at line %d)", p.Speaker, first.Line)
				}
				speakers[p.Speaker] = n
			},
			"roles": func(n *yaml.Node) {
				for _, r := range d.seq(n) {
					role := edition.Role(d.str(r))
					if !role.Known() {
						d.err(r, "unknown role %q: not a MARC relator code%s", role, suggestRole(string(role)))
						continue
					}
					if p.Has(role) {
						d.err(r, "role %q given twice", role)
						continue
					}
					p.Roles = append(p.Roles, role)
				}
			},
		})
		out = append(out, p)
	}
	return out, true
}

// yamlParserProblems are the messages of yaml.v3's parser errors.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

var yamlLineRE = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)

// yamlErrPos finds the line in a yaml.v3 syntax error.
func yamlErrPos(f *srcFile, err error) edition.Pos {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		if yamlParserProblems[m[2]] {
			// yaml.v3 numbers the lines of parser errors (as opposed to
			// scanner errors) from 0.
			line++
		}
		if line >= 1 && line <= len(f.lines) {
			return edition.Pos{File: f.name, Line: line}
		}
	}
	return edition.Pos{File: f.name, Line: 1}
}

func yamlErrMsg(err error) string {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}
