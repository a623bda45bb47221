// Package output writes a build's files all or nothing: every file is first
// written in full to a temporary file beside its destination, and only when
// all of them are written are they renamed into place. A failed build leaves
// every existing output as it was.
package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is one output: where it goes and its complete contents.
type File struct {
	Path string
	Data []byte
}

// WriteAll writes files atomically as a group, as far as the file system
// allows: nothing is renamed into place until every file has been written to
// its temporary name, and on any error the temporary files are removed.
// Directories are created as needed with mode 0755; files get mode 0644.
func WriteAll(files []File) (err error) {
	temps := make([]string, 0, len(files))
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, f := range files {
		tmp, err := writeTemp(f)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.Path); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		temps[i] = "" // renamed: nothing left to remove
	}
	return nil
}

func writeTemp(f File) (string, error) {
	dir := filepath.Dir(f.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("write %s: %w", f.Path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.Path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", f.Path, err)
	}
	_, werr := tmp.Write(f.Data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr, os.Chmod(tmp.Name(), 0o644)); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write %s: %w", f.Path, err)
	}
	return tmp.Name(), nil
}
