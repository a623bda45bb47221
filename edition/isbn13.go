package edition

import "strings"

// ISBNDigits returns the thirteen digits of an ISBN-13 written with or
// without hyphens or spaces, and an optional "urn:isbn:" prefix
// ("978-0-306-40615-7" → "9780306406157"), and whether s is one: the check
// is ParseISBN's, restricted to ISBN-13, the form an edition's ISBN takes.
func ISBNDigits(s string) (string, bool) {
	d, err := ParseISBN(strings.TrimPrefix(s, "urn:isbn:"))
	if err != nil || len(d) != 13 {
		return "", false
	}
	return d, true
}
