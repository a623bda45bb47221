package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"edition/edition"
	"edition/edition/cite"
	"edition/edition/output"
	"edition/edition/text"
)

// format is one edition the command can build.
type format struct {
	name string
	// build renders the edition of b into files under dir.
	build func(b *edition.Book, dir string) ([]output.File, error)
}

// formats lists every edition, in build order.
var formats = []format{
	{name: "text", build: single("txt", func(*edition.Book) edition.Renderer { return &text.Renderer{} })},
	{name: "citation", build: citationFiles},
}

// citationFiles writes the citation exports: <slug>.json (CSL-JSON),
// <slug>.bib (biblatex), <slug>.ris and CITATION.cff.
func citationFiles(b *edition.Book, dir string) ([]output.File, error) {
	c := cite.Of(b)
	exports := []struct {
		path  string
		write func(io.Writer, cite.Citation) error
	}{
		{outPath(dir, b, "json"), cite.CSLJSON},
		{outPath(dir, b, "bib"), cite.BibTeX},
		{outPath(dir, b, "ris"), cite.RIS},
		{filepath.Join(dir, "CITATION.cff"), cite.CFF},
	}
	files := make([]output.File, 0, len(exports))
	for _, e := range exports {
		var buf bytes.Buffer
		if err := e.write(&buf, c); err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: e.path, Data: buf.Bytes()})
	}
	return files, nil
}

// single adapts a renderer that writes one file with extension ext.
func single(ext string, renderer func(*edition.Book) edition.Renderer) func(*edition.Book, string) ([]output.File, error) {
	return func(b *edition.Book, dir string) ([]output.File, error) {
		var buf bytes.Buffer
		if err := renderer(b).Render(&buf, b); err != nil {
			return nil, err
		}
		return []output.File{{Path: outPath(dir, b, ext), Data: buf.Bytes()}}, nil
	}
}

func formatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// parseFormats turns a comma-separated list into formats, in build order.
func parseFormats(list string) ([]format, error) {
	want := map[string]bool{}
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		known := false
		for _, f := range formats {
			known = known || f.name == name
		}
		if !known {
			return nil, fmt.Errorf("unknown format %q (formats: %s)", name, strings.Join(formatNames(), ", "))
		}
		want[name] = true
	}
	if len(want) == 0 {
		return nil, fmt.Errorf("no format given")
	}
	var out []format
	for _, f := range formats {
		if want[f.name] {
			out = append(out, f)
		}
	}
	return out, nil
}

// buildFiles renders every chosen format of b in memory.
func buildFiles(b *edition.Book, chosen []format, dir string) ([]output.File, error) {
	var files []output.File
	for _, f := range chosen {
		fs, err := f.build(b, dir)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		files = append(files, fs...)
	}
	return files, nil
}
