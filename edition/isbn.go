package edition

import (
	"errors"
	"strings"
)

// ParseISBN checks that s is an ISBN-10 or ISBN-13 with a correct check
// digit and returns its canonical form: the digits alone (and a final X
// for an ISBN-10 whose check digit is ten), without hyphens or spaces.
// Hyphens and spaces in s are allowed between digits, as ISBNs are
// printed ("978-0-306-40615-7"), but not at either end or twice in a row.
// The error says what is wrong in words fit for a message to the author.
func ParseISBN(s string) (string, error) {
	if s == "" {
		return "", errors.New("an ISBN is 10 or 13 digits")
	}
	var digits strings.Builder
	prevSep := true // no separator at the start
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
			prevSep = false
		case r == 'X' || r == 'x':
			if i != len(s)-1 {
				return "", errors.New("an X may only be the last character of an ISBN-10")
			}
			digits.WriteByte('X')
			prevSep = false
		case r == '-' || r == ' ':
			if prevSep || i == len(s)-1 {
				return "", errors.New("hyphens and spaces go only between the digits of an ISBN, one at a time")
			}
			prevSep = true
		default:
			return "", errors.New("an ISBN has only digits and hyphens (and a final X for ISBN-10)")
		}
	}
	d := digits.String()
	switch len(d) {
	case 10:
		sum := 0
		for i := 0; i < 10; i++ {
			v := int(d[i] - '0')
			if d[i] == 'X' {
				v = 10
			}
			sum += (10 - i) * v
		}
		if sum%11 != 0 {
			return "", errors.New("the ISBN-10's check digit is wrong")
		}
	case 13:
		if strings.HasSuffix(d, "X") {
			return "", errors.New("an ISBN-13 has only digits")
		}
		if !strings.HasPrefix(d, "978") && !strings.HasPrefix(d, "979") {
			return "", errors.New("an ISBN-13 begins with 978 or 979")
		}
		sum := 0
		for i := 0; i < 13; i++ {
			v := int(d[i] - '0')
			if i%2 == 1 {
				v *= 3
			}
			sum += v
		}
		if sum%10 != 0 {
			return "", errors.New("the ISBN-13's check digit is wrong")
		}
	default:
		return "", errors.New("an ISBN is 10 or 13 digits")
	}
	return d, nil
}
