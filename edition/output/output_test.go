package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAllWritesEveryFile(t *testing.T) {
	dir := t.TempDir()
	files := []File{
		{Path: filepath.Join(dir, "a.txt"), Data: []byte("alpha")},
		{Path: filepath.Join(dir, "sub", "b.txt"), Data: []byte("beta")},
	}
	if err := WriteAll(files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(f.Data) {
			t.Errorf("%s = %q, want %q", f.Path, got, f.Data)
		}
		info, _ := os.Stat(f.Path)
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s mode %v, want 0644", f.Path, info.Mode().Perm())
		}
	}
	assertNoTemps(t, dir)
	assertNoTemps(t, filepath.Join(dir, "sub"))
}

func TestWriteAllLeavesOutputsAloneOnFailure(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "book.txt")
	if err := os.WriteFile(old, []byte("old edition"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory standing where a file must go makes the second write fail.
	blocked := filepath.Join(dir, "blocked")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteAll([]File{
		{Path: old, Data: []byte("new edition")},
		{Path: filepath.Join(blocked, "x.epub"), Data: []byte("zip")},
	})
	if err == nil {
		t.Fatal("WriteAll succeeded writing below a regular file")
	}
	got, _ := os.ReadFile(old)
	if string(got) != "old edition" {
		t.Errorf("existing output changed to %q by a failed build", got)
	}
	assertNoTemps(t, dir)
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if len(matches) > 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}
}
