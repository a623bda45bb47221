package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// pdfPage is one page of the PDF as pdftotext reads it.
type pdfPage struct {
	number int // physical, 1-based
	// printed is the folio printed on the page ("" for none), and where:
	// "head" (in the running-head line) or "foot" (a drop folio).
	printed, where string
	// label is the page's folio, printed or worked out from its position.
	label string
	// body is the page's text without the running head and the folio,
	// reduced by letters; empty for a blank page.
	body string
	// firstLine is the first line of body text, for messages.
	firstLine string
	// starts are the offsets in body where the page's text may begin: at
	// the top, or after a heading (a block of lines set off by a blank
	// line) on a section's opening page.
	starts []int
}

// maxHeadingBlocks is how many blocks of lines at the top of a page may be
// headings before the text begins.
const maxHeadingBlocks = 2

// folios is the PDF read for its pagination.
type folios struct {
	file  string
	pages []pdfPage
	// bodyFrom is the first page numbered in arabic (the preface's first
	// page): the pages before it are front matter.
	bodyFrom int
	byLabel  map[string]int // folio → physical page
}

// The folio at the outer end of the running head (verso: at its start;
// recto: at its end), or alone on the line, and a drop folio alone on the
// last line of the page.
var (
	folioTok  = `([1-9][0-9]*|[ivxlcdm]+)`
	headLeft  = regexp.MustCompile(`^\s*` + folioTok + `(?:\s{2,}\S.*)?$`)
	headRight = regexp.MustCompile(`^.*\S\s{2,}` + folioTok + `\s*$`)
	footOnly  = regexp.MustCompile(`^\s*` + folioTok + `\s*$`)
)

// readFolios extracts every page's text with pdftotext -layout and works
// out each page's folio.
//
// How the print edition (edition/layout) numbers its pages, which this
// follows: the front matter (half-title, blank, title, imprint, contents,
// blank) is numbered i, ii, … from the first page, and only the contents
// print folios (a drop folio at the foot of the first contents page, a
// folio in the running head of any further one); the body is numbered
// 1, 2, … in arabic from the preface's first page; a section's opening
// page prints a drop folio at the foot, the other text pages print it at
// the outer end of the running head, and blank pages print none. A page
// that prints no folio gets the one its position gives: roman counting
// from the first page before the body, arabic after. The offset of the
// arabic numbering is read off the pages that print one, and every printed
// folio must agree with it.
func readFolios(file string) (*folios, error) {
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%s not found: cannot read the PDF's folios (apt-get install -y poppler-utils)", tool)
		}
	}
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		return nil, fmt.Errorf("pdfinfo %s: %v", file, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		return nil, fmt.Errorf("pdfinfo %s: no page count", file)
	}
	n, _ := strconv.Atoi(string(m[1]))
	if n == 0 {
		return nil, fmt.Errorf("%s: no pages", file)
	}
	texts := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			p := strconv.Itoa(i + 1)
			var stderr bytes.Buffer
			cmd := exec.Command("pdftotext", "-f", p, "-l", p, "-layout", "-enc", "UTF-8", file, "-")
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				errs[i] = fmt.Errorf("pdftotext -f %s -l %s %s: %v %s", p, p, file, err, strings.TrimSpace(stderr.String()))
			}
			texts[i] = string(out)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return paginate(file, texts)
}

