//go:build unix

package load

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFilesOnDisk puts a named pipe, and a link to /dev/zero, in
// place of a source file: each must be refused at once, not waited on or
// read without end. The load runs with a watchdog so that a regression
// fails the test instead of hanging it.
func TestSpecialFilesOnDisk(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(path string) error
		want string
	}{
		{"named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "is a named pipe, not a regular file"},
		{"link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "is a device, not a regular file"},
		{"link to nowhere", func(p string) error { return os.Symlink("nowhere.md", p) }, "missing file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "link to /dev/zero" {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero")
				}
			}
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("testdata/book")); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, InterviewFile)
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := tc.make(path); err != nil {
				t.Skipf("cannot make a %s here: %v", tc.name, err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := Dir(dir)
				done <- err
			}()
			select {
			case err := <-done:
				want := path + ": " + tc.want
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %v, want %s", err, want)
				}
			case <-time.After(time.Minute):
				t.Fatal("the load is still waiting on the file after a minute")
			}
		})
	}
}

// TestDirOpensWithoutWaiting opens a named pipe through the loader's
// directory file system directly, as a file swapped in after the check of
// its mode would be: the open must return, not wait for a writer.
func TestDirOpensWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := dirFS(dir).Open("pipe")
		if err == nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("open: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the open is still waiting for a writer after a minute")
	}
}
