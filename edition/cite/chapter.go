package cite

import (
	"strings"

	"edition/edition"
)

// Chapter says who took part in one interview of a collection, and where
// and when, for the line under its title in every edition: "Margaret Ng,
// Alan Durand and Björn Åkesson. London, 14 March 1998." (a no-break space
// between day and month). It names the participants in the order the
// interview's event gives them, and leaves out what is not known; it is
// empty when nothing is.
func Chapter(b *edition.Book, iv *edition.Interview) string {
	var names []string
	for _, key := range iv.Event.Participants {
		if p, ok := b.Meta.Person(key); ok {
			names = append(names, nameOf(p).Display)
		}
	}
	var parts []string
	if len(names) > 0 {
		parts = append(parts, sentence(join(names)))
	}
	var where []string
	if iv.Event.Place != "" {
		where = append(where, iv.Event.Place)
	}
	if d := longDate(iv.Event.Date); d != "" {
		where = append(where, d)
	}
	if len(where) > 0 {
		parts = append(parts, sentence(strings.Join(where, ", ")))
	}
	return strings.Join(parts, " ")
}
