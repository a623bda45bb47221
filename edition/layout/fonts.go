package layout

import (
	"fmt"
	"sync"

	"edition/fonts"
)

// Face is one of the four fonts of the family the book is set in, Charis
// SIL; package fonts holds their files.
type Face uint8

const (
	Roman Face = iota
	Italic
	Bold
	BoldItalic
)

func (f Face) String() string {
	return [...]string{"roman", "italic", "bold", "bold italic"}[f]
}

// File returns the TrueType file of f, as package fonts embeds it.
func (f Face) File() []byte {
	switch f {
	case Italic:
		return fonts.Italic
	case Bold:
		return fonts.Bold
	case BoldItalic:
		return fonts.BoldItalic
	}
	return fonts.Regular
}

// fileName is the name of f's font file, for error messages.
func (f Face) fileName() string {
	return [...]string{"CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Bold.ttf", "CharisSIL-BoldItalic.ttf"}[f]
}

var (
	metricsOnce sync.Once
	faceMetrics [4]*Metrics
	metricsErr  error
	// The bold faces, each parsed the first time FaceMetrics is asked
	// for it.
	boldOnce    [4]sync.Once
	boldMetrics [4]*Metrics
	boldErr     [4]error
)

// FaceMetrics returns the metrics of f, parsed from its file once per
// process.
func FaceMetrics(f Face) (*Metrics, error) {
	if f != Bold && f != BoldItalic {
		m, err := loadMetrics()
		return m[f], err
	}
	boldOnce[f].Do(func() {
		boldMetrics[f], boldErr[f] = parseMetrics(f.File())
		if boldErr[f] != nil {
			boldErr[f] = fmt.Errorf("font %s: %w", f.fileName(), boldErr[f])
		}
	})
	return boldMetrics[f], boldErr[f]
}

// loadMetrics parses the faces the print layout sets, roman and italic,
// once per process, side by side, and returns them as the first two of
// four: the model has no bold, so the bold faces are not parsed for the
// layout (their entries are nil; FaceMetrics parses them on demand), as
// parsing a face for shaping costs more than a millisecond.
func loadMetrics() ([4]*Metrics, error) {
	metricsOnce.Do(func() {
		var errs [4]error
		var wg sync.WaitGroup
		for _, f := range [...]Face{Roman, Italic} {
			wg.Go(func() { faceMetrics[f], errs[f] = parseMetrics(f.File()) })
		}
		wg.Wait()
		for f, err := range errs {
			if err != nil {
				metricsErr = fmt.Errorf("font %s: %w", Face(f).fileName(), err)
				return
			}
		}
	})
	return faceMetrics, metricsErr
}
