package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"edition/edition"
	"edition/edition/load"
	"edition/edition/output"
)

// Exit statuses.
const (
	exitOK     = 0
	exitSource = 1
	exitUsage  = 2
)

const usage = `edition builds every edition of a book from one source folder.

Usage:
  edition build [--source DIR] [--out DIR] [--format LIST] [--trim SIZE]
  edition check [--source DIR]
  edition release [--source DIR] [--out DIR] [--trim SIZE]
  edition new     DIR

Run "edition COMMAND --help" for a command's flags.
Exit status, the same for every command: 0 ok, 1 bad source or failed
build, 2 bad usage (unknown command, flag, format or trim size).
SOURCE_DATE_EPOCH, when set, is the date stamped into every artifact.
`

// Run is the whole command: it parses args, does the work, writes results and
// progress to stderr, and returns the exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "release":
		return runRelease(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "edition: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// newFlags returns a flag set for a subcommand whose --help prints summary
// and every flag to out.
func newFlags(name, summary string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("edition "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "%s\n\nFlags:\n", summary)
		fs.PrintDefaults()
	}
	return fs
}

// sourceFlag defines --source, the book's source folder.
func sourceFlag(fs *flag.FlagSet) *string {
	return fs.String("source", "source", "the book's source `folder`")
}

// trimFlag defines --trim, the print edition's page size: one of
// edition.Trims, else a usage error.
func trimFlag(fs *flag.FlagSet) *string {
	trim := new(string)
	fs.Func("trim", "print trim `size`: "+edition.TrimNames(", ", " or ")+" (default: the metadata's)", func(v string) error {
		if _, ok := edition.TrimNamed(strings.ToLower(v)); !ok {
			return fmt.Errorf("unknown trim size %q (want %s)", v, edition.TrimNames(", ", " or "))
		}
		*trim = v
		return nil
	})
	return trim
}

// parse parses args into fs and reports the exit status to return, if any.
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, true
		}
		return exitUsage, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage, true
	}
	return 0, false
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "Usage: edition check [--source DIR]\n\nCheck the source and report every problem as file:line:col: message.", stderr)
	source := sourceFlag(fs)
	if code, done := parse(fs, args); done {
		return code
	}
	start := time.Now()
	prepare(nil)
	b, code := loadBook(*source, stderr)
	if b == nil {
		return code
	}
	interviews := ""
	if b.Collection() {
		interviews = fmt.Sprintf("%d interviews, ", len(b.Interviews))
	}
	fmt.Fprintf(stderr, "%s: ok: %s%d turns, %d notes, %d paragraphs (%s)\n",
		*source, interviews, turns(b), len(b.Notes), len(b.Paragraphs()), since(start))
	return exitOK
}

// loadBook loads and checks the source, printing every problem to stderr,
// warnings too ("file:line:col: warning: …"); warnings alone do not stop
// it. It sets the build date from SOURCE_DATE_EPOCH when that is set.
func loadBook(dir string, stderr io.Writer) (*edition.Book, int) {
	b, err := load.Dir(dir)
	if err == nil {
		// What the print edition cannot set, found without laying it out.
		var covers load.Covers
		if covers, err = printFontCovers(); err == nil {
			err = load.CheckGlyphs(b, os.DirFS(dir), dir, covers)
		}
	}
	if err != nil {
		var list edition.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				fmt.Fprintln(stderr, e)
			}
			fmt.Fprintf(stderr, "edition: %s in %s\n", problems(list), dir)
		} else {
			fmt.Fprintf(stderr, "edition: %v\n", err)
		}
		return nil, exitSource
	}
	if len(b.Warnings) > 0 {
		for _, e := range b.Warnings {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "edition: %s in %s\n", problems(b.Warnings), dir)
	}
	if t, ok, err := sourceDateEpoch(); err != nil {
		fmt.Fprintf(stderr, "edition: %v\n", err)
		return nil, exitUsage
	} else if ok {
		b.Modified = t
	}
	return b, exitOK
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH (seconds since 1970, UTC), which
// must name a moment every output format can carry (1980 to 9999).
func sourceDateEpoch() (time.Time, bool, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, false, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a count of seconds", v)
	}
	t := time.Unix(secs, 0).UTC()
	if err := edition.CheckModified(t); err != nil {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH=%s: %v", v, err)
	}
	return t, true, nil
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "Usage: edition build [--source DIR] [--out DIR] [--format LIST] [--trim SIZE]\n\nBuild editions of the book into the output folder as <slug>.<ext>.", stderr)
	source := sourceFlag(fs)
	out := fs.String("out", "build", "the output `folder`")
	formatList := fs.String("format", strings.Join(formatNames(), ","), "comma-separated `formats` to build: "+strings.Join(formatNames(), ", "))
	trim := trimFlag(fs)
	if code, done := parse(fs, args); done {
		return code
	}
	chosen, err := parseFormats(*formatList)
	if err != nil {
		fmt.Fprintf(stderr, "edition build: %v\n", err)
		return exitUsage
	}
	start := time.Now()
	prepare(chosen)
	b, code := loadBook(*source, stderr)
	if b == nil {
		return code
	}
	removeStale(*out, "edition build", stderr)
	files, err := buildFiles(&job{book: b, dir: *out, trim: *trim, progress: stderr, start: start}, chosen)
	if err != nil {
		fmt.Fprintf(stderr, "edition build: %v\n", err)
		return exitSource
	}
	if !write(*out, files, "edition build", stderr) {
		return exitSource
	}
	fmt.Fprintf(stderr, "built %d file(s) in %s\n", len(files), since(start))
	return exitOK
}

// removeStale removes from the output folder the temporaries a killed build
// of this tool left there (output.RemoveStale), saying so on stderr.
func removeStale(dir, command string, stderr io.Writer) {
	removed, err := output.RemoveStale(dir)
	for _, name := range removed {
		fmt.Fprintf(stderr, "removed %s, left by a build that was stopped\n", filepath.Join(dir, name))
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", command, err)
	}
}

// write writes every file into dir all or nothing and lists them on stderr;
// on error it reports it, prefixed with the command's name, and returns
// false.
func write(dir string, files []output.File, command string, stderr io.Writer) bool {
	if err := output.WriteAll(dir, files); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", command, err)
		return false
	}
	for _, f := range files {
		fmt.Fprintf(stderr, "wrote %s (%s)\n", filepath.Join(dir, f.Name), size(len(f.Data)))
	}
	return true
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func since(t time.Time) string {
	return time.Since(t).Round(100 * time.Microsecond).String()
}

// turns counts the turns of every interview of b.
func turns(b *edition.Book) int {
	n := 0
	for _, iv := range b.Interviews {
		n += len(iv.Turns)
	}
	return n
}

// problems counts the errors and warnings of list for the summary line:
// "2 problem(s)", "2 problem(s) and 1 warning(s)", "1 warning(s)".
func problems(list edition.ErrorList) string {
	errs, warns := list.Count()
	switch {
	case warns == 0:
		return fmt.Sprintf("%d problem(s)", errs)
	case errs == 0:
		return fmt.Sprintf("%d warning(s)", warns)
	}
	return fmt.Sprintf("%d problem(s) and %d warning(s)", errs, warns)
}
