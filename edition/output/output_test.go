package output

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestWriteAllWritesEveryFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	files := []File{
		{Name: "a.txt", Data: []byte("alpha")},
		{Name: "b.txt", Data: []byte("beta")},
	}
	if err := WriteAll(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(f.Data) {
			t.Errorf("%s = %q, want %q", p, got, f.Data)
		}
		info, _ := os.Stat(p)
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s mode %v, want 0644", p, info.Mode().Perm())
		}
	}
	// Writing again replaces every file and keeps no old copy aside.
	files[0].Data = []byte("alpha 2")
	if err := WriteAll(dir, files); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(got) != "alpha 2" {
		t.Errorf("a.txt = %q after a second write", got)
	}
	assertOnly(t, dir, "a.txt", "b.txt")
}

// TestNamesCannotEscapeTheFolder writes, among good files, one whose name
// a hostile version or slug would make; nothing at all may be written.
func TestNamesCannotEscapeTheFolder(t *testing.T) {
	for _, name := range []string{
		"book-1.0/../../../victim/pwn2.zip",
		"../victim.txt",
		"..",
		".",
		"",
		"/etc/passwd",
		`..\victim.txt`,
		"sub/book.txt",
		".hidden",
		"nul\x00.txt",
	} {
		root := t.TempDir()
		dir := filepath.Join(root, "out")
		err := WriteAll(dir, []File{
			{Name: "book.txt", Data: []byte("text")},
			{Name: name, Data: []byte("pwned")},
		})
		if err == nil {
			t.Errorf("WriteAll accepted the name %q", name)
		}
		if _, perr := Path(dir, name); perr == nil {
			t.Errorf("Path accepted the name %q", name)
		}
		// Nothing was written anywhere under root: not even the folder.
		entries, _ := os.ReadDir(root)
		if len(entries) != 0 {
			t.Errorf("name %q: WriteAll wrote %v though it failed", name, entries)
		}
	}
}

func TestSameNameTwiceIsRefused(t *testing.T) {
	dir := t.TempDir()
	err := WriteAll(dir, []File{{Name: "a.txt", Data: []byte("1")}, {Name: "a.txt", Data: []byte("2")}})
	if err == nil || !strings.Contains(err.Error(), "twice") {
		t.Fatalf("err = %v, want a file written twice", err)
	}
	assertOnly(t, dir)
}

// oldEditions fills dir with the outputs of an earlier build.
func oldEditions(t *testing.T, dir string) []File {
	t.Helper()
	var files []File
	for _, name := range []string{"book.txt", "book.epub", "book.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("old "+name), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Name: name, Data: []byte("new " + name)})
	}
	return files
}

// assertUnchanged requires every old edition to be as it was, and nothing
// else but the names in extra to be in dir.
func assertUnchanged(t *testing.T, dir string, files []File, extra ...string) {
	t.Helper()
	names := extra
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if want := "old " + f.Name; string(got) != want {
			t.Errorf("%s = %q after a failed build, want %q", p, got, want)
		}
		names = append(names, f.Name)
	}
	assertOnly(t, dir, names...)
}

// TestDirectoryAtTheLastTargetChangesNothing puts a directory where the PDF
// must go: the check before the first rename must find it, so the text and
// the EPUB stay old.
func TestDirectoryAtTheLastTargetChangesNothing(t *testing.T) {
	dir := t.TempDir()
	files := oldEditions(t, dir)
	os.Remove(filepath.Join(dir, "book.pdf"))
	if err := os.Mkdir(filepath.Join(dir, "book.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := WriteAll(dir, files)
	if err == nil || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("err = %v, want a directory in the way", err)
	}
	assertUnchanged(t, dir, files[:2], "book.pdf")
}

func TestNamedPipeAtATargetChangesNothing(t *testing.T) {
	dir := t.TempDir()
	files := oldEditions(t, dir)
	os.Remove(filepath.Join(dir, "book.pdf"))
	if err := exec.Command("mkfifo", filepath.Join(dir, "book.pdf")).Run(); err != nil {
		t.Skip("mkfifo not available:", err)
	}
	err := WriteAll(dir, files)
	if err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Fatalf("err = %v, want a named pipe in the way", err)
	}
	assertUnchanged(t, dir, files[:2], "book.pdf")
}

