package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"

	"edition/internal/icc"
)

// trailerRE is compiled on first use, not at package initialisation.
var trailerRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n(\d+)\n%%EOF\n?$`)
})

// xmpObject returns the number of the first object of in that begins, on a
// line of its own, "N 0 obj" followed by gofpdf's XMP stream dictionary.
func xmpObject(in []byte) (int, bool) {
	suffix := []byte(" 0 obj\n<< /Type /Metadata /Subtype /XML ")
	for from := 0; ; {
		i := bytes.Index(in[from:], suffix)
		if i < 0 {
			return 0, false
		}
		i += from
		j := i
		for j > 0 && in[j-1] >= '0' && in[j-1] <= '9' {
			j--
		}
		if j < i && j > 0 && in[j-1] == '\n' {
			n, err := strconv.Atoi(string(in[j:i]))
			return n, err == nil
		}
		from = i + 1
	}
}

// update is an incremental update to a file gofpdf wrote: new objects, a
// new catalog, a cross-reference section for them and a trailer.
type update struct {
	in                     []byte
	size, root, info, prev int
	catalog                string // the entries of gofpdf's catalog
	objs                   bytes.Buffer
	offsets                []int // of the new objects in objs
	// sum is the SHA-256 of in, computed on another goroutine while the
	// update is made.
	sum chan [sha256.Size]byte
}

// newUpdate reads the trailer and catalog of in, and starts hashing it.
func newUpdate(in []byte) (*update, error) {
	m := trailerRE().FindSubmatch(in[max(0, bytes.LastIndex(in, []byte("trailer\n"))):])
	if m == nil {
		return nil, errors.New("finish pdf: trailer not as gofpdf writes it")
	}
	u := &update{in: in, sum: make(chan [sha256.Size]byte, 1)}
	go func() { u.sum <- sha256.Sum256(in) }()
	u.size, _ = strconv.Atoi(string(m[1]))
	u.root, _ = strconv.Atoi(string(m[2]))
	u.info, _ = strconv.Atoi(string(m[3]))
	u.prev, _ = strconv.Atoi(string(m[4]))
	head := []byte(fmt.Sprintf("\n%d 0 obj\n<<\n", u.root))
	at := bytes.LastIndex(in, head)
	if at < 0 {
		return nil, fmt.Errorf("finish pdf: catalog object %d not found", u.root)
	}
	body := in[at+len(head):]
	end := bytes.Index(body, []byte("\n>>\nendobj"))
	if end < 0 {
		return nil, errors.New("finish pdf: catalog not closed")
	}
	u.catalog = string(body[:end])
	return u, nil
}

// next is the number the next object added will have.
func (u *update) next() int { return u.size + len(u.offsets) }

// add appends an object whose body (a dictionary, an array…) is written by
// write, and returns its number.
func (u *update) add(write func(b *bytes.Buffer)) int {
	n := u.next()
	u.offsets = append(u.offsets, u.objs.Len())
	u.objs.WriteString(strconv.Itoa(n))
	u.objs.WriteString(" 0 obj\n")
	write(&u.objs)
	u.objs.WriteString("\nendobj\n")
	return n
}

// addStream appends a stream object of the deflated data z with the extra
// dictionary entries given, and returns its number.
func (u *update) addStream(entries string, z []byte) int {
	return u.add(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<<%s /Filter /FlateDecode /Length %d>>\nstream\n", entries, len(z))
		b.Write(z)
		b.WriteString("\nendstream")
	})
}

// deflatedSRGB is the sRGB profile deflated, once per process, with the
// compressor the page streams use.
var deflatedSRGB = sync.OnceValue(func() []byte {
	var z bytes.Buffer
	gofpdf.DeflateBestSpeed(&z, icc.SRGB)
	return z.Bytes()
})

// bytes returns the update, to be appended to the file: the new objects,
// the catalog with the entries given added, the cross-reference section
// and a trailer with an /ID (a newline first if the file does not end with
// one). The /ID is a hash of the original bytes, so the same input gives
// the same file.
func (u *update) bytes(catalogEntries string) []byte {
	in := u.in
	sum := <-u.sum
	id := hex.EncodeToString(sum[:16])
	out := bytes.NewBuffer(make([]byte, 0, u.objs.Len()+20*len(u.offsets)+len(u.catalog)+len(catalogEntries)+1024))
	if !bytes.HasSuffix(in, []byte("\n")) {
		out.WriteByte('\n')
	}
	// Offsets in the update are from the start of the file.
	at := len(in)
	base := at + out.Len()
	out.Write(u.objs.Bytes())
	catalog := at + out.Len()
	fmt.Fprintf(out, "%d 0 obj\n<<\n%s\n%s\n>>\nendobj\n", u.root, u.catalog, catalogEntries)
	xref := at + out.Len()
	fmt.Fprintf(out, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n", u.root, catalog)
	if len(u.offsets) > 0 {
		fmt.Fprintf(out, "%d %d\n", u.size, len(u.offsets))
		for _, off := range u.offsets {
			fmt.Fprintf(out, "%010d 00000 n \n", base+off)
		}
	}
	fmt.Fprintf(out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n/ID [<%s> <%s>]\n>>\nstartxref\n%d\n%%%%EOF\n",
		u.next(), u.root, u.info, u.prev, id, id, xref)
	return out.Bytes()
}

// objectNumbers tells where gofpdf wrote pages and link annotations (see
// its PageObjectNumber and LinkObjectNumbers).
type objectNumbers interface {
	PageObjectNumber(page int) int
	LinkObjectNumbers(page int) []int
}

// finishPDF returns an incremental update to the file in that gofpdf
// wrote, to be written after it: what PDF/A-1b and PDF/UA-1 ask of the
// document as a whole, the sRGB output intent with its ICC profile; when
// tree is not nil, the structure
// tree (its pages' and links' numbers told by objs); and a new catalog,
// the old one's entries plus /Metadata pointing at the XMP stream gofpdf
// wrote but did not link, /Lang, /OutputIntents and, for a tagged file,
// /MarkInfo, /StructTreeRoot and /ViewerPreferences with /DisplayDocTitle.
// Then come a cross-reference section and a trailer with an /ID.
func finishPDF(in []byte, lang string, tree *structTree, objs objectNumbers) ([]byte, error) {
	u, err := newUpdate(in)
	if err != nil {
		return nil, err
	}
	xmp, ok := xmpObject(in)
	if !ok {
		return nil, errors.New("finish pdf: no XMP metadata stream")
	}
	profile := u.addStream(" /N 3", deflatedSRGB())
	intent := u.add(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier %s /RegistryName %s /Info %s /DestOutputProfile %d 0 R>>",
			pdfString("sRGB IEC61966-2.1"), pdfString("http://www.color.org"), pdfString("sRGB"), profile)
	})
	catalog := fmt.Sprintf("/Metadata %d 0 R\n/Lang %s\n/OutputIntents [%d 0 R]", xmp, pdfString(lang), intent)
	if tree != nil {
		root, err := tree.write(u, objs.PageObjectNumber, objs.LinkObjectNumbers)
		if err != nil {
			return nil, err
		}
		catalog += fmt.Sprintf("\n/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>", root)
	}
	return u.bytes(catalog), nil
}

// pdfString writes s as a PDF string: a literal string when s is ASCII, else
// UTF-16BE with a byte order mark, in hexadecimal.
func pdfString(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			b.WriteString("<FEFF")
			for _, u := range utf16.Encode([]rune(s)) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteByte('>')
			return b.String()
		}
	}
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}
