#!/usr/bin/env bash
# validate-release.sh [DIR]
#
# Checks a release folder as `edition release` writes it (DIR, default
# build/release), as a whole:
#   1. sha256sum -c --strict SHA256SUMS, run inside DIR;
#   2. go run ./cmd/verify-release DIR: the checksums again (format, every
#      file listed), the zip (exactly the artifacts, byte-identical, under one
#      folder, fixed timestamps), the citation files (CITATION.cff against
#      the official CFF 1.2.0 schema, installed by scripts/cff-schema.sh; the
#      .bib read by pandoc; CSL-JSON and RIS; all agree with the EPUB on
#      title and creators), and the
#      page-list of both EPUBs against the folios printed in the PDF;
#   3. scripts/validate-epub.sh on <slug>.epub and on <slug>.kepub.epub
#      (EPUBCheck and Ace);
#   4. scripts/validate-pdf.sh on <slug>.pdf (qpdf --check, pdffonts, XMP,
#      PDFBox Preflight PDF/A-1b and pdfcpu strict via validate-pdfa.sh).
# Every step runs even when an earlier one fails; the exit status is
# non-zero when any failed, and the last line sums up.
#
# Needs: sha256sum (coreutils), go, poppler-utils, pandoc, qpdf, java + EPUBCheck,
# node + Chromium for Ace (see validate-epub.sh and validate-pdf.sh).
# Environment: GO (default go).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build/release}
GO=${GO:-go}

if [ $# -gt 1 ] || [ "$dir" = "-h" ] || [ "$dir" = "--help" ]; then
	echo "usage: $0 [DIR]   (default build/release)" >&2
	exit 2
fi
if [ ! -d "$dir" ]; then
	echo "validate-release: $dir: no such folder (run \`edition release --out $dir\` first)" >&2
	echo "validate-release: $dir: FAILED (no release)"
	exit 1
fi
dir=$(cd "$dir" && pwd)

passed=()
failed=()
step() { # step NAME COMMAND...
	local name=$1
	shift
	echo "== validate-release: $name"
	if "$@"; then
		passed+=("$name")
	else
		echo "== validate-release: $name: FAILED" >&2
		failed+=("$name")
	fi
}

# The citation checks validate CITATION.cff against the official CFF schema.
if [ -z "${EDITION_CFF_SCHEMA:-}" ] && [ ! -f "$root/build/schemas/cff-1.2.0.json" ]; then
	step "install the CFF schema" "$root/scripts/cff-schema.sh"
fi
step "sha256sum -c" bash -c 'cd "$1" && sha256sum -c --strict SHA256SUMS' _ "$dir"
step "verify-release" bash -c 'cd "$1" && "$2" run ./cmd/verify-release "$3"' _ "$root" "$GO" "$dir"

# The slug is the name of the one PDF.
shopt -s nullglob
pdfs=("$dir"/*.pdf)
if [ ${#pdfs[@]} -ne 1 ]; then
	echo "validate-release: $dir: want exactly one PDF, found ${#pdfs[@]}" >&2
	failed+=("find <slug>.pdf")
else
	slug=$(basename "${pdfs[0]}" .pdf)
	for epub in "$dir/$slug.epub" "$dir/$slug.kepub.epub"; do
		if [ -f "$epub" ]; then
			step "validate-epub $(basename "$epub")" "$root/scripts/validate-epub.sh" "$epub"
		else
			echo "validate-release: $epub: missing" >&2
			failed+=("validate-epub $(basename "$epub") (missing)")
		fi
	done
	step "validate-pdf $slug.pdf" "$root/scripts/validate-pdf.sh" "${pdfs[0]}"
fi

total=$((${#passed[@]} + ${#failed[@]}))
if [ ${#failed[@]} -gt 0 ]; then
	summary=$(printf '%s; ' "${failed[@]}")
	echo "validate-release: $dir: FAILED ${#failed[@]} of $total steps: ${summary%; }"
	exit 1
fi
echo "validate-release: $dir: all $total steps passed (checksums, zip, citation files, page-list, EPUBCheck + Ace on both EPUBs, PDF)"
