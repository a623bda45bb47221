package cite

import (
	"encoding/json"
	"strings"
	"testing"

	"edition/edition"
)

// collection is the fixture made a volume of two interviews, the second
// with a participant who has no role.
func collection() *edition.Book {
	b := fixture()
	b.Meta.People = append(b.Meta.People, edition.Person{Key: "aragon", Name: "Louis Aragon", Speaker: "Aragon"})
	b.Meta.Title = "Conversations with Stalin"
	b.Meta.Subtitle = "Two Conversations, 1935–1936"
	b.Interviews = []edition.Interview{
		{ID: "interview-1", Event: edition.Event{Date: edition.Date{Year: 1935, Month: 6, Day: 28}, Place: "Moscow", Participants: []string{"stalin", "rolland"}}},
		{ID: "interview-2", Event: edition.Event{Date: edition.Date{Year: 1936, Month: 7}, Participants: []string{"rolland", "aragon", "stalin"}}},
	}
	return b
}

func TestCollectionCitation(t *testing.T) {
	b := collection()
	c := Of(b)
	if !c.Collection || c.Place != "" || c.Original.Year != 1935 || c.Last.Year != 1936 {
		t.Errorf("collection %v place %q original %v last %v", c.Collection, c.Place, c.Original, c.Last)
	}
	if got, want := c.InterviewStatement(), "Interviews by Romain Rolland, 1935–1936"; got != want {
		t.Errorf("InterviewStatement() = %q, want %q", got, want)
	}
	if got := c.PlaceAndDate(); got != "" {
		t.Errorf("PlaceAndDate() = %q, want empty: the subtitle gives the years", got)
	}
	b.Meta.Subtitle = "Two Conversations"
	if got := Of(b).PlaceAndDate(); got != "1935–1936" {
		t.Errorf("PlaceAndDate() = %q, want the years", got)
	}
	if !strings.Contains(c.Text(), "Interviews by Romain Rolland, 1935–1936.") {
		t.Errorf("citation %q lacks the interviews' statement", c.Text())
	}

	var buf strings.Builder
	if err := CSLJSON(&buf, c); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(buf.String()), &items); err != nil {
		t.Fatal(err)
	}
	if items[0]["type"] != "book" || items[0]["event-date"] != nil || items[0]["original-date"] != nil || items[0]["event-place"] != nil {
		t.Errorf("CSL-JSON of a collection: type %v event-date %v original-date %v event-place %v; want a book without one event",
			items[0]["type"], items[0]["event-date"], items[0]["original-date"], items[0]["event-place"])
	}

	// One interview is the simple case: no collection.
	one := fixture()
	one.Interviews = b.Interviews[:1]
	if c := Of(one); c.Collection || c.Place != "Moscow" {
		t.Errorf("one interview: collection %v place %q", c.Collection, c.Place)
	}
}

func TestChapter(t *testing.T) {
	b := collection()
	for i, want := range []string{
		"Joseph Stalin and Romain Rolland. Moscow, 28\u00a0June 1935.",
		"Romain Rolland, Louis Aragon and Joseph Stalin. July 1936.",
	} {
		if got := Chapter(b, &b.Interviews[i]); got != want {
			t.Errorf("Chapter(%d) = %q, want %q", i+1, got, want)
		}
	}
	if got := ChapterLines(b, &b.Interviews[0]); len(got) != 2 || got[1] != "Moscow, 28\u00a0June 1935." {
		t.Errorf("ChapterLines = %q", got)
	}
	if got := Chapter(b, &edition.Interview{}); got != "" {
		t.Errorf("Chapter of nothing known = %q, want empty", got)
	}
}
