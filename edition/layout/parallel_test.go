package layout

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"edition/edition"
	"edition/internal/testbook"
)

// parallelBook is a fixture of many paragraphs of several lengths, with
// notes cited and a signature after the preface, long enough that the
// paragraphs are set on every core and make-up sets many again.
func parallelBook() *edition.Book {
	var turns [][]int
	for i := 1; i <= 60; i++ {
		turns = append(turns, []int{i%5 + 1, (i*7)%4 + 1, (i*3)%6 + 1})
	}
	return testbook.Book(turns, []int{1, 3, 2}, map[string]int{"interview-9": 1, "interview-30": 2, "interview-44": 3})
}

// TestParagraphsSetOnEveryCore checks that the rows setParagraphs sets on
// every core are those of setting each paragraph in turn, and that make-up
// taking them as they come (makeUpFrom) makes the same pages as make-up of
// every row at once.
func TestParagraphsSetOnEveryCore(t *testing.T) {
	for _, trim := range []string{"", "a5"} {
		t.Run(trim, func(t *testing.T) {
			b := parallelBook()
			fb := fixtureFlow(t, trim)
			fb.section(&b.Preface)
			fb.interview(&b.Interviews[0], nil)
			fb.section(&b.Colophon)
			walk := append([]row(nil), fb.rows...)
			fb.setParagraphs()
			// One by one, on this goroutine.
			var want []row
			for _, r := range walk {
				if r.kind != rowPending {
					want = append(want, r)
					continue
				}
				s := fb.srcs[r.src-1]
				lines := fb.bodyAt(fb.build(s.p, s.indent, s.turn, &fb.errs), fb.g.Measure-2*fb.inset(s))
				for i, l := range lines {
					want = append(want, row{kind: rowText, line: l, lines: 1, x: fb.inset(s), idx: i, count: len(lines),
						turnStart: s.turn != nil && i == 0, sec: s.sec, src: r.src, quote: s.quote})
				}
				if r.keep {
					want[len(want)-1].keep = true
				}
			}
			if len(fb.rows) != len(want) {
				t.Fatalf("%d rows, %d set one by one", len(fb.rows), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(fb.rows[i], want[i]) {
					t.Fatalf("row %d: %+v, set one by one %+v", i, fb.rows[i], want[i])
				}
			}
			sig := slices.IndexFunc(fb.rows, func(r row) bool { return r.kind == rowSignature })
			if sig < 1 || fb.rows[sig-1].kind != rowText || !fb.rows[sig-1].keep {
				t.Errorf("the line before the preface's signature (row %d) does not keep with it", sig)
			}
			for i := range b.Notes {
				fb.note(&b.Notes[i])
			}
			whole := makeUp(fb.g, fb.rows, fb.notes, fb.rebreak)
			// The same rows, a walk's row or a paragraph at a time.
			fb2 := fixtureFlow(t, trim)
			fb2.section(&b.Preface)
			fb2.interview(&b.Interviews[0], nil)
			fb2.section(&b.Colophon)
			ps := fb2.startParagraphs()
			for i := range b.Notes {
				fb2.note(&b.Notes[i])
			}
			streamed := makeUpFrom(fb2.g, nil, ps.next, fb2.notes, fb2.rebreak)
			ps.finish()
			if len(whole) < 10 {
				t.Fatalf("%d pages: the fixture is too short to test make-up", len(whole))
			}
			if !reflect.DeepEqual(whole, streamed) {
				t.Errorf("make-up of the rows as they come differs from make-up of them all (%d and %d pages)", len(streamed), len(whole))
			}
		})
	}
}

// TestErrorsInWalkOrder checks that the errors of paragraphs set on every
// core are all reported, among those the walk of the book reports (an
// unknown speaker), in the order of the book.
func TestErrorsInWalkOrder(t *testing.T) {
	b := parallelBook()
	iv := &b.Interviews[0]
	var want []string
	for t := range iv.Turns {
		if t%7 == 3 {
			iv.Turns[t].Speaker = "nobody"
			want = append(want, fmt.Sprintf("speaker %q", "nobody"))
		}
		for i := range iv.Turns[t].Paragraphs {
			if (t+i)%5 != 0 {
				continue
			}
			p := &iv.Turns[t].Paragraphs[i]
			line := 1000 + 10*t + i
			p.Content = append(p.Content, &edition.Text{Text: " 中", Pos: edition.Pos{File: "interview.md", Line: line, Col: 2}})
			want = append(want, fmt.Sprintf("interview.md:%d:2", line))
		}
	}
	_, err := makePages(b, "")
	list, ok := err.(edition.ErrorList)
	if !ok {
		t.Fatalf("error %v (%T), want an edition.ErrorList", err, err)
	}
	if len(list) < len(want) {
		t.Fatalf("%d errors, want at least %d:\n%s", len(list), len(want), list.Error())
	}
	msg := list.Error()
	at := 0
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Fatalf("the errors do not name %q:\n%s", w, msg)
		}
		if !strings.HasPrefix(w, "speaker") {
			i := strings.Index(msg[at:], w)
			if i < 0 {
				t.Fatalf("%q reported out of the book's order:\n%s", w, msg)
			}
			at += i
		}
	}
}