// paginate works out the folios of pages whose text is given (see
// readFolios).
func paginate(file string, texts []string) (*folios, error) {
	f := &folios{file: file, byLabel: map[string]int{}}
	for i, t := range texts {
		f.pages = append(f.pages, readPage(i+1, t))
	}
	// The arabic numbering's offset, and the roman numbering's, from the
	// printed folios.
	arabic, roman := -1, -1
	arabicAt, romanAt := 0, 0
	lastRoman, firstArabic := 0, 0
	var problems []string
	for _, p := range f.pages {
		if p.printed == "" {
			continue
		}
		if v, err := strconv.Atoi(p.printed); err == nil {
			if firstArabic == 0 {
				firstArabic = p.number
			}
			if arabic < 0 {
				arabic, arabicAt = p.number-v, p.number
			} else if p.number-v != arabic {
				problems = append(problems, fmt.Sprintf("PDF page %d prints folio %s (%s), but page %d prints %d: the arabic folios do not run on one per page",
					p.number, p.printed, p.where, arabicAt, arabicAt-arabic))
			}
			continue
		}
		v := romanValue(p.printed)
		if v == 0 {
			problems = append(problems, fmt.Sprintf("PDF page %d prints %q (%s), not a roman numeral", p.number, p.printed, p.where))
			continue
		}
		lastRoman = p.number
		if roman < 0 {
			roman, romanAt = p.number-v, p.number
		} else if p.number-v != roman {
			problems = append(problems, fmt.Sprintf("PDF page %d prints folio %s (%s), but page %d prints %s: the roman folios do not run on one per page",
				p.number, p.printed, p.where, romanAt, romanNumeral(romanAt-roman)))
		}
	}
	if arabic < 0 {
		problems = append(problems, "no page prints an arabic folio: cannot tell where the body begins")
	} else if arabic >= len(f.pages) {
		problems = append(problems, fmt.Sprintf("the arabic folios put page 1 at PDF page %d, outside the document", arabic+1))
	}
	if lastRoman > 0 && firstArabic > 0 && lastRoman > firstArabic {
		problems = append(problems, fmt.Sprintf("PDF page %d prints a roman folio after page %d printed an arabic one", lastRoman, firstArabic))
	}
	if roman < 0 {
		roman = 0
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: %s", file, strings.Join(problems, "; "))
	}
	f.bodyFrom = arabic + 1
	for i := range f.pages {
		p := &f.pages[i]
		switch {
		case p.number >= f.bodyFrom:
			p.label = strconv.Itoa(p.number - arabic)
		case p.number-roman >= 1:
			p.label = romanNumeral(p.number - roman)
		}
		if p.label != "" {
			f.byLabel[p.label] = p.number
		}
	}
	return f, nil
}

// readPage finds the folio printed on a page and its body text.
func readPage(n int, text string) pdfPage {
	p := pdfPage{number: n}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(text, "\f\n"), "\n") {
		lines = append(lines, strings.TrimRight(strings.Trim(l, "\f"), " \t\r"))
	}
	first, last := -1, -1
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return p // blank
	}
	skipFirst, skipLast := false, false
	// A running head is a line of its own, set off from the text by a
	// blank line; a drop folio is a line holding only the folio.
	headLike := first+1 < len(lines) && strings.TrimSpace(lines[first+1]) == ""
	if headLike && first != last {
		if m := headLeft.FindStringSubmatch(lines[first]); m != nil {
			p.printed, p.where, skipFirst = m[1], "head", true
		} else if m := headRight.FindStringSubmatch(lines[first]); m != nil {
			p.printed, p.where, skipFirst = m[1], "head", true
		}
	}
	if m := footOnly.FindStringSubmatch(lines[last]); m != nil && (last > first || p.printed == "") {
		if p.printed == "" {
			p.printed, p.where = m[1], "foot"
		}
		skipLast = true
	}
	var body strings.Builder
	p.starts = []int{0}
	gap := false
	for i := first; i <= last; i++ {
		if (i == first && skipFirst) || (i == last && skipLast) {
			continue
		}
		t := strings.TrimSpace(lines[i])
		if t == "" {
			gap = body.Len() > 0
			continue
		}
		if gap && len(p.starts) <= maxHeadingBlocks {
			p.starts = append(p.starts, body.Len())
		}
		gap = false
		if p.firstLine == "" {
			p.firstLine = t
		}
		body.WriteString(letters(t))
	}
	p.body = body.String()
	return p
}

// romanNumeral returns n in lowercase roman numerals.
func romanNumeral(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// romanValue returns the value of a lowercase roman numeral in canonical
// form, or 0.
func romanValue(s string) int {
	for v := 1; v < 4000; v++ {
		if romanNumeral(v) == s {
			return v
		}
	}
	return 0
}
