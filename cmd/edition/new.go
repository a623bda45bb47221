package main

import (
	"crypto/rand"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"edition/edition/output"
)

// scaffold holds the files `edition new` writes: a metadata.yaml with
// every field commented and placeholders for the required facts, and one
// Markdown file of each kind with an example of each convention.
//
// Room is kept for the conventions added with several interviews per
// volume (block quotations and stage directions inside a turn): their
// examples belong in scaffold/interview.md.
//
//go:embed scaffold
var scaffold embed.FS

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "Usage: edition new DIR\n\nScaffold a new book in DIR (which must not exist or be empty): metadata.yaml with every\nfield commented and \"TODO: …\" placeholders that check reports until replaced, and\nthe Markdown files with an example of each convention.", stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "edition new: want one folder, got %d arguments\n", fs.NArg())
		fs.Usage()
		return exitUsage
	}
	dir := fs.Arg(0)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "edition new: %s is not empty; nothing written\n", dir)
		return exitSource
	}
	id, err := newUUID()
	if err != nil {
		fmt.Fprintf(stderr, "edition new: %v\n", err)
		return exitSource
	}
	vars := strings.NewReplacer(
		"{{slug}}", slugOf(dir),
		"{{identifier}}", "urn:uuid:"+id,
		"{{modified}}", time.Now().UTC().Truncate(time.Second).Format(time.RFC3339),
	)
	entries, err := scaffold.ReadDir("scaffold")
	if err != nil {
		fmt.Fprintf(stderr, "edition new: %v\n", err)
		return exitSource
	}
	var files []output.File
	for _, e := range entries {
		data, err := scaffold.ReadFile(path.Join("scaffold", e.Name()))
		if err != nil {
			fmt.Fprintf(stderr, "edition new: %v\n", err)
			return exitSource
		}
		files = append(files, output.File{Name: e.Name(), Data: []byte(vars.Replace(string(data)))})
	}
	if !write(dir, files, "edition new", stderr) {
		return exitSource
	}
	fmt.Fprintf(stderr, "Fill in the TODO values of %s, edit the Markdown, then run: edition check --source %s\n",
		filepath.Join(dir, "metadata.yaml"), dir)
	return exitOK
}

// newUUID returns a random (version 4) UUID.
func newUUID() (string, error) {
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		return "", err
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:]), nil
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slugOf makes a slug of the folder's name: lower case, runs of other
// characters a hyphen; "new-book" when nothing is left.
func slugOf(dir string) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(filepath.Base(dir)), "-"), "-")
	if s == "" {
		return "new-book"
	}
	return s
}
