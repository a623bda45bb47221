package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/jung-kurt/gofpdf"
)

// The patterns are compiled when a PDF is first written, not at package
// initialisation, which every run of the command pays (issue 13).
var (
	startxrefRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^startxref\n(\d+)\n%%EOF\n?$`) })
	contentsRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Contents (\d+) 0 R>>\nendobj\n$`) })
)

// compressContents deflates the page content streams of a file gofpdf
// wrote with compression off, and returns the bytes gofpdf writes with
// compression on: the same zlib stream at the same level, the same
// dictionary (<</Filter /FlateDecode /Length n>>), and the cross-reference
// table moved to match. Only the page contents change; gofpdf compresses
// its font streams itself either way. pre may hold the streams deflated
// already, page by page in order (see pageDeflater): a stream that is
// byte for byte pre's raw stream of its page takes its deflated bytes.
func compressContents(in []byte, pre ...deflated) ([]byte, error) {
	tail := max(0, bytes.LastIndex(in, []byte("startxref\n")))
	m := startxrefRE().FindSubmatchIndex(in[tail:])
	if m == nil {
		return nil, errors.New("compress pdf: no startxref")
	}
	for i := range m {
		m[i] += tail
	}
	xref, _ := strconv.Atoi(string(in[m[2]:m[3]]))
	offsets, entries, err := readXref(in, xref)
	if err != nil {
		return nil, err
	}
	// The page objects name their content streams.
	type span struct {
		start, data, end int // in[start:data] is the dictionary, in[data:end] the data
	}
	var spans []span
	for i, off := range offsets {
		if i == 0 {
			continue
		}
		obj, ok := pageObject(in, i, off)
		if !ok {
			return nil, fmt.Errorf("compress pdf: object %d not at offset %d", i, off)
		}
		if obj == nil {
			continue
		}
		cm := contentsRE().FindSubmatch(obj)
		if cm == nil {
			return nil, fmt.Errorf("compress pdf: page object %d has no /Contents", i)
		}
		c, _ := strconv.Atoi(string(cm[1]))
		if c <= 0 || c >= len(offsets) {
			return nil, fmt.Errorf("compress pdf: page object %d: no object %d", i, c)
		}
		head := fmt.Sprintf("%d 0 obj\n<</Length ", c)
		at := offsets[c]
		if !bytes.HasPrefix(in[at:], []byte(head)) {
			return nil, fmt.Errorf("compress pdf: content stream %d not as gofpdf writes it", c)
		}
		start := at + len(head) - len("<</Length ")
		rest := in[at+len(head):]
		nl := bytes.Index(rest, []byte(">>\nstream\n"))
		if nl < 0 {
			return nil, fmt.Errorf("compress pdf: content stream %d has no data", c)
		}
		n, err := strconv.Atoi(string(rest[:nl]))
		dataAt := at + len(head) + nl + len(">>\nstream\n")
		if err != nil || n < 0 || dataAt+n > len(in) || !bytes.HasPrefix(in[dataAt+n:], []byte("\nendstream\nendobj\n")) {
			return nil, fmt.Errorf("compress pdf: content stream %d: bad length", c)
		}
		spans = append(spans, span{start: start, data: dataAt, end: dataAt + n})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })

	for k := 1; k < len(spans); k++ {
		if spans[k].start < spans[k-1].end {
			return nil, errors.New("compress pdf: content streams overlap")
		}
	}
	// The streams are independent: they are deflated on every core.
	zs := make([][]byte, len(spans))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(spans)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(spans); k = int(next.Add(1) - 1) {
				data := in[spans[k].data:spans[k].end]
				if k < len(pre) && bytes.Equal(pre[k].raw, data) {
					zs[k] = pre[k].z
					continue
				}
				z := bytes.NewBuffer(make([]byte, 0, len(data)/2+64))
				// gofpdf's compressor, at its level, reused from its
				// pool: gofpdf makes a new one for every page, so the
				// pages are written uncompressed and deflated here.
				gofpdf.DeflateBestSpeed(z, data)
				zs[k] = z.Bytes()
			}
		})
	}
	wg.Wait()
	out := bytes.NewBuffer(make([]byte, 0, len(in)/2))
	// A move is how far everything from at on in moves in out.
	type move struct{ at, delta int }
	moves := make([]move, 0, len(spans))
	prev := 0
	for k, s := range spans {
		out.Write(in[prev:s.start])
		fmt.Fprintf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", len(zs[k]))
		out.Write(zs[k])
		moves = append(moves, move{at: s.end, delta: out.Len() - s.end})
		prev = s.end
	}
	// shift maps an offset in in to the same place in out.
	shift := func(off int) int {
		k := sort.Search(len(moves), func(k int) bool { return moves[k].at > off })
		if k == 0 {
			return off
		}
		return off + moves[k-1].delta
	}
	out.Write(in[prev:xref])
	newXref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for i := 1; i < len(offsets); i++ {
		fmt.Fprintf(out, "%010d 00000 n \n", shift(offsets[i]))
	}
	trailer := in[entries:m[0]]
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// readXref reads the one cross-reference section gofpdf writes, at xref:
// every object's offset (offsets[0] unused), and where the section ends.
func readXref(in []byte, xref int) (offsets []int, end int, err error) {
	if xref < 0 || xref >= len(in) || !bytes.HasPrefix(in[xref:], []byte("xref\n0 ")) {
		return nil, 0, errors.New("compress pdf: no cross-reference table at startxref")
	}
	p := xref + len("xref\n0 ")
	nl := bytes.IndexByte(in[p:], '\n')
	if nl < 0 {
		return nil, 0, errors.New("compress pdf: cross-reference table cut short")
	}
	n, err := strconv.Atoi(string(in[p : p+nl]))
	if err != nil || n < 1 {
		return nil, 0, errors.New("compress pdf: bad cross-reference table size")
	}
	p += nl + 1
	const entry = 20 // "0000000123 00000 n \n"
	if p+n*entry > len(in) || string(in[p:p+entry]) != "0000000000 65535 f \n" {
		return nil, 0, errors.New("compress pdf: cross-reference table not as gofpdf writes it")
	}
	offsets = make([]int, n)
	for i := 1; i < n; i++ {
		e := in[p+i*entry : p+(i+1)*entry]
		if string(e[10:]) != " 00000 n \n" {
			return nil, 0, fmt.Errorf("compress pdf: cross-reference entry %d: %q", i, e)
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, 0, fmt.Errorf("compress pdf: cross-reference entry %d: %q", i, e)
		}
		offsets[i] = off
	}
	return offsets, p + n*entry, nil
}

