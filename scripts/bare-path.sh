#!/usr/bin/env bash
# bare-path.sh DIR
#
# Fills DIR with links to the basic tools a `go test ./...` needs (go and
# gofmt, a shell, git, make, coreutils, grep, sed, diff) and nothing else,
# then checks that none of the optional tools the tests use when they are
# there (pdftotext, pdfinfo, pdffonts, qpdf, mutool, java, pdfcpu, pandoc, epubcheck,
# node) can be found in DIR. `PATH=DIR go test ./...` then shows that every
# test needing a missing tool skips, saying which, instead of failing.
set -euo pipefail
if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"
for tool in go gofmt sh bash env git make \
	cat ls mkdir rm cp mv ln chmod touch mktemp dirname basename readlink realpath \
	head tail sort uniq wc tr cut sha256sum mkfifo id uname date sleep true false test expr printf echo \
	grep sed awk diff cmp find xargs tar gzip; do
	if p=$(command -v "$tool"); then
		ln -sf "$(readlink -f "$p")" "$dir/$tool"
	fi
done
for tool in pdftotext pdfinfo pdffonts pdftoppm qpdf mutool java pdfcpu pandoc epubcheck node npm chromium; do
	if PATH=$dir command -v "$tool" >/dev/null 2>&1; then
		echo "bare-path: $tool is still reachable in $dir" >&2
		exit 1
	fi
done
