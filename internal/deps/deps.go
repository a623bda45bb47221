// Package deps pins the project's third-party modules while the packages
// that use them are being written. It is removed once each is imported.
package deps

import (
	_ "github.com/go-shiori/go-epub"
	_ "github.com/jung-kurt/gofpdf"
	_ "github.com/pgaskin/kepubify/v4/kepub"
	_ "github.com/speedata/hyphenation"
	_ "github.com/yuin/goldmark"
	_ "gopkg.in/yaml.v3"
)
