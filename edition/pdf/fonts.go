package pdf

import (
	"fmt"
	"sync"

	"edition/fonts"
)

// face is one of the four fonts of the family.
type face uint8

const (
	roman face = iota
	italic
	bold
	boldItalic
)

// family is the name the fonts are registered under in gofpdf.
const family = "charis"

// style returns the gofpdf style string of f.
func (f face) style() string {
	return [...]string{"", "I", "B", "BI"}[f]
}

func (f face) String() string {
	return [...]string{"roman", "italic", "bold", "bold italic"}[f]
}

// file returns the embedded TrueType bytes of f.
func (f face) file() []byte {
	switch f {
	case italic:
		return fonts.Italic
	case bold:
		return fonts.Bold
	case boldItalic:
		return fonts.BoldItalic
	}
	return fonts.Regular
}

// fileName is the name of f's font file, for error messages.
func (f face) fileName() string {
	return [...]string{"CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Bold.ttf", "CharisSIL-BoldItalic.ttf"}[f]
}

var (
	metricsOnce sync.Once
	faceMetrics [4]*metrics
	metricsErr  error
)

// loadMetrics parses the four embedded fonts once per process.
func loadMetrics() ([4]*metrics, error) {
	metricsOnce.Do(func() {
		for f := roman; f <= boldItalic; f++ {
			m, err := parseMetrics(f.file())
			if err != nil {
				metricsErr = fmt.Errorf("font %s: %w", f.fileName(), err)
				return
			}
			faceMetrics[f] = m
		}
	})
	return faceMetrics, metricsErr
}
