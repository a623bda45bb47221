module edition

go 1.26.0

require (
	github.com/go-shiori/go-epub v1.2.1
	github.com/go-text/typesetting v0.3.5
	github.com/jung-kurt/gofpdf v1.16.2
	github.com/pgaskin/kepubify/v4 v4.0.4
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/speedata/hyphenation v1.0.2
	github.com/yuin/goldmark v1.8.7
	golang.org/x/image v0.48.0
	golang.org/x/net v0.19.0
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/beevik/etree v1.1.0 // indirect
	github.com/gabriel-vasile/mimetype v1.4.3 // indirect
	github.com/gofrs/uuid/v5 v5.0.0 // indirect
	github.com/kr/smartypants v0.1.0 // indirect
	github.com/pgaskin/kepubify/_/go116-zip.go117 v0.0.0-20210611152744-2d89b3182523 // indirect
	github.com/pgaskin/kepubify/_/html v0.0.0-20211223234002-6ee2cc632cdc // indirect
	github.com/vincent-petithory/dataurl v1.0.0 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
)

replace github.com/jung-kurt/gofpdf => ./third_party/gofpdf

replace github.com/speedata/hyphenation => ./third_party/hyphenation
