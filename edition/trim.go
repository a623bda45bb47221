package edition

import "strings"

// Trim is a page size of the print edition, named as the metadata and the
// command line name it.
type Trim struct {
	Name string
	// Width and Height are in PostScript points (1/72 in).
	Width, Height float64
}

// Trims are the trim sizes the print edition knows: trade paperback sizes.
var Trims = []Trim{
	{Name: "5.5x8.5in", Width: 5.5 * 72, Height: 8.5 * 72},
	{Name: "a5", Width: 148 / 25.4 * 72, Height: 210 / 25.4 * 72},
	{Name: "6x9in", Width: 6 * 72, Height: 9 * 72},
}

// DefaultTrim names the trim used when neither the command line nor the
// metadata names one.
const DefaultTrim = "5.5x8.5in"

// TrimNamed returns the trim of the given name, exactly as Trims spells it.
func TrimNamed(name string) (Trim, bool) {
	for _, t := range Trims {
		if t.Name == name {
			return t, true
		}
	}
	return Trim{}, false
}

// TrimNames lists the names of Trims for messages, joined by sep, the last
// two by last: TrimNames(", ", " or ") is "5.5x8.5in, a5 or 6x9in".
func TrimNames(sep, last string) string {
	var b strings.Builder
	for i, t := range Trims {
		switch {
		case i == 0:
		case i == len(Trims)-1:
			b.WriteString(last)
		default:
			b.WriteString(sep)
		}
		b.WriteString(t.Name)
	}
	return b.String()
}
