package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	// Besides Prepare and the tests of editions, its init starts the
	// preparation every build needs while the runtime initialises the
	// other packages.
	"edition/cmd/edition/internal/startup"
	"edition/edition"
	"edition/edition/cite"
	"edition/edition/cover"
	"edition/edition/epub"
	"edition/edition/layout"
	"edition/edition/output"
	"edition/edition/pdf"
	"edition/edition/text"
)

// job is one build of one book: the book, where its files go, and the print
// layout, made at most once and shared by the editions that need it (the PDF
// draws it; the EPUB marks its page breaks).
type job struct {
	book *edition.Book
	dir  string
	trim string

	// drawing tells whether the PDF is among the editions built: only then
	// does the layout also prepare the PDF document for drawing.
	drawing bool

	// coverDone is closed when the EPUB's cover, started by drawCover, is
	// drawn into coverPNG (or failed with coverErr).
	coverDone chan struct{}
	coverPNG  []byte
	coverErr  error

	layoutOnce sync.Once
	layout     *layout.Document
	writer     *pdf.Writer
	layoutErr  error
	breaks     []edition.PageBreak

	// progress, when set, receives a line as each edition is finished, once
	// the build has run longer than progressAfter since start: long builds
	// show how they go, short ones stay quiet.
	progress io.Writer
	start    time.Time
	mu       sync.Mutex
}

// progressAfter is how long a build runs before it reports each edition.
const progressAfter = 500 * time.Millisecond

