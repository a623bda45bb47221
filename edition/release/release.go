// Package release bundles a book's artifacts: one zip holding every
// artifact, and a SHA256SUMS file in the format `sha256sum -c` reads that
// covers the artifacts and the zip. Both are written deterministically, so
// the same artifacts give the same bytes.
package release

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"edition/edition/ziparchive"
)

// Artifact is one file of a release, named by its path inside the release.
type Artifact struct {
	Name string
	Data []byte
}

// Checksums returns SHA256SUMS for the artifacts: one line each, sorted by
// name, "<hex digest>  <name>" as sha256sum writes in text mode.
func Checksums(artifacts []Artifact) []byte {
	sorted := sortedCopy(artifacts)
	var b bytes.Buffer
	for _, a := range sorted {
		sum := sha256.Sum256(a.Data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), a.Name)
	}
	return b.Bytes()
}

// Zip returns one zip archive, written by the one zip writer, holding the
// artifacts under the folder dir, sorted by name, each dated modified and
// deflated, except files that are already compressed (EPUB, zip, PNG), which
// are stored. It refuses a folder or artifact name that is not one plain
// path element, so the archive cannot unpack outside its folder.
func Zip(dir string, artifacts []Artifact, modified time.Time) ([]byte, error) {
	if strings.Contains(dir, "/") {
		return nil, fmt.Errorf("zip: folder name %q holds a slash", dir)
	}
	entries := make([]ziparchive.Entry, len(artifacts))
	for i, a := range artifacts {
		if strings.Contains(a.Name, "/") {
			return nil, fmt.Errorf("zip: artifact name %q holds a slash", a.Name)
		}
		entries[i] = ziparchive.Entry{Name: dir + "/" + a.Name, Data: a.Data, Store: alreadyCompressed(a.Name)}
	}
	return ziparchive.Write(entries, modified)
}

func alreadyCompressed(name string) bool {
	for _, ext := range []string{".epub", ".zip", ".png", ".jpg"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

func sortedCopy(artifacts []Artifact) []Artifact {
	out := append([]Artifact(nil), artifacts...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