// TestFailedRenamePutsBackWhatWasReplaced makes the third rename fail, as an
// immutable file or a full disk would after the checks: the first two files,
// already replaced, must be put back, and a file that did not exist before
// must be gone again.
func TestFailedRenamePutsBackWhatWasReplaced(t *testing.T) {
	dir := t.TempDir()
	files := oldEditions(t, dir)
	files = append([]File{{Name: "CITATION.cff", Data: []byte("new")}}, files...)
	defer func() { rename = os.Rename }()
	rename = func(from, to string) error {
		if filepath.Base(to) == "book.pdf" && strings.Contains(from, tempSep) && !strings.Contains(from, "-old") {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("operation not permitted")}
		}
		return os.Rename(from, to)
	}
	err := WriteAll(dir, files)
	if err == nil || !strings.Contains(err.Error(), "book.pdf") {
		t.Fatalf("err = %v, want the PDF's rename to fail", err)
	}
	assertUnchanged(t, dir, files[1:])
}

func TestReadOnlyFolderChangesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: a read-only folder does not stop root")
	}
	dir := t.TempDir()
	files := oldEditions(t, dir)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if err := WriteAll(dir, files); err == nil {
		t.Fatal("WriteAll succeeded in a read-only folder")
	}
	os.Chmod(dir, 0o755)
	assertUnchanged(t, dir, files)
}

// TestImmutableFolderChangesNothing makes the output folder immutable,
// which stops root too (a read-only folder does not): no temporary can be
// written and nothing changes.
func TestImmutableFolderChangesNothing(t *testing.T) {
	dir := t.TempDir()
	files := oldEditions(t, dir)
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("chattr +i not possible here (needs chattr, root and a file system with attributes): %v %s", err, out)
	}
	defer exec.Command("chattr", "-i", dir).Run()
	if err := WriteAll(dir, files); err == nil {
		t.Fatal("WriteAll succeeded in an immutable folder")
	}
	exec.Command("chattr", "-i", dir).Run()
	assertUnchanged(t, dir, files)
}

// TestImmutableTargetChangesNothing uses chattr +i where the file system
// and the user allow it.
func TestImmutableTargetChangesNothing(t *testing.T) {
	dir := t.TempDir()
	files := oldEditions(t, dir)
	pdf := filepath.Join(dir, "book.pdf")
	if out, err := exec.Command("chattr", "+i", pdf).CombinedOutput(); err != nil {
		t.Skipf("chattr +i not possible here (needs chattr, root and a file system with attributes): %v %s", err, out)
	}
	defer exec.Command("chattr", "-i", pdf).Run()
	if err := WriteAll(dir, files); err == nil {
		t.Fatal("WriteAll succeeded over an immutable file")
	}
	assertUnchanged(t, dir, files)
}

// TestRemoveStaleRemovesOnlyDeadBuildsTemporaries leaves in a folder what a
// killed build leaves, with lookalikes that are not this tool's temporaries
// and the temporary of a build still running (this process).
func TestRemoveStaleRemovesOnlyDeadBuildsTemporaries(t *testing.T) {
	dir := t.TempDir()
	dead := deadPID(t)
	me := strconv.Itoa(os.Getpid())
	stale := []string{
		".book.pdf.tmp-" + dead + "-123456789",
		".book-1.0.0.zip.tmp-" + dead + "-42",
		".CITATION.cff.tmp-" + dead + "-old0",
	}
	kept := []string{
		"book.pdf",
		".book.pdf.tmp-" + me + "-123456789", // a live build's
		".book.pdf.tmp-" + dead,              // no random part
		".book.pdf.tmp-" + dead + "-12x",     // not digits
		".book.pdf.tmp-x-123",                // no pid
		"book.pdf.tmp-" + dead + "-123",      // no leading dot
		".notes.tmp-" + dead + "-1.txt",      // another pattern
		".tmp-" + dead + "-1",                // no file name
	}
	for _, name := range append(append([]string(nil), stale...), kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A directory named like a temporary is not removed either.
	if err := os.Mkdir(filepath.Join(dir, ".book.txt.tmp-"+dead+"-7"), 0o755); err != nil {
		t.Fatal(err)
	}
	removed, err := RemoveStale(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != len(stale) {
		t.Errorf("removed %v, want %v", removed, stale)
	}
	assertOnly(t, dir, append(kept, ".book.txt.tmp-"+dead+"-7")...)
	if removed, err := RemoveStale(filepath.Join(dir, "missing")); err != nil || removed != nil {
		t.Errorf("RemoveStale of a missing folder = %v, %v", removed, err)
	}
}

// deadPID returns the id of a process that has exited.
func deadPID(t *testing.T) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	if running(pid) {
		t.Skip("the exited test process's id is in use again")
	}
	return strconv.Itoa(pid)
}

// assertOnly requires dir to hold exactly the names given.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("%s holds %s, which it should not", dir, e.Name())
		}
		delete(want, e.Name())
	}
	for n := range want {
		t.Errorf("%s lacks %s", dir, n)
	}
}
