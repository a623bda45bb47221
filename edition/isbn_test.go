package edition

import (
	"fmt"
	"testing"
	"time"
)

func TestParseISBN(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"978-0-306-40615-7", "9780306406157", ""},
		{"978 0 306 40615 7", "9780306406157", ""},
		{"9791234567896", "9791234567896", ""},
		{"0-306-40615-2", "0306406152", ""},
		{"0-8044-2957-X", "080442957X", ""},
		{"0-8044-2957-x", "080442957X", ""},
		{"978-0-306-40615-8", "", "the ISBN-13's check digit is wrong"},
		{"0-306-40615-3", "", "the ISBN-10's check digit is wrong"},
		{"9770306406156", "", "an ISBN-13 begins with 978 or 979"},
		{"978030640615X", "", "an ISBN-13 has only digits"},
		{"0-80X4-2957-1", "", "an X may only be the last character of an ISBN-10"},
		{"-0306406152", "", "hyphens and spaces go only between the digits of an ISBN, one at a time"},
		{"0306406152-", "", "hyphens and spaces go only between the digits of an ISBN, one at a time"},
		{"0--306406152", "", "hyphens and spaces go only between the digits of an ISBN, one at a time"},
		{"030640615", "", "an ISBN is 10 or 13 digits"},
		{"", "", "an ISBN is 10 or 13 digits"},
		{"ISBN 0306406152", "", "an ISBN has only digits and hyphens (and a final X for ISBN-10)"},
		{"０306406152", "", "an ISBN has only digits and hyphens (and a final X for ISBN-10)"},
	} {
		got, err := ParseISBN(tc.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tc.want || msg != tc.err {
			t.Errorf("ParseISBN(%q) = %q, %q; want %q, %q", tc.in, got, msg, tc.want, tc.err)
		}
	}
}

func ExampleParseISBN() {
	isbn, err := ParseISBN("978-0-306-40615-7")
	fmt.Println(isbn, err)
	_, err = ParseISBN("978-0-306-40615-8")
	fmt.Println(err)
	// Output:
	// 9780306406157 <nil>
	// the ISBN-13's check digit is wrong
}

func TestCheckModified(t *testing.T) {
	for _, tc := range []struct {
		t  string
		ok bool
	}{
		{"1980-01-01T00:00:00Z", true},
		{"1979-12-31T23:59:59Z", false},
		{"9999-12-31T23:59:59Z", true},
		{"9999-12-31T23:59:59-00:01", false},
	} {
		tm, err := time.Parse(time.RFC3339, tc.t)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckModified(tm); (err == nil) != tc.ok {
			t.Errorf("CheckModified(%s) = %v", tc.t, err)
		}
	}
}
