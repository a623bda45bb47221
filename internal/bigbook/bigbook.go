// Package bigbook makes long books for benchmarks from a real source folder:
// the interview and its notes repeated n times, with every note label made
// unique, so that the cost of each stage can be measured as the book grows
// without committing large files.
package bigbook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// noteLabel matches a note reference or the start of a definition.
var noteLabel = regexp.MustCompile(`\[\^([A-Za-z0-9_-]+)\]`)

// Write copies the source folder src into dst with the body of interview.md
// and endnotes.md repeated n times (n >= 1). Repetition k > 1 renames each
// note label L to L-k, so every note stays referenced exactly once.
func Write(src, dst string, n int) error {
	if n < 1 {
		return fmt.Errorf("bigbook: n = %d, want at least 1", n)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"metadata.yaml", "preface.md", "colophon.md", "interview.md", "endnotes.md"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return fmt.Errorf("bigbook: %w", err)
		}
		if name == "interview.md" || name == "endnotes.md" {
			data = repeatBody(data, n)
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
			return fmt.Errorf("bigbook: %w", err)
		}
	}
	return nil
}

// repeatBody keeps the first line (the file's heading) once and repeats the
// rest n times with renamed note labels.
func repeatBody(data []byte, n int) []byte {
	heading, body, _ := bytes.Cut(data, []byte("\n"))
	body = append(bytes.TrimRight(body, "\n"), '\n')
	out := make([]byte, 0, len(heading)+1+n*(len(body)+1))
	out = append(out, heading...)
	out = append(out, '\n')
	for k := 1; k <= n; k++ {
		if k == 1 {
			out = append(out, body...)
		} else {
			suffix := fmt.Sprintf("-%d", k)
			out = append(out, '\n')
			out = append(out, noteLabel.ReplaceAll(body, []byte("[^${1}"+suffix+"]"))...)
		}
	}
	return out
}
