package load

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"edition/edition"
)

// The limits on metadata values, in characters; see source/README.md. A
// value past its limit is an error: no real book needs more, and every
// renderer (the cover's title layout above all) may then rely on it.
const (
	// MaxTitle bounds the title and the subtitle.
	MaxTitle = 250
	// MaxShortTitle bounds the short title, set in running heads.
	MaxShortTitle = 100
	// MaxDescription bounds the description.
	MaxDescription = 4000
	// MaxRights bounds the rights statement.
	MaxRights = 2000
	// MaxURL bounds a URL.
	MaxURL = 2000
	// MaxValue bounds every other value.
	MaxValue = 500
	// MaxSlug and MaxVersion bound the two values that name files.
	MaxSlug    = 100
	MaxVersion = 64
	// MaxSpeaker bounds a speaker's label, and MaxPeople the people: every
	// paragraph of the interview is matched against every label.
	MaxSpeaker = 100
	MaxPeople  = 100
)

// valueLimits are the limits of the values that have their own, by path:
// the keys from the root, "[]" for a list's items.
var valueLimits = map[string]int{
	"slug":             MaxSlug,
	"version":          MaxVersion,
	"title":            MaxTitle,
	"subtitle":         MaxTitle,
	"short_title":      MaxShortTitle,
	"description":      MaxDescription,
	"rights":           MaxRights,
	"sources[].url":    MaxURL,
	"people[].speaker": MaxSpeaker,
}

// checkValues applies the rules every metadata value obeys, whatever its
// field: its characters (see charProblem) and its length.
func (d *metaDecoder) checkValues(root *yaml.Node) {
	d.checkYAMLEscapes(root)
	d.checkLengths(root, "")
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "people" && v.Kind == yaml.SequenceNode && len(v.Content) > MaxPeople {
			d.err(v.Content[MaxPeople], "more than %d people", MaxPeople)
		}
	}
}

// checkLengths reports every scalar value under n longer than its limit.
func (d *metaDecoder) checkLengths(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			sub := k.Value
			if path != "" {
				sub = path + "." + k.Value
			}
			if k.Kind == yaml.ScalarNode && utf8.RuneCountInString(k.Value) > MaxValue {
				d.err(k, "key is %d characters long; the limit is %d", utf8.RuneCountInString(k.Value), MaxValue)
				continue
			}
			d.checkLengths(v, sub)
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			d.checkLengths(item, path+"[]")
		}
	case yaml.ScalarNode:
		limit, ok := valueLimits[path]
		if !ok {
			limit = MaxValue
		}
		if count := utf8.RuneCountInString(strings.TrimSpace(n.Value)); count > limit {
			name := path
			if name == "" {
				name = "value"
			}
			d.err(n, "%s is %d characters long; the limit is %d", name, count, limit)
		}
	}
}

// versionRE is what a version may be: letters and digits in groups joined
// by single dots, hyphens, plus signs or underscores ("1.0.0", "2.1-rc1").
// It names files (<slug>-<version>.zip) and zip entries, so no slash,
// backslash, space or leading dot can get into it.
var versionRE = regexp.MustCompile(`^[0-9A-Za-z]+(?:[.+_-][0-9A-Za-z]+)*$`)

// version reads the version.
func (d *metaDecoder) version(n *yaml.Node) string {
	s := d.str(n)
	if s != "" && !versionRE.MatchString(s) {
		d.err(n, "version %q: use letters and digits, joined by single dots, hyphens, plus signs or underscores (as in 1.0.0 or 2.1-rc1)", s)
	}
	return s
}

// modified reads the modified time, which every format must be able to
// carry.
func (d *metaDecoder) modified(n *yaml.Node) time.Time {
	s := d.str(n)
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d.err(n, "modified %q: must be an RFC 3339 time such as 2017-01-01T00:00:00Z", s)
		return time.Time{}
	}
	if err := edition.CheckModified(t); err != nil {
		d.err(n, "modified %q: %v", s, err)
	}
	return t
}