// report tells the progress writer that the named edition is finished.
func (j *job) report(name string, files []output.File) {
	if j.progress == nil {
		return
	}
	elapsed := time.Since(j.start)
	if elapsed < progressAfter {
		return
	}
	n := 0
	for _, f := range files {
		n += len(f.Data)
	}
	line := fmt.Sprintf("  %s: %s done at %s", name, size(n), elapsed.Round(time.Millisecond))
	if name == "pdf" && j.layout != nil {
		pages := len(j.layout.Pages)
		line += fmt.Sprintf(" (%d pages, %.0f pages/s)", pages, float64(pages)/elapsed.Seconds())
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	fmt.Fprintln(j.progress, line)
}

// printLayout lays out the print edition once per job. When the PDF is
// drawn, the PDF document is started while the lines are broken; when it
// is not, only the page breaks are made (layout.PageBreaks).
func (j *job) printLayout() (*layout.Document, error) {
	j.layoutOnce.Do(func() {
		if j.drawing {
			var g layout.Geometry
			if g, j.layoutErr = layout.PageGeometry(j.book, j.trim); j.layoutErr != nil {
				return
			}
			j.writer = pdf.NewWriter(g)
			var pages *layout.Pages
			if pages, j.layoutErr = layout.MakeUp(j.book, j.trim); j.layoutErr != nil {
				return
			}
			j.writer.Plan(pages)
			j.layout = pages.Document()
			j.breaks = j.layout.PageBreaks()
		} else {
			j.breaks, j.layoutErr = layout.PageBreaks(j.book, j.trim)
		}
	})
	return j.layout, j.layoutErr
}

// drawCover starts drawing the EPUB's cover on another goroutine.
func (j *job) drawCover() {
	j.coverDone = make(chan struct{})
	go func() {
		defer close(j.coverDone)
		j.coverPNG, j.coverErr = cover.PNG(j.book)
	}()
}

// cover waits for the cover drawCover started, or draws it if nothing
// started it.
func (j *job) cover() ([]byte, error) {
	if j.coverDone == nil {
		return cover.PNG(j.book)
	}
	<-j.coverDone
	return j.coverPNG, j.coverErr
}

// name is the file name of the edition with extension ext, inside the
// output folder (output.WriteAll refuses one that is not a plain file name).
func (j *job) name(ext string) string {
	return j.book.Meta.Slug + "." + ext
}

// format is one edition the command can build.
type format struct {
	name string
	// build renders the edition into files.
	build func(j *job) ([]output.File, error)
}

// formats lists every edition, in build order.
var formats = []format{
	{name: "text", build: textEdition},
	{name: "epub", build: epubEdition},
	{name: "pdf", build: pdfEdition},
	{name: "citation", build: citationFiles},
}

func textEdition(j *job) ([]output.File, error) {
	return render(j.name("txt"), &text.Renderer{}, j.book)
}

// epubEdition writes the EPUB with the print edition's page breaks, so that
// a reader can cite the print page from the e-book.
//
// The cover does not depend on the page breaks: buildFiles has started
// drawing it on the other core, where it overlaps the print layout (which
// runs on one core) instead of following it.
func epubEdition(j *job) ([]output.File, error) {
	_, err := j.printLayout()
	if err != nil {
		return nil, err
	}
	png, err := j.cover()
	if err != nil {
		return nil, fmt.Errorf("render epub: %w", err)
	}
	r := &epub.Renderer{PageBreaks: j.breaks, Cover: png}
	return render(j.name("epub"), r, j.book)
}

func pdfEdition(j *job) ([]output.File, error) {
	d, err := j.printLayout()
	if err != nil {
		return nil, err
	}
	// The job draws whenever the PDF is built, so printLayout has started
	// the writer.
	var buf bytes.Buffer
	if err := j.writer.Write(&buf, j.book, d); err != nil {
		return nil, err
	}
	return []output.File{{Name: j.name("pdf"), Data: buf.Bytes()}}, nil
}

// render runs one renderer into one file.
func render(name string, r edition.Renderer, b *edition.Book) ([]output.File, error) {
	var buf bytes.Buffer
	if err := r.Render(&buf, b); err != nil {
		return nil, err
	}
	return []output.File{{Name: name, Data: buf.Bytes()}}, nil
}

// citationFiles writes the citation exports: <slug>.json (CSL-JSON),
// <slug>.bib (biblatex), <slug>.ris and CITATION.cff.
func citationFiles(j *job) ([]output.File, error) {
	c := cite.Of(j.book)
	exports := []struct {
		name  string
		write func(io.Writer, cite.Citation) error
	}{
		{j.name("json"), cite.CSLJSON},
		{j.name("bib"), cite.BibTeX},
		{j.name("ris"), cite.RIS},
		{"CITATION.cff", cite.CFF},
	}
	files := make([]output.File, 0, len(exports))
	for _, e := range exports {
		var buf bytes.Buffer
		if err := e.write(&buf, c); err != nil {
			return nil, err
		}
		files = append(files, output.File{Name: e.name, Data: buf.Bytes()})
	}
	return files, nil
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

// prepare starts, on another core, the work the chosen formats need that
// does not depend on the book, while the source loads (startup.Prepare:
// the fonts' metrics, which the glyph check of every build needs after
// loading, the hyphenation patterns when the print layout is made, for the
// EPUB's page breaks or the PDF, and the PDF writer's faces; a few
// milliseconds per process each, docs/benchmarks.md). Package startup has
// started it already when the command line names the command; each piece
// is made once.
func prepare(chosen []format) {
	printLayout, pdfFaces := false, false
	for _, f := range chosen {
		printLayout = printLayout || startup.NeedsPrintLayout(f.name)
		pdfFaces = pdfFaces || startup.IsPDF(f.name)
	}
	startup.Prepare(printLayout, pdfFaces)
}

// buildFiles renders every chosen format of the job's book in memory, the
// formats in parallel; the files come back in format order.
func buildFiles(j *job, chosen []format) ([]output.File, error) {
	for _, f := range chosen {
		j.drawing = j.drawing || f.name == "pdf"
		if f.name == "epub" {
			j.drawCover()
		}
	}
	results := make([][]output.File, len(chosen))
	errs := make([]error, len(chosen))
	var wg sync.WaitGroup
	for i, f := range chosen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = f.build(j)
			if errs[i] != nil {
				errs[i] = fmt.Errorf("%s: %w", f.name, errs[i])
				return
			}
			j.report(f.name, results[i])
		}()
	}
	wg.Wait()
	var files []output.File
	for i := range chosen {
		if errs[i] != nil {
			return nil, errs[i]
		}
		files = append(files, results[i]...)
	}
	return files, nil
}
