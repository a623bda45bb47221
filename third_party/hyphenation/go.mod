module github.com/speedata/hyphenation

go 1.22