// TestKeptParagraphs checks that rebreak sets a paragraph again from the
// paragraph startParagraphs kept built as it does from one built anew, and
// that a caller that stops taking rows early does not keep finish waiting
// for workers that wait for the kept paragraphs to be let go.
func TestKeptParagraphs(t *testing.T) {
	b := parallelBook()
	fb := fixtureFlow(t, "")
	fb.interview(&b.Interviews[0], nil)
	if len(fb.srcs) <= keptLag+4 {
		t.Fatalf("%d paragraphs: the fixture does not reach past keptLag (%d)", len(fb.srcs), keptLag)
	}
	ps := fb.startParagraphs()
	// The first three paragraphs' rows, as make-up would take them.
	var srcs []int32
	count := map[int32]int{}
	for len(srcs) < 3 {
		rows, ok := ps.next()
		if !ok {
			t.Fatal("fewer than three paragraphs")
		}
		for _, r := range rows {
			if r.kind == rowText && r.src != 0 && !slices.Contains(srcs, r.src) {
				srcs = append(srcs, r.src)
				count[r.src] = r.count
			}
		}
	}
	var reqs []rebreakReq
	for _, src := range srcs {
		if fb.keptPara(src) == nil {
			t.Fatalf("paragraph %d handed out is not kept", src)
		}
		for _, loose := range []int{-1, 1} {
			reqs = append(reqs, rebreakReq{src: src, count: count[src], looseness: loose, noHyphen: -1, maxSpace: maxLooseSpace})
		}
		reqs = append(reqs, rebreakReq{src: src, count: count[src], noHyphen: 0, maxSpace: maxWideSpace})
	}
	kept := fb.rebreak(reqs)
	if len(fb.built) != 0 {
		t.Errorf("rebreak built %d paragraphs anew that were kept", len(fb.built))
	}
	done := make(chan struct{})
	go func() { ps.finish(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("finish did not return after the caller stopped early")
	}
	fb.releaseKept()
	if fb.keptPara(1) != nil {
		t.Fatal("paragraph 1 still kept after releaseKept")
	}
	fresh := fb.rebreak(reqs)
	if len(fb.built) == 0 {
		t.Error("rebreak did not build the paragraphs anew")
	}
	if slices.IndexFunc(kept, func(rs []row) bool { return rs != nil }) < 0 {
		t.Error("no paragraph could be set again: the test compares nothing")
	}
	if !reflect.DeepEqual(kept, fresh) {
		t.Error("paragraphs set again from the kept paragraphs differ from those built anew")
	}
}
