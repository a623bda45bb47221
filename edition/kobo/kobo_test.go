package kobo

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"edition/edition/epub"
	"edition/internal/realbook"
)

func realEPUB(t *testing.T) []byte {
	t.Helper()
	b := realbook.Load(t)
	var buf bytes.Buffer
	if err := (&epub.Renderer{}).Render(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var when = time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)

func TestConvertIsDeterministic(t *testing.T) {
	in := realEPUB(t)
	first, err := Convert(in, when)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		again, err := Convert(in, when)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("conversion %d gave other bytes", i+2)
		}
	}
}

func TestConvertAddsKoboSpansAndKeepsTheContainer(t *testing.T) {
	out, err := Convert(realEPUB(t), when)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "mimetype" || zr.File[0].Method != zip.Store {
		t.Fatalf("first entry is %s (method %d), want mimetype stored", zr.File[0].Name, zr.File[0].Method)
	}
	if len(zr.File[0].Extra) != 0 {
		t.Errorf("mimetype has an extra field of %d bytes", len(zr.File[0].Extra))
	}
	spans := 0
	for i, f := range zr.File {
		if i > 1 && f.Name < zr.File[i-1].Name {
			t.Errorf("entry %s comes after %s", f.Name, zr.File[i-1].Name)
		}
		if i > 0 && !f.Modified.Equal(when) {
			t.Errorf("%s stamped %v", f.Name, f.Modified)
		}
		if strings.HasSuffix(f.Name, ".xhtml") {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			spans += strings.Count(string(data), `class="koboSpan"`)
		}
	}
	if spans == 0 {
		t.Error("no koboSpan in any content document: kepubify did not run")
	}
}
