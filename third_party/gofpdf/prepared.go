package gofpdf

// This file is a patch of the project (see PATCHES.md, patch 25): a UTF-8
// font's data parsed once for the process, ahead of the documents that add
// it.

import "sync"

// preparedFonts holds the UTF-8 fonts PrepareUTF8Font parsed, by the
// address and length of their data: a *preparedFont each.
var preparedFonts sync.Map

// fontData names a font's data by its address and length.
type fontData struct {
	at *byte
	n  int
}

// preparedFont is a UTF-8 font parsed once: its file, with the error
// parsing gave, once parsed.
type preparedFont struct {
	once sync.Once
	file *utf8FontFile
	err  error
}

// PrepareUTF8Font parses the UTF-8 (TrueType) font data for the process,
// once: a document adding the same data (the same slice) with
// AddUTF8FontFromBytes then takes the parsed font, waiting for it if it is
// being parsed, instead of parsing it again. It may be called on any
// goroutine, before or while documents are made; data must not change
// after.
func PrepareUTF8Font(data []byte) {
	if len(data) == 0 {
		return
	}
	v, _ := preparedFonts.LoadOrStore(fontData{&data[0], len(data)}, &preparedFont{})
	v.(*preparedFont).parse(data)
}

// parse parses data into p, once; a later call waits for the first.
func (p *preparedFont) parse(data []byte) {
	p.once.Do(func() {
		p.file = newUTF8Font(&fileReader{array: data})
		p.err = p.file.parseFile()
	})
}

// preparedUTF8Font returns a copy of the font PrepareUTF8Font parsed from
// data, with a reader of its own, for a document to keep; ok is false if
// data was not prepared, err the error parsing it gave.
func preparedUTF8Font(data []byte) (file *utf8FontFile, ok bool, err error) {
	if len(data) == 0 {
		return nil, false, nil
	}
	v, ok := preparedFonts.Load(fontData{&data[0], len(data)})
	if !ok {
		return nil, false, nil
	}
	p := v.(*preparedFont)
	p.parse(data) // waits for the parse, or makes it
	if p.err != nil {
		return nil, true, p.err
	}
	// The copy shares what parsing made and nothing changes later (the
	// cmap, the widths); what making a subset sets anew, it sets on the
	// copy.
	c := *p.file
	c.fileReader = &fileReader{array: data}
	return &c, true, nil
}
