package textmap

import (
	"fmt"
	"sync"
	"testing"
	"unsafe"
)

// TestKeepOneValue: goroutines keeping values for the same texts at once
// all get the one value kept first, and every text is found afterwards,
// by bytes and by string, with that value.
func TestKeepOneValue(t *testing.T) {
	var m Map[*int]
	const goroutines, texts = 8, 2000
	got := make([][]*int, goroutines)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			<-start
			for i := range texts {
				k := (i*7 + g*13) % texts // each in another order
				text := fmt.Sprint("word", k)
				v, ok := m.Get([]byte(text))
				if !ok {
					n := k
					v = m.Keep(text, &n)
				}
				got[g] = append(got[g], v)
			}
		})
	}
	close(start)
	wg.Wait()
	for g := range goroutines {
		for i, v := range got[g] {
			k := (i*7 + g*13) % texts
			text := fmt.Sprint("word", k)
			kept, ok := m.GetString(text)
			if !ok || kept != v || *v != k {
				t.Fatalf("goroutine %d, %q: got %p, kept %p (found %v)", g, text, v, kept, ok)
			}
			if b, _ := m.Get([]byte(text)); b != kept {
				t.Fatalf("%q: Get and GetString differ", text)
			}
		}
	}
	n := 0
	m.All(func(text string, v *int) {
		if text != fmt.Sprint("word", *v) {
			t.Errorf("%q holds %d", text, *v)
		}
		n++
	})
	if n != texts {
		t.Errorf("All gave %d texts, want %d", n, texts)
	}
	m.Clear()
	if _, ok := m.GetString("word1"); ok {
		t.Error("a text found after Clear")
	}
	m.All(func(string, *int) { t.Error("All gave a text after Clear") })
}

// TestUpdate: Update sees the old value, stores only when asked, and
// counts made under it by many goroutines at once add up.
func TestUpdate(t *testing.T) {
	var m Map[int]
	if v, ok := m.Update("a", func(old int, ok bool) (int, bool) { return 0, false }); ok || v != 0 {
		t.Errorf("Update that stores nothing: %d, %v", v, ok)
	}
	if _, ok := m.GetString("a"); ok {
		t.Error("a text stored though f said not to")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i := range 1000 {
				m.Update(fmt.Sprint(i%10), func(old int, ok bool) (int, bool) { return old + 1, true })
			}
		})
	}
	wg.Wait()
	for i := range 10 {
		if v, _ := m.GetString(fmt.Sprint(i)); v != 800 {
			t.Errorf("%d counted %d times, want 800", i, v)
		}
	}
	if v := m.Keep("0", 5); v != 800 {
		t.Errorf("Keep replaced a value: %d", v)
	}
}

// TestPartsSpread: texts spread over the parts (no part holds a quarter of
// them), and a part takes a cache line of its own.
func TestPartsSpread(t *testing.T) {
	var m Map[int]
	for i := range 6400 {
		m.Keep(fmt.Sprint("text", i), i)
	}
	for i := range m.parts {
		if n := len(m.parts[i].m); n == 0 || n > 1600 {
			t.Errorf("part %d holds %d of 6400 texts", i, n)
		}
	}
	if s := unsafe.Sizeof(m.parts[0]); s != 64 {
		t.Errorf("a part takes %d bytes, want 64", s)
	}
}
