# The book's editions. `make` builds every edition; `make test` runs the tests.
GO      ?= go
SOURCE  ?= source
OUT     ?= build
BIN     := $(OUT)/bin/edition
EDITION := $(BIN)
# Every artifact is stamped with SOURCE_DATE_EPOCH when it is set in the
# environment, else with the fixed `modified` date of source/metadata.yaml, so
# the same source always builds the same bytes.

.PHONY: all text check test vet clean

all: $(BIN) check
	$(EDITION) build --source $(SOURCE) --out $(OUT)

$(BIN): FORCE
	@mkdir -p $(dir $@)
	$(GO) build -trimpath -o $@ ./cmd/edition

text: $(BIN)
	$(EDITION) build --source $(SOURCE) --out $(OUT) --format text

check: $(BIN)
	$(EDITION) check --source $(SOURCE)

test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }
	$(GO) test ./...

clean:
	rm -rf $(OUT)

FORCE:
