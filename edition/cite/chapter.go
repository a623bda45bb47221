package cite

import (
	"strings"

	"edition/edition"
)

// Chapter says who took part in one interview of a collection, and where
// and when, for the line under its title in every edition: "Margaret Ng,
// Alan Durand and Björn Åkesson. London, 14 March 1998." (a no-break space
// between day and month). It is ChapterLines joined by a space.
func Chapter(b *edition.Book, iv *edition.Interview) string {
	return strings.Join(ChapterLines(b, iv), " ")
}

// ChapterLines returns Chapter's two sentences apart, for an edition that
// sets each on a line of its own: the participants, in the order the
// interview's event gives them, then the place and date. What is not known
// is left out; it is empty when nothing is.
func ChapterLines(b *edition.Book, iv *edition.Interview) []string {
	var names []string
	for _, key := range iv.Event.Participants {
		if p, ok := b.Meta.Person(key); ok {
			names = append(names, nameOf(p).Display)
		}
	}
	var out []string
	if len(names) > 0 {
		out = append(out, sentence(join(names)))
	}
	var where []string
	if iv.Event.Place != "" {
		where = append(where, iv.Event.Place)
	}
	if d := longDate(iv.Event.Date); d != "" {
		where = append(where, d)
	}
	if len(where) > 0 {
		out = append(out, sentence(strings.Join(where, ", ")))
	}
	return out
}
