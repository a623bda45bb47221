package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

func minimalPDF(t *testing.T, xmp bool) []byte {
	t.Helper()
	p := gofpdf.New("P", "pt", "A5", "")
	p.SetCatalogSort(true)
	tm := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(tm)
	p.SetModificationDate(tm)
	if xmp {
		p.SetXmpMetadata([]byte("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"></x:xmpmeta>"))
	}
	p.AddPage()
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFinishPDF(t *testing.T) {
	in := minimalPDF(t, true)
	update, err := finishPDF(in, "en", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := append(bytes.Clone(in), update...)
	again, _ := finishPDF(in, "en", nil, nil)
	if !bytes.Equal(update, again) {
		t.Error("two updates of the same bytes differ")
	}
	tail := string(update)
	for _, want := range []string{"/Metadata ", "/Lang (en)", "/Prev ", "/ID [<", "/Pages 1 0 R"} {
		if !strings.Contains(tail, want) {
			t.Errorf("update lacks %q:\n%s", want, tail)
		}
	}
	if _, err := finishPDF(minimalPDF(t, false), "en", nil, nil); err == nil {
		t.Error("a PDF without an XMP stream was accepted")
	}
	if _, err := finishPDF([]byte("%PDF-1.3\nnot really"), "en", nil, nil); err == nil {
		t.Error("garbage accepted")
	}
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf not installed: not checking the updated file")
	}
	path := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command(qpdf, "--check", path).CombinedOutput()
	if err != nil || strings.Contains(strings.ToLower(string(res)), "warning") {
		t.Errorf("qpdf --check: %v\n%s", err, res)
	}
}
