package load

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"edition/edition"
)

// uuidRE is a UUID in its canonical textual form (RFC 9562), either case.
var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// schemeRE is a URI scheme.
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`)

// identifier reads the book's identifier: urn:uuid: and a UUID, urn:isbn:
// and an ISBN with a correct check digit, or another absolute URI, written
// with the characters RFC 3986 allows.
func (d *metaDecoder) identifier(n *yaml.Node) string {
	s := d.str(n)
	if s == "" {
		return ""
	}
	if err := checkIdentifier(s); err != nil {
		d.err(n, "identifier %q: %v", s, err)
	}
	return s
}

// checkIdentifier says what is wrong with the identifier s, if anything.
func checkIdentifier(s string) error {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "urn:uuid:"):
		if !uuidRE.MatchString(s[len("urn:uuid:"):]) {
			return fmt.Errorf("not a UUID: write urn:uuid: and 32 hexadecimal digits as 8-4-4-4-12")
		}
		return nil
	case strings.HasPrefix(lower, "urn:isbn:"):
		if _, err := edition.ParseISBN(s[len("urn:isbn:"):]); err != nil {
			return err
		}
		return nil
	}
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || !schemeRE.MatchString(scheme) || rest == "" {
		return fmt.Errorf("must be a URI such as urn:uuid:… or urn:isbn:…")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return fmt.Errorf("characters beyond ASCII are not allowed in a URI")
		case !urlChar(c):
			return fmt.Errorf("character %q is not allowed in a URI", rune(c))
		case c == '%' && (i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2])):
			return fmt.Errorf("%% not followed by two hexadecimal digits")
		}
	}
	return nil
}