// pageObject returns the text of object i at off, from after its
// "i 0 obj" line to its "endobj" line included, if it is a page, and nil if
// it is not; ok is false when no object i starts at off.
func pageObject(in []byte, i, off int) (page []byte, ok bool) {
	head := strconv.Itoa(i) + " 0 obj\n"
	if !bytes.HasPrefix(in[off:], []byte(head)) {
		return nil, false
	}
	body := in[off+len(head):]
	if !bytes.HasPrefix(body, []byte("<</Type /Page\n")) {
		return nil, true
	}
	// Page objects hold no streams: the first endobj ends them.
	e := bytes.Index(body, []byte("\nendobj\n"))
	if e < 0 {
		return nil, false
	}
	return body[:e+len("\nendobj\n")], true
}

// deflated is a page's content stream and its zlib stream at BestSpeed.
type deflated struct {
	raw, z []byte
}

// pageDeflater deflates the content streams of the pages on another
// goroutine as they are drawn, so that the other core does it while the
// later pages are drawn on this one rather than after them all
// (compressContents takes what it deflated).
type pageDeflater struct {
	pages chan []byte
	done  chan []deflated
}

func newPageDeflater() *pageDeflater {
	d := &pageDeflater{pages: make(chan []byte, 64), done: make(chan []deflated, 1)}
	go func() {
		var out []deflated
		for data := range d.pages {
			// A copy: gofpdf may change the page's buffer when it writes
			// the document (its aliases), after wait.
			raw := bytes.Clone(data)
			z := bytes.NewBuffer(make([]byte, 0, len(raw)/2+64))
			gofpdf.DeflateBestSpeed(z, raw)
			out = append(out, deflated{raw: raw, z: z.Bytes()})
		}
		d.done <- out
	}()
	return d
}

// add hands over the content stream of the next page, drawn to its end:
// nothing may be drawn on it again before wait returns.
func (d *pageDeflater) add(content []byte) { d.pages <- content }

// wait returns the pages deflated, in the order they were added.
func (d *pageDeflater) wait() []deflated {
	close(d.pages)
	return <-d.done
}
