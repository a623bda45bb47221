// Package output writes a build's files into one output folder, all or
// nothing.
//
// Every file is named by a plain file name (Name), never by a path: Path
// refuses a name that is empty, ".", "..", hidden, or holds a path separator,
// so no metadata value that ends up in a file name can make a build write
// outside its folder.
//
// WriteAll first writes every file in full to a temporary file beside its
// destination; then checks that every destination can be replaced (it is not
// a directory or a special file, the folder is writable, and an existing file
// can be kept aside); then renames the files into place. Each existing file is
// kept aside under a temporary name until every rename has succeeded; when a
// rename fails, the files already renamed are put back as they were. A failed
// build leaves every existing output as it was.
//
// Temporaries are named ".<name>.tmp-<pid>-<random>", the process id being
// the writing build's. RemoveStale removes those a killed build left behind
// (whose process is gone), and nothing else.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// File is one output: its file name inside the output folder and its
// complete contents.
type File struct {
	Name string
	Data []byte
}

// Path returns where the file name goes in the folder dir. It refuses any
// name that could be written anywhere but directly inside dir.
func Path(dir, name string) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

// checkName reports why name is not a plain file name, if it is not.
func checkName(name string) error {
	switch {
	case name == "":
		return errors.New("output file name is empty")
	case name == "." || name == "..":
		return fmt.Errorf("output file name %q is not a file name", name)
	case strings.ContainsAny(name, `/\`+"\x00"):
		return fmt.Errorf("output file name %q holds a path separator: it must name a file directly inside the output folder", name)
	case strings.HasPrefix(name, "."):
		return fmt.Errorf("output file name %q starts with a dot", name)
	case !filepath.IsLocal(name):
		return fmt.Errorf("output file name %q is not a local file name", name)
	}
	return nil
}

// rename is os.Rename; tests replace it to make a rename fail.
var rename = os.Rename

// step is one file of a write: its destination, the temporary holding its
// new contents and, once kept aside, the temporary holding the old file.
type step struct {
	path, tmp, aside string
	existed, done    bool
}

// WriteAll writes files into dir as a group, as far as the file system
// allows: nothing is renamed into place until every file has been written to
// its temporary name and every destination has been checked, and when any
// step fails every destination is left as it was and every temporary is
// removed. The folder is created as needed with mode 0755; files get mode
// 0644.
func WriteAll(dir string, files []File) (err error) {
	steps := make([]*step, len(files))
	seen := map[string]bool{}
	var problems []error
	for i, f := range files {
		p, err := Path(dir, f.Name)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if seen[f.Name] {
			problems = append(problems, fmt.Errorf("output file %s is written twice", p))
		}
		seen[f.Name] = true
		steps[i] = &step{path: p}
	}
	if len(problems) > 0 {
		return errors.Join(problems...)
	}
	defer func() {
		// Whatever happened, no temporary stays: on success the kept-aside
		// old files go; on failure the new contents do.
		for _, s := range steps {
			if s.tmp != "" {
				os.Remove(s.tmp)
			}
			if s.aside != "" {
				os.Remove(s.aside)
			}
		}
	}()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	for i, f := range files {
		tmp, err := writeTemp(steps[i].path, f.Data)
		if err != nil {
			return err
		}
		steps[i].tmp = tmp
	}
	for _, s := range steps {
		if err := s.prepare(); err != nil {
			return err
		}
	}
	for i, s := range steps {
		if err := rename(s.tmp, s.path); err != nil {
			err = fmt.Errorf("write %s: %w", s.path, err)
			return errors.Join(err, undo(steps[:i]))
		}
		s.tmp, s.done = "", true
	}
	return nil
}

// prepare checks that the step's destination can be replaced and keeps an
// existing file aside, as a hard link (or, where links are not possible, a
// copy) under a temporary name, so that it can be put back.
func (s *step) prepare() error {
	info, err := os.Lstat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writable(filepath.Dir(s.path), s.path)
	case err != nil:
		return fmt.Errorf("write %s: %w", s.path, err)
	case info.IsDir():
		return fmt.Errorf("write %s: a directory stands where the file must go", s.path)
	case !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0:
		return fmt.Errorf("write %s: a %s stands where the file must go", s.path, kind(info.Mode()))
	}
	if err := writable(filepath.Dir(s.path), s.path); err != nil {
		return err
	}
	s.existed = true
	aside := tempName(s.path, "old")
	if err := os.Link(s.path, aside); err != nil {
		// An immutable or append-only file cannot be linked, nor replaced.
		if errors.Is(err, syscall.EPERM) {
			return fmt.Errorf("write %s: the existing file cannot be replaced: %w", s.path, err)
		}
		data, rerr := os.ReadFile(s.path)
		if rerr != nil {
			return fmt.Errorf("write %s: keep the old file: %w", s.path, errors.Join(err, rerr))
		}
		if werr := os.WriteFile(aside, data, info.Mode().Perm()); werr != nil {
			os.Remove(aside)
			return fmt.Errorf("write %s: keep the old file: %w", s.path, errors.Join(err, werr))
		}
	}
	s.aside = aside
	return nil
}

// undo puts back the destinations of steps already renamed: the kept-aside
// old file where there was one, no file where there was none.
func undo(steps []*step) error {
	var errs []error
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		if !s.done {
			continue
		}
		var err error
		if s.existed {
			err = rename(s.aside, s.path)
			if err == nil {
				s.aside = ""
			}
		} else {
			err = os.Remove(s.path)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("put back %s: %w", s.path, err))
		}
	}
	return errors.Join(errs...)
}

// writable reports an error when the folder dir does not let this process
// create or replace a file, or when its sticky bit keeps it from replacing
// the existing file path.
func writable(dir, path string) error {
	if err := syscall.Access(dir, 2 /* W_OK */); err != nil {
		return fmt.Errorf("write %s: the folder %s is not writable: %w", path, dir, err)
	}
	dinfo, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if dinfo.Mode()&fs.ModeSticky == 0 {
		return nil
	}
	finfo, err := os.Lstat(path)
	if err != nil {
		return nil // a new file: the sticky bit does not matter
	}
	uid := os.Geteuid()
	if uid == 0 {
		return nil
	}
	fst, fok := finfo.Sys().(*syscall.Stat_t)
	dst, dok := dinfo.Sys().(*syscall.Stat_t)
	if fok && dok && int(fst.Uid) != uid && int(dst.Uid) != uid {
		return fmt.Errorf("write %s: the file belongs to another user in a sticky folder", path)
	}
	return nil
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// tempSep separates a temporary's file name from its process id and random
// part.
const tempSep = ".tmp-"

// writeTemp writes data to a new temporary file beside path.
func writeTemp(path string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+tempSep+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr, os.Chmod(tmp.Name(), 0o644)); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return tmp.Name(), nil
}

// tempName returns an unused temporary name beside path in the same pattern
// as writeTemp's, with tag as its random part's prefix.
func tempName(path, tag string) string {
	for n := 0; ; n++ {
		name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+tempSep+strconv.Itoa(os.Getpid())+"-"+tag+strconv.Itoa(n))
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
	}
}

// RemoveStale removes from dir the temporaries that a build of this tool
// left when it was killed while writing: regular files named
// ".<name>.tmp-<pid>-<random>" whose process no longer runs. It removes
// nothing else, and nothing of a build still running. It returns the names
// it removed.
func RemoveStale(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var removed []string
	var errs []error
	for _, e := range entries {
		pid, ok := tempPID(e.Name())
		if !ok || !e.Type().IsRegular() || running(pid) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, e.Name())
	}
	return removed, errors.Join(errs...)
}

// tempPID returns the process id in a temporary's name, and whether name is
// a temporary's name at all.
func tempPID(name string) (int, bool) {
	if !strings.HasPrefix(name, ".") {
		return 0, false
	}
	i := strings.LastIndex(name, tempSep)
	if i < 2 || checkName(name[1:i]) != nil {
		return 0, false
	}
	pidText, random, ok := strings.Cut(name[i+len(tempSep):], "-")
	if !ok || random == "" || !digits(pidText) || len(pidText) > 9 {
		return 0, false
	}
	// Random parts are CreateTemp's decimal digits, or "old" and a count.
	if !digits(strings.TrimPrefix(random, "old")) {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	return pid, err == nil && pid > 0
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// running reports whether a process with the id pid exists.
func running(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
