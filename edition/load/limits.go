package load

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// The limits on the source files; see source/README.md. They keep every
// load, and so every build, to seconds whatever the input: goldmark's
// parser is quadratic on some shapes of text (see checkShape), and no file
// should be read without end.
const (
	// MaxMarkdownSize bounds each Markdown file, in bytes: about 300
	// times the real interview, so that the 100× book of the benchmarks
	// loads.
	MaxMarkdownSize = 8 << 20
	// MaxMetadataSize bounds metadata.yaml, in bytes.
	MaxMetadataSize = 64 << 10
	// MaxBrackets bounds the opening square brackets of one paragraph
	// (links, language spans, note references and escaped brackets).
	MaxBrackets = 100
	// MaxNesting bounds the block quote and list markers that begin one
	// line ("> > -" is three).
	MaxNesting = 8
)

// readSource reads the file name of fsys, which must be a regular file of
// at most limit bytes. A named pipe, a device or a directory is refused
// before it is opened (opening a pipe would wait for a writer), and again
// after, in case it was replaced in between (Dir opens without waiting, so
// that not even then does the open block); a file that grows past the
// limit while it is read is cut off there. The message says what is wrong.
func readSource(fsys fs.FS, name string, limit int64) ([]byte, string, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, "", err
	}
	if msg := notRegular(info, limit); msg != "" {
		return nil, msg, nil
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, "", err
	}
	if msg := notRegular(info, limit); msg != "" {
		return nil, msg, nil
	}
	src, err := readAll(f, info.Size(), limit+1)
	if err != nil {
		return nil, "", err
	}
	if int64(len(src)) > limit {
		return nil, tooLarge(limit), nil
	}
	return src, "", nil
}

// readAll reads r, which says it holds size bytes, to its end or to most
// bytes. The buffer is made of the size and one byte more, to see the end
// without growing it: a large file is read into memory once, not into a
// buffer doubled until it fits. A file that has grown since its size was
// read is read on, to most.
func readAll(r io.Reader, size, most int64) ([]byte, error) {
	buf := make([]byte, min(max(size, 0)+1, most))
	n, err := io.ReadFull(r, buf)
	switch err {
	case nil:
		rest, err := io.ReadAll(io.LimitReader(r, most-int64(n)))
		return append(buf, rest...), err
	case io.EOF, io.ErrUnexpectedEOF:
		return buf[:n], nil
	}
	return nil, err
}

// notRegular says why a file with info cannot be a source, or returns "".
func notRegular(info fs.FileInfo, limit int64) string {
	mode := info.Mode()
	switch {
	case mode.IsRegular():
		if info.Size() > limit {
			return tooLarge(limit)
		}
		return ""
	case mode.IsDir():
		return "is a directory, not a file"
	case mode&fs.ModeNamedPipe != 0:
		return "is a named pipe, not a regular file"
	case mode&fs.ModeSocket != 0:
		return "is a socket, not a regular file"
	case mode&fs.ModeDevice != 0:
		return "is a device, not a regular file"
	}
	return "is not a regular file"
}

func tooLarge(limit int64) string {
	return fmt.Sprintf("file is larger than the limit of %s", byteSize(limit))
}

// byteSize formats n bytes in KiB or MiB when it is a whole number of them.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkShape reports the shapes of text on which goldmark's parser takes
// time quadratic in their size, so that the file is not given to it: more
// than MaxBrackets opening brackets in one paragraph (goldmark reads the
// paragraph back from its start at each closing bracket, and scans the
// rest of the line for each "](" without a closing parenthesis), and a line
// beginning with more than MaxNesting block quote or list markers (each
// opens a container that every later marker is tried against). With these
// bounds parsing is linear, with a constant factor of at most MaxBrackets.
// It reports whether f passed.
func (l *loader) checkShape(f *srcFile) bool {
	ok := true
	brackets, reported := 0, false
	for line := range f.lines {
		start, end := f.lines[line], len(f.src)
		if line+1 < len(f.lines) {
			end = f.lines[line+1]
		}
		text := f.src[start:end]
		if isBlank(text) {
			brackets, reported = 0, false
			continue
		}
		if n, at := nesting(text); n > MaxNesting {
			l.errs.Add(f.pos(start+at), fmt.Sprintf("more than %d block quote or list markers begin this line", MaxNesting))
			ok = false
		}
		for i := 0; ; i++ {
			k := bytes.IndexByte(text[i:], '[')
			if k < 0 {
				break
			}
			i += k
			brackets++
			if brackets > MaxBrackets && !reported {
				l.errs.Add(f.pos(start+i), fmt.Sprintf("more than %d [ in one paragraph", MaxBrackets))
				reported, ok = true, false
			}
		}
	}
	return ok
}

// isBlank reports whether a line holds only spaces, tabs and its line end.
func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// nesting counts the block quote and list markers the line begins with,
// each after up to three spaces, and returns the offset of the first one
// past MaxNesting.
func nesting(line []byte) (n, at int) {
	i := 0
	for {
		for sp := 0; sp < 3 && i < len(line) && line[i] == ' '; sp++ {
			i++
		}
		j := i
		switch {
		case j < len(line) && line[j] == '>':
			j++
		case j+1 < len(line) && (line[j] == '-' || line[j] == '*' || line[j] == '+') && (line[j+1] == ' ' || line[j+1] == '\t'):
			j += 2
		default:
			k := j
			for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			if k == j || k+1 >= len(line) || (line[k] != '.' && line[k] != ')') || (line[k+1] != ' ' && line[k+1] != '\t') {
				return n, at
			}
			j = k + 2
		}
		n++
		if n == MaxNesting+1 {
			at = i
		}
		i = j
		for i < len(line) && line[i] == '\t' {
			i++
		}
	}
}

// dirFS is the directory of a manuscript on disk, as os.DirFS, but for
// opening files with O_NONBLOCK, so that a named pipe put in place of a
// source between the check of its mode and its opening cannot make the
// open wait for a writer. (A regular file ignores the flag.)
type dirFS string

// Open implements fs.FS.
func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return os.OpenFile(filepath.Join(string(d), filepath.FromSlash(name)), os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// Stat implements fs.StatFS.
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return os.Stat(filepath.Join(string(d), filepath.FromSlash(name)))
}
