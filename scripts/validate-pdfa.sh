#!/usr/bin/env bash
# validate-pdfa.sh BOOK.pdf [BOOK.pdf ...]
#
# Checks each PDF against the standards it declares, with two independent
# validators:
#   - PDFBox Preflight (Apache PDFBox 2, as Debian packages it) validates
#     PDF/A-1b: it must report "is a valid PDF/A-1b file";
#   - pdfcpu v0.15.0 validates the PDF syntax and the version each feature
#     needs (`pdfcpu validate -m strict`).
# Needs: a Java runtime and apt-get install -y libpdfbox2-java
# libfontbox2-java libactivation-java libjaxb-api-java
# libcommons-logging-java; pdfcpu on PATH (go install
# github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0), else go to run it.
# Environment: JAVA_DIR (default /usr/share/java), GO (default go).
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: $0 BOOK.pdf [BOOK.pdf ...]" >&2
	exit 2
fi
jars=${JAVA_DIR:-/usr/share/java}
GO=${GO:-go}
cp=
for j in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
	[ -f "$jars/$j.jar" ] || {
		echo "validate-pdfa: $jars/$j.jar not found (apt-get install -y libpdfbox2-java libfontbox2-java libactivation-java libjaxb-api-java libcommons-logging-java)" >&2
		exit 1
	}
	cp=${cp:+$cp:}$jars/$j.jar
done
command -v java >/dev/null || { echo "validate-pdfa: java not found (apt-get install -y openjdk-17-jre-headless)" >&2; exit 1; }
if command -v pdfcpu >/dev/null; then
	pdfcpu=(pdfcpu)
else
	pdfcpu=("$GO" run github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0)
fi

status=0
for pdf in "$@"; do
	[ -f "$pdf" ] || { echo "validate-pdfa: $pdf: no such file" >&2; status=1; continue; }
	if out=$(java -cp "$cp" org.apache.pdfbox.preflight.Validator_A1b "$pdf" 2>&1); then
		echo "validate-pdfa: $pdf: PDFBox Preflight: valid PDF/A-1b"
	else
		n=$(grep -c '^ *[0-9.]* : ' <<<"$out" || true)
		echo "validate-pdfa: $pdf: PDFBox Preflight: not PDF/A-1b ($n errors; each kind once, with its count):" >&2
		grep '^ *[0-9.]* : ' <<<"$out" | sed 's/ on page [0-9]*$//' | sort | uniq -c | sort -rn | head -n 30 >&2
		status=1
	fi
	if out=$("${pdfcpu[@]}" validate -m strict "$pdf" 2>&1); then
		echo "validate-pdfa: $pdf: pdfcpu validate -m strict: ok"
	else
		echo "validate-pdfa: $pdf: pdfcpu validate -m strict failed:" >&2
		echo "$out" >&2
		status=1
	fi
done
exit $status
