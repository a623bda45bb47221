package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

var trailerRE = regexp.MustCompile(`^trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n(\d+)\n%%EOF\n?$`)

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

// finishPDF appends an incremental update to a file gofpdf wrote: a new
// catalog (the old one's entries plus /Metadata pointing at the XMP stream
// gofpdf wrote but did not link, and /Lang), a cross-reference section for
// it, and a trailer with an /ID. The /ID is a hash of the original bytes, so
// the same input gives the same file.
func finishPDF(in []byte, lang string) ([]byte, error) {
	m := trailerRE.FindSubmatch(in[max(0, bytes.LastIndex(in, []byte("trailer\n"))):])
	if m == nil {
		return nil, errors.New("finish pdf: trailer not as gofpdf writes it")
	}
	size, _ := strconv.Atoi(string(m[1]))
	root, _ := strconv.Atoi(string(m[2]))
	info, _ := strconv.Atoi(string(m[3]))
	prev, _ := strconv.Atoi(string(m[4]))
	head := []byte(fmt.Sprintf("\n%d 0 obj\n<<\n", root))
	at := bytes.LastIndex(in, head)
	if at < 0 {
		return nil, fmt.Errorf("finish pdf: catalog object %d not found", root)
	}
	body := in[at+len(head):]
	end := bytes.Index(body, []byte("\n>>\nendobj"))
	if end < 0 {
		return nil, errors.New("finish pdf: catalog not closed")
	}
	catalog := string(body[:end])
	xmp, ok := xmpObject(in)
	if !ok {
		return nil, errors.New("finish pdf: no XMP metadata stream")
	}
	sum := sha256.Sum256(in)
	id := hex.EncodeToString(sum[:16])

	out := bytes.NewBuffer(make([]byte, 0, len(in)+1024))
	out.Write(in)
	if !bytes.HasSuffix(in, []byte("\n")) {
		out.WriteByte('\n')
	}
	offset := out.Len()
	fmt.Fprintf(out, "%d 0 obj\n<<\n%s\n/Metadata %d 0 R\n/Lang %s\n>>\nendobj\n", root, catalog, xmp, pdfString(lang))
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n", root, offset)
	fmt.Fprintf(out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n/ID [<%s> <%s>]\n>>\nstartxref\n%d\n%%%%EOF\n",
		size, root, info, prev, id, id, xref)
	return out.Bytes(), nil
}

// pdfString writes s as a PDF literal string; s is ASCII (a language tag).
func pdfString(s string) string {
	var b bytes.Buffer
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
