package layout

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoDrawingDependency checks that the page engine depends on neither
// the PDF backend nor gofpdf, as go list sees the package.
func TestNoDrawingDependency(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not installed: cannot list the package's dependencies")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "edition/edition/pdf" || strings.Contains(dep, "gofpdf") {
			t.Errorf("edition/layout depends on %s", dep)
		}
	}
	if !strings.Contains(string(out), "edition/edition/linebreak") {
		t.Errorf("go list -deps does not list linebreak: %s", out)
	}
}
