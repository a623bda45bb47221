package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"edition/edition/kobo"
	"edition/edition/output"
	"edition/edition/release"
)

func runRelease(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("release", "Usage: edition release [--source DIR] [--out DIR] [--trim SIZE]\n\nBuild every edition, the Kobo edition and the citation files into the release folder,\nwith SHA256SUMS covering every file and one zip holding every artifact.", stderr)
	source := sourceFlag(fs)
	out := fs.String("out", "build/release", "the release `folder`")
	trim := trimFlag(fs)
	if code, done := parse(fs, args); done {
		return code
	}
	start := time.Now()
	prepare(formats)
	b, code := loadBook(*source, stderr)
	if b == nil {
		return code
	}
	removeStale(*out, "edition release", stderr)
	j := &job{book: b, dir: *out, trim: *trim, progress: stderr, start: start}
	if !writeRelease(j, stderr) {
		return exitSource
	}
	fmt.Fprintf(stderr, "released %s %s in %s\n", b.Meta.Slug, b.Meta.Version, since(start))
	return exitOK
}

// writeRelease builds every edition of the job's book, bundles them and writes
// the release into the job's folder, reporting on stderr; it returns
// whether all went well.
func writeRelease(j *job, stderr io.Writer) bool {
	files, err := buildFiles(j, formats)
	if err == nil {
		files, err = bundle(j, files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "edition release: %v\n", err)
		return false
	}
	return write(j.dir, files, "edition release", stderr)
}

// bundle adds to the editions the Kobo edition, one zip of every artifact
// and SHA256SUMS over every artifact and the zip.
func bundle(j *job, files []output.File) ([]output.File, error) {
	for _, f := range files {
		if filepath.Ext(f.Name) == ".epub" {
			kepub, err := kobo.Convert(f.Data, j.book.Modified)
			if err != nil {
				return nil, err
			}
			files = append(files, output.File{Name: j.name("kepub.epub"), Data: kepub})
			break
		}
	}
	artifacts := make([]release.Artifact, len(files))
	for i, f := range files {
		artifacts[i] = release.Artifact{Name: f.Name, Data: f.Data}
	}
	name := j.book.Meta.Slug + "-" + j.book.Meta.Version
	zip, err := release.Zip(name, artifacts, j.book.Modified)
	if err != nil {
		return nil, err
	}
	files = append(files, output.File{Name: name + ".zip", Data: zip})
	artifacts = append(artifacts, release.Artifact{Name: name + ".zip", Data: zip})
	files = append(files, output.File{Name: "SHA256SUMS", Data: release.Checksums(artifacts)})
	return files, nil
}
