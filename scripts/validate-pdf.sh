#!/usr/bin/env bash
# validate-pdf.sh BOOK.pdf [BOOK.pdf ...]
#
# Checks each PDF of the print edition:
#   - qpdf --check finds no syntax or stream errors (warnings fail too);
#   - pdffonts lists fonts and every one is embedded;
#   - pdfinfo -meta shows an XMP packet linked from the catalog, with
#     dc:title, dc:creator and dc:language;
#   - the catalog has /Lang and the trailer an /ID;
#   - it is tagged (pdfinfo: "Tagged: yes"), its structure tree has text
#     (pdfinfo -struct-text) and its XMP declares PDF/UA-1 (pdfuaid:part);
#   - validate-pdfa.sh: PDFBox Preflight finds it valid PDF/A-1b and
#     pdfcpu validate -m strict passes.
# Needs qpdf and poppler-utils (apt-get install -y qpdf poppler-utils), and
# what validate-pdfa.sh needs.
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: $0 BOOK.pdf [BOOK.pdf ...]" >&2
	exit 2
fi
for t in qpdf pdffonts pdfinfo; do
	command -v "$t" >/dev/null || { echo "validate-pdf: $t not found (apt-get install -y qpdf poppler-utils)" >&2; exit 1; }
done

status=0
fail() { echo "validate-pdf: $pdf: $*" >&2; status=1; }

for pdf in "$@"; do
	[ -f "$pdf" ] || { fail "no such file"; continue; }

	if ! out=$(qpdf --check "$pdf" 2>&1); then
		fail "qpdf --check failed:"; echo "$out" >&2
	elif grep -qi "warning" <<<"$out"; then
		fail "qpdf --check warns:"; echo "$out" >&2
	fi

	fonts=$(pdffonts "$pdf" | tail -n +3)
	if [ -z "$fonts" ]; then
		fail "pdffonts lists no fonts"
	fi
	# The emb column is the fifth from the end (emb sub uni object ID).
	notemb=$(awk '$(NF-4) != "yes"' <<<"$fonts")
	if [ -n "$notemb" ]; then
		fail "fonts not embedded:"; echo "$notemb" >&2
	fi

	pdfinfo "$pdf" | grep -q '^Tagged: *yes' || fail "not tagged (pdfinfo: Tagged: no)"
	[ "$(pdfinfo -struct-text "$pdf" | grep -c '^ *"')" -gt 0 ] || fail "the structure tree holds no text (pdfinfo -struct-text)"

	meta=$(pdfinfo -meta "$pdf")
	for tag in '<x:xmpmeta' '<dc:title>' '<dc:creator>' '<dc:language>' '<pdfuaid:part>1<'; do
		grep -q "$tag" <<<"$meta" || fail "XMP metadata lacks $tag (is /Metadata in the catalog?)"
	done

	trailer=$(qpdf --show-object=trailer "$pdf")
	grep -q '/ID \[' <<<"$trailer" || fail "trailer has no /ID"
	root=$(sed -n 's|.*/Root \([0-9]*\) 0 R.*|\1|p' <<<"$trailer")
	qpdf --show-object="$root" "$pdf" | grep -q '/Lang (' || fail "catalog has no /Lang"

	"$(dirname "$0")/validate-pdfa.sh" "$pdf" || status=1

	[ $status -eq 0 ] && echo "validate-pdf: $pdf: ok ($(pdfinfo "$pdf" | awk '/^Pages:/{print $2}') pages, $(wc -l <<<"$fonts") fonts embedded)"
done
exit $status
