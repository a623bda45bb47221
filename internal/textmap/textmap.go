// Package textmap is a map from texts to values for caches that the
// goroutines of every core read and add to at the same time: the shaped
// texts of a face, the hyphenation points of words, the words a paragraph
// builder has set.
//
// One lock over one map made those goroutines wait for each other hundreds
// of times in a build of a book (each adding a text keeps every reader
// out), so a Map is split into parts by a hash of the text, each part a
// map with a lock of its own: two goroutines wait for each other only when
// they touch texts of the same part at the same moment.
package textmap

import (
	"hash/maphash"
	"sync"
)

// parts is the number of parts of a Map; partStart is the room a part's
// map is made with, so that the first texts added do not make it grow and
// rehash again and again (a book's words fill a few dozen a part).
const (
	parts     = 64
	partStart = 32
)

// seed is the hash every Map splits its texts by: one for the process,
// since a part is only a choice of lock.
var seed = maphash.MakeSeed()

// Map maps texts to values of type V. Its methods may be called from
// several goroutines at once. The zero Map is empty and ready to use.
type Map[V any] struct {
	parts [parts]part[V]
}

// part is the part of a Map holding the texts that hash to it, padded to
// a cache line of its own, so that locking one does not slow the cores
// using its neighbours.
type part[V any] struct {
	sync.RWMutex
	m map[string]V
	_ [64 - 32]byte
}

// of returns the part holding text.
func (m *Map[V]) of(text []byte) *part[V] {
	return &m.parts[maphash.Bytes(seed, text)%parts]
}

// ofString returns the part holding text, as of does.
func (m *Map[V]) ofString(text string) *part[V] {
	return &m.parts[maphash.String(seed, text)%parts]
}

// Get returns the value of text, and whether there is one. It makes no
// string of text.
func (m *Map[V]) Get(text []byte) (V, bool) {
	p := m.of(text)
	p.RLock()
	v, ok := p.m[string(text)]
	p.RUnlock()
	return v, ok
}

// GetString returns the value of text, and whether there is one.
func (m *Map[V]) GetString(text string) (V, bool) {
	p := m.ofString(text)
	p.RLock()
	v, ok := p.m[text]
	p.RUnlock()
	return v, ok
}

// Keep gives text the value v unless it has one already, and returns the
// value text has: a goroutine that made a value at the same time as
// another gets the one kept, so that every caller sees one value.
func (m *Map[V]) Keep(text string, v V) V {
	kept, _ := m.Update(text, func(old V, ok bool) (V, bool) {
		if ok {
			return old, false
		}
		return v, true
	})
	return kept
}

// Update calls f with the value of text and whether it has one, while no
// other goroutine can read or change the texts of its part; when f's
// second result is true, text gets f's first result as its value. Update
// returns text's value after it, and whether it has one.
func (m *Map[V]) Update(text string, f func(old V, ok bool) (V, bool)) (V, bool) {
	p := m.ofString(text)
	p.Lock()
	defer p.Unlock()
	old, ok := p.m[text]
	v, set := f(old, ok)
	if !set {
		return old, ok
	}
	if p.m == nil {
		p.m = make(map[string]V, partStart)
	}
	p.m[text] = v
	return v, true
}

// All calls f for each text and its value, in no particular order, each
// part's locked while f is called for its texts. f must not call m's
// methods.
func (m *Map[V]) All(f func(text string, v V)) {
	for i := range m.parts {
		p := &m.parts[i]
		p.RLock()
		for text, v := range p.m {
			f(text, v)
		}
		p.RUnlock()
	}
}

// Clear empties m.
func (m *Map[V]) Clear() {
	for i := range m.parts {
		p := &m.parts[i]
		p.Lock()
		p.m = nil
		p.Unlock()
	}
}
