# The book's editions. `make` builds every edition; `make test` runs the tests.
#
# Every artifact is stamped with SOURCE_DATE_EPOCH when it is set in the
# environment, else with the fixed `modified` date of source/metadata.yaml, so
# the same source always builds the same bytes.
GO      ?= go
SOURCE  ?= source
OUT     ?= build
BIN     := $(OUT)/bin/edition
EDITION := $(BIN)

.PHONY: all text epub pdf citation check release validate test bench bench-process clean FORCE

all: $(BIN)
	$(EDITION) build --source $(SOURCE) --out $(OUT)

# The command is built without cgo: it uses no C library, and a static
# binary starts without the dynamic loader and libc (`edition --help`
# 7.2 -> 6.3 ms, docs/benchmarks.md).
$(BIN): FORCE
	@mkdir -p $(dir $@)
	CGO_ENABLED=0 $(GO) build -trimpath -o $@ ./cmd/edition

text: $(BIN)
	$(EDITION) build --source $(SOURCE) --out $(OUT) --format text

epub: $(BIN)
	$(EDITION) build --source $(SOURCE) --out $(OUT) --format epub

pdf: $(BIN)
	$(EDITION) build --source $(SOURCE) --out $(OUT) --format pdf

citation: $(BIN)
	$(EDITION) build --source $(SOURCE) --out $(OUT) --format citation

check: $(BIN)
	$(EDITION) check --source $(SOURCE)

release: $(BIN)
	$(EDITION) release --source $(SOURCE) --out $(OUT)/release

# validate checks the release as a whole with the real tools: EPUBCheck and
# Ace on both EPUBs, qpdf, pdffonts, PDFBox Preflight (PDF/A-1b) and pdfcpu
# (strict) on the PDF, the checksums, the citation
# files and the EPUB page list against the PDF's folios; then makes the
# release again and requires the same bytes.
validate: release
	scripts/validate-release.sh $(OUT)/release
	$(EDITION) release --source $(SOURCE) --out $(OUT)/release-again 2>/dev/null
	diff -r $(OUT)/release $(OUT)/release-again && echo "validate: a second release is byte-identical"

test:
	$(GO) vet ./...
	@# third_party/ holds upstream code kept as it was published, not gofmt'd.
	@test -z "$$(gofmt -l $$($(GO) list -f '{{.Dir}}' ./...))" || { echo "gofmt needed on:"; gofmt -l $$($(GO) list -f '{{.Dir}}' ./...); exit 1; }
	$(GO) test ./...
	@# The patched gofpdf and hyphenation (third_party/*/PATCHES.md) are
	@# modules of their own.
	cd third_party/gofpdf && $(GO) vet . && $(GO) test .
	cd third_party/hyphenation && $(GO) vet . && $(GO) test .

# bench runs every Go benchmark; bench-process measures whole processes of
# the built command against pandoc and the issue 13 targets
# (docs/benchmarks.md: instructions with valgrind, one hyperfine run, the
# long books); it prints figures and skips what is not installed.
bench: bench-process
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-process:
	scripts/bench-process.sh $(SOURCE)

clean:
	rm -rf $(OUT)

FORCE:
