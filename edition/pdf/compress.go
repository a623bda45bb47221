package pdf

import (
	"bytes"

	"github.com/jung-kurt/gofpdf"
)

// pageDeflater deflates the content streams of a document's pages on
// another goroutine as they are drawn, so that the other core does it while
// the later pages are drawn on this one rather than after them all. The
// streams go back to the document as they come (gofpdf's SetPageDeflated, a
// patch of this project), which writes them as it writes a page it
// compressed itself (BestSpeed, the same dictionary) and reuses the page's
// buffer for a later page. The goroutine begins once its after channel is
// closed (if it is not nil): the other work in the background (the font
// subsets, Writer.Plan) is done first, the pages drawn meanwhile waiting,
// so that the drawing keeps a core to itself. Its methods are called on
// the goroutine drawing the document, which deflates the pages waiting
// itself when 64 wait already.
type pageDeflater struct {
	pdf   *gofpdf.Fpdf
	pages chan pageStream
	done  chan pageStream
	own   deflater // for the pages deflated on the drawing goroutine
}

// pageStream is a page's content stream: raw while it is deflated, and
// deflated when it comes back.
type pageStream struct {
	n    int
	data []byte
}

// zChunk is the size of the blocks the deflated streams are kept in, one
// after another, rather than each in an allocation of its own with room to
// spare.
const zChunk = 1 << 20

// deflater deflates page streams on one goroutine.
type deflater struct {
	z     bytes.Buffer // the stream being made, reused
	chunk []byte       // where the streams made are kept
}

// deflate returns p with its data deflated.
func (df *deflater) deflate(p pageStream) pageStream {
	df.z.Reset()
	gofpdf.DeflateBestSpeed(&df.z, p.data)
	if cap(df.chunk)-len(df.chunk) < df.z.Len() {
		df.chunk = make([]byte, 0, max(zChunk, df.z.Len()))
	}
	at := len(df.chunk)
	df.chunk = append(df.chunk, df.z.Bytes()...)
	return pageStream{n: p.n, data: df.chunk[at:len(df.chunk):len(df.chunk)]}
}

func newPageDeflater(pdf *gofpdf.Fpdf, after <-chan struct{}) *pageDeflater {
	d := &pageDeflater{pdf: pdf, pages: make(chan pageStream, 64), done: make(chan pageStream, 64)}
	go func() {
		if after != nil {
			<-after
		}
		var df deflater
		for p := range d.pages {
			d.done <- df.deflate(p)
		}
		close(d.done)
	}()
	return d
}

// add hands over page n, drawn to its end, and gives the document the
// pages deflated since, which are all before n. Nothing may be drawn on
// page n again, and it must not be the last page: gofpdf deflates the page
// still current when it writes the file itself.
func (d *pageDeflater) add(n int) {
	d.drain()
	p := pageStream{n: n, data: d.pdf.PageContent(n)}
	for {
		select {
		case d.pages <- p:
			return
		case q := <-d.done:
			d.give(q)
		default:
			// The queue is full, the other goroutine behind (or not
			// begun): rather than wait for it, this one deflates the
			// oldest page waiting (finished, unlike page n).
			select {
			case q := <-d.pages:
				d.give(d.own.deflate(q))
			default:
			}
		}
	}
}

// drain gives the document the pages deflated so far.
func (d *pageDeflater) drain() {
	for {
		select {
		case p := <-d.done:
			d.give(p)
		default:
			return
		}
	}
}

// give hands a deflated page back to the document.
func (d *pageDeflater) give(p pageStream) { d.pdf.SetPageDeflated(p.n, p.data) }

// wait gives the document every page handed over, deflated, and ends the
// goroutine. The pages still waiting are deflated on this goroutine too,
// which has nothing else to do until they are.
func (d *pageDeflater) wait() {
	close(d.pages)
	pages := d.pages
	df := &d.own
	for {
		select {
		case p, ok := <-pages:
			if !ok {
				pages = nil // all taken: wait for the other goroutine
				continue
			}
			d.give(df.deflate(p))
		case p, ok := <-d.done:
			if !ok {
				return
			}
			d.give(p)
		}
	}
}
