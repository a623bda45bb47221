package release

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

var sample = []Artifact{
	{Name: "book.txt", Data: []byte("text edition\n")},
	{Name: "book.epub", Data: []byte("PK not really")},
	{Name: "CITATION.cff", Data: []byte("cff-version: 1.2.0\n")},
}

var when = time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)

func TestChecksumsVerifyWithSha256sum(t *testing.T) {
	sums := Checksums(sample)
	if bytes.Count(sums, []byte("\n")) != len(sample) {
		t.Fatalf("SHA256SUMS has %d lines, want %d:\n%s", bytes.Count(sums, []byte("\n")), len(sample), sums)
	}
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Skip("sha256sum not installed")
	}
	dir := t.TempDir()
	for _, a := range sample {
		if err := os.WriteFile(filepath.Join(dir, a.Name), a.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "SHA256SUMS"), sums, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sha256sum", "--strict", "-c", "SHA256SUMS")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sha256sum -c: %v\n%s", err, out)
	}
	// A changed file must fail the check.
	if err := os.WriteFile(filepath.Join(dir, "book.txt"), []byte("changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command("sha256sum", "-c", "SHA256SUMS")
	cmd.Dir = dir
	if err := cmd.Run(); err == nil {
		t.Error("sha256sum -c accepted a changed file")
	}
}

func TestZipIsSortedDeterministicAndComplete(t *testing.T) {
	a, err := Zip("book-1.0.0", sample, when)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Zip("book-1.0.0", []Artifact{sample[2], sample[0], sample[1]}, when)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same artifacts in another order gave another zip")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	wantNames := []string{"book-1.0.0/CITATION.cff", "book-1.0.0/book.epub", "book-1.0.0/book.txt"}
	if len(zr.File) != len(wantNames) {
		t.Fatalf("zip has %d entries, want %d", len(zr.File), len(wantNames))
	}
	for i, f := range zr.File {
		if f.Name != wantNames[i] {
			t.Errorf("entry %d is %s, want %s", i, f.Name, wantNames[i])
		}
		if !f.Modified.Equal(when) {
			t.Errorf("%s stamped %v, want %v", f.Name, f.Modified, when)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		var orig []byte
		for _, s := range sample {
			if "book-1.0.0/"+s.Name == f.Name {
				orig = s.Data
			}
		}
		if !bytes.Equal(data, orig) {
			t.Errorf("%s holds %q, want %q", f.Name, data, orig)
		}
	}
	if zr.File[1].Method != zip.Store {
		t.Error("the EPUB was compressed again instead of stored")
	}
}

// TestZipRefusesNamesThatClimbOut is the release half of a hostile version:
// the zip's folder is "<slug>-<version>", and a version with slashes must
// not give entries like "../../victim/pwn2/CITATION.cff".
func TestZipRefusesNamesThatClimbOut(t *testing.T) {
	for _, dir := range []string{"book-1.0/../../../victim/pwn2", "../x", "..", "", "/abs"} {
		if _, err := Zip(dir, sample, when); err == nil {
			t.Errorf("Zip accepted the folder %q", dir)
		}
	}
	if _, err := Zip("book-1.0.0", []Artifact{{Name: "../x.txt"}}, when); err == nil {
		t.Error("Zip accepted the artifact ../x.txt")
	}
}
