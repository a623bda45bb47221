package edition

import "testing"

func TestTrims(t *testing.T) {
	if _, ok := TrimNamed(DefaultTrim); !ok {
		t.Errorf("the default trim %q is not among Trims", DefaultTrim)
	}
	a5, ok := TrimNamed("a5")
	if !ok || a5.Width < 419.52 || a5.Width > 419.54 || a5.Height < 595.27 || a5.Height > 595.29 {
		t.Errorf("a5 is %+v, want 419.53×595.28 pt", a5)
	}
	if _, ok := TrimNamed("A5"); ok {
		t.Error("TrimNamed matches names in another case")
	}
	if got := TrimNames(", ", " or "); got != "5.5x8.5in, a5 or 6x9in" {
		t.Errorf("TrimNames = %q", got)
	}
}
