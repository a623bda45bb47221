// Package release bundles a book's artifacts: one zip holding every
// artifact, and a SHA256SUMS file in the format `sha256sum -c` reads that
// covers the artifacts and the zip. Both are written deterministically, so
// the same artifacts give the same bytes.
package release

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"
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

// Zip returns one zip archive holding the artifacts under the folder dir,
// sorted by name, each stamped with modified (in UTC) and compressed with
// Deflate, except files that are already compressed (EPUB, zip, PNG), which
// are stored.
func Zip(dir string, artifacts []Artifact, modified time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, a := range sortedCopy(artifacts) {
		method := zip.Deflate
		if alreadyCompressed(a.Name) {
			method = zip.Store
		}
		h := &zip.FileHeader{Name: path.Join(dir, a.Name), Method: method, Modified: modified.UTC()}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, fmt.Errorf("zip %s: %w", a.Name, err)
		}
		if _, err := w.Write(a.Data); err != nil {
			return nil, fmt.Errorf("zip %s: %w", a.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	return buf.Bytes(), nil
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
