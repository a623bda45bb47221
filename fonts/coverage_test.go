package fonts

import "testing"

func TestCoverage(t *testing.T) {
	for name, data := range map[string][]byte{"Regular": Regular, "Italic": Italic, "Bold": Bold, "BoldItalic": BoldItalic} {
		c, err := NewCoverage(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range "aZ€–—…“”’ÅéŒ" {
			if !c.Has(r) {
				t.Errorf("%s lacks %q", name, r)
			}
		}
		for _, r := range "🐈中\uE000" {
			if c.Has(r) {
				t.Errorf("%s has %q", name, r)
			}
		}
	}
	if _, err := NewCoverage([]byte("not a font")); err == nil {
		t.Error("a non-font parses")
	}
}
