package ziparchive

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

var when = time.Date(2017, 3, 4, 5, 6, 8, 0, time.UTC)

var entries = []Entry{
	{Name: "EPUB/xhtml/b.xhtml", Data: []byte("<b/>")},
	{Name: "EPUB/a.png", Data: []byte("png"), Store: true},
	{Name: "mimetype", Data: []byte("application/epub+zip")},
	{Name: "META-INF/container.xml", Data: []byte("<container/>")},
}

func TestArchiveOrderMethodsAndDates(t *testing.T) {
	data, err := Write(entries, when)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	wantNames := []string{"mimetype", "EPUB/a.png", "EPUB/xhtml/b.xhtml", "META-INF/container.xml"}
	wantMethod := []uint16{zip.Store, zip.Store, zip.Deflate, zip.Deflate}
	if len(zr.File) != len(wantNames) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(wantNames))
	}
	for i, f := range zr.File {
		if f.Name != wantNames[i] || f.Method != wantMethod[i] {
			t.Errorf("entry %d = %s (method %d), want %s (method %d)", i, f.Name, f.Method, wantNames[i], wantMethod[i])
		}
		if len(f.Extra) != 0 {
			t.Errorf("%s has an extra field (%d bytes)", f.Name, len(f.Extra))
		}
		if !f.Modified.Equal(when) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, when)
		}
		if f.Mode().Perm() != 0o644 {
			t.Errorf("%s mode %v, want 0644", f.Name, f.Mode())
		}
		rc, _ := f.Open()
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name == f.Name && string(e.Data) != string(got) {
				t.Errorf("%s = %q, want %q", f.Name, got, e.Data)
			}
		}
	}
	// The OCF rule read at the byte level: the mimetype's local header is
	// first, its name at offset 30 and its content right after it.
	if string(data[30:38]) != "mimetype" || string(data[38:58]) != "application/epub+zip" {
		t.Errorf("the archive does not start with a stored mimetype: %q", data[30:58])
	}
	again, err := Write([]Entry{entries[3], entries[1], entries[0], entries[2]}, when)
	if err != nil || !bytes.Equal(data, again) {
		t.Errorf("the same entries in another order give other bytes (err %v)", err)
	}
}

func TestDatesOutsideTheZipRangeAreClamped(t *testing.T) {
	for _, tc := range []struct{ in, want time.Time }{
		{time.Unix(0, 0), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)},
	} {
		data, err := Write([]Entry{{Name: "a", Data: nil}}, tc.in)
		if err != nil {
			t.Fatal(err)
		}
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if got := zr.File[0].Modified; !got.Equal(tc.want) {
			t.Errorf("%v is dated %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestNamesThatWouldUnpackOutsideAreRefused(t *testing.T) {
	for _, name := range []string{
		"../../victim/pwn2/CITATION.cff",
		"book-1.0/../../../victim/pwn2/CITATION.cff",
		"/etc/passwd",
		"a//b",
		"./a",
		`..\evil`,
		"",
		".",
		"a/",
	} {
		if _, err := Write([]Entry{{Name: "ok.txt"}, {Name: name}}, when); err == nil {
			t.Errorf("Write accepted the entry name %q", name)
		}
	}
	if _, err := Write([]Entry{{Name: "a"}, {Name: "a"}}, when); err == nil {
		t.Error("Write accepted the same name twice")
	}
}

// TestUnzipReadsTheArchive lets Info-ZIP's unzip test the archive, when it
// is installed.
func TestUnzipReadsTheArchive(t *testing.T) {
	if _, err := exec.LookPath("unzip"); err != nil {
		t.Skip("unzip not installed")
	}
	data, err := Write(entries, when)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "a.zip")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("unzip", "-t", p).CombinedOutput(); err != nil {
		t.Fatalf("unzip -t: %v\n%s", err, out)
	}
}
