package load

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"edition/edition"
)

// suggestRole returns ", did you mean …?" naming the MARC relator codes
// nearest to the unknown code s: those whose term matches s as a word or
// the start of one ("editor" → edt, "translat" → trl), else those one or two
// edits away ("edr" → edt). It returns "" when nothing is near.
func suggestRole(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	var exact, byLabel, byCode []edition.Role
	best := 3 // at most two edits
	for _, r := range edition.Relators() {
		label := strings.ToLower(r.Label())
		switch {
		case label == s:
			exact = append(exact, r)
		case len(s) > 3 && (strings.HasPrefix(label, s) || strings.Contains(label, " "+s)):
			byLabel = append(byLabel, r)
		}
		switch dist := editDistance(s, string(r)); {
		case dist < best:
			best, byCode = dist, []edition.Role{r}
		case dist == best:
			byCode = append(byCode, r)
		}
	}
	pick := exact
	if len(pick) == 0 {
		pick = byLabel
	}
	if len(pick) == 0 {
		pick = byCode
	}
	if len(pick) == 0 {
		return ""
	}
	if len(pick) > 4 {
		pick = pick[:4]
	}
	var names []string
	for _, r := range pick {
		names = append(names, fmt.Sprintf("%s (%s)", r, r.Label()))
	}
	return "; did you mean " + strings.Join(names, " or ") + "?"
}

// editDistance is the Levenshtein distance between a and b, in bytes (the
// codes are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Placeholder begins every value the scaffold of `edition new` leaves for
// the author to fill in; check reports each one until it is replaced.
const Placeholder = "TODO"

// placeholders reports every scalar value of the metadata that still holds
// a placeholder, with its key.
func (d *metaDecoder) placeholders(n *yaml.Node) {
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := n.Content[i].Value
				if path != "" {
					p = path + "." + p
				}
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, item := range n.Content {
				walk(item, fmt.Sprintf("%s[%d]", path, i))
			}
		case yaml.ScalarNode:
			if strings.HasPrefix(strings.TrimSpace(n.Value), Placeholder) {
				d.err(n, "placeholder not replaced: %s (%s)", path, strings.TrimSpace(n.Value))
			}
		}
	}
	walk(n, "")
}
