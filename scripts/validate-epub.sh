#!/usr/bin/env bash
# validate-epub.sh BOOK.epub [BOOK.epub ...]
#
# Checks each EPUB with EPUBCheck (Debian's 4.2.6) and Ace by DAISY (1.4.6,
# pinned in tools/ace). Fails on any EPUBCheck fatal, error or warning and on
# any Ace violation. Ace's reports are kept in build/ace/<name>/.
#
# Environment:
#   EPUBCHECK_JAR              the EPUBCheck jar (default /usr/share/java/epubcheck.jar)
#   PUPPETEER_EXECUTABLE_PATH  the Chromium Ace drives (default: the first
#                              chromium found on PATH)
#   ACE_TIMEOUT_INITIAL        ms to wait for Chromium to start (default 60000;
#                              Ace's own 5 s is too short on a cold machine)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
acedir=$root/tools/ace

if [ $# -eq 0 ]; then
	echo "usage: $0 BOOK.epub [BOOK.epub ...]" >&2
	exit 2
fi
command -v java >/dev/null || { echo "validate-epub: java not found (apt-get install -y default-jre-headless epubcheck)" >&2; exit 1; }
[ -f "$jar" ] || { echo "validate-epub: no EPUBCheck jar at $jar (apt-get install -y epubcheck)" >&2; exit 1; }
command -v node >/dev/null || { echo "validate-epub: node not found (apt-get install -y nodejs npm)" >&2; exit 1; }

if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then
	for c in chromium chromium-browser google-chrome; do
		if p=$(command -v "$c"); then PUPPETEER_EXECUTABLE_PATH=$p; break; fi
	done
fi
[ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || { echo "validate-epub: no Chromium for Ace (apt-get install -y chromium)" >&2; exit 1; }
export PUPPETEER_EXECUTABLE_PATH
export ACE_TIMEOUT_INITIAL=${ACE_TIMEOUT_INITIAL:-60000}
# Ace starts Chromium with --no-sandbox itself, so running as root works.

if [ ! -x "$acedir/node_modules/.bin/ace-puppeteer" ]; then
	echo "validate-epub: installing Ace in tools/ace (npm ci)" >&2
	(cd "$acedir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund >&2)
fi

status=0
for epub in "$@"; do
	name=$(basename "$epub" .epub)
	echo "== $epub"

	# EPUBCheck: the summary line must read 0/0/0.
	log=$(mktemp)
	java -jar "$jar" --failonwarnings "$epub" >"$log" 2>&1 || true
	grep -E '^(FATAL|ERROR|WARNING)' "$log" || true
	if grep -q 'Messages: 0 fatals / 0 errors / 0 warnings' "$log" || grep -q 'No errors or warnings detected' "$log"; then
		echo "EPUBCheck: ok ($(grep -o 'Messages:.*' "$log" | head -1))"
	else
		echo "EPUBCheck: FAILED"; cat "$log"; status=1
	fi
	rm -f "$log"

	# Ace: the report must pass with no assertion at all.
	out=$root/build/ace/$name
	rm -rf "$out"; mkdir -p "$out"
	if ! "$acedir/node_modules/.bin/ace-puppeteer" --silent -f -o "$out" "$epub"; then
		echo "Ace: FAILED to run"; status=1; continue
	fi
	if node -e '
		const r = require(process.argv[1]);
		let n = 0;
		for (const doc of r.assertions || []) {
			for (const a of doc.assertions || []) {
				n++;
				console.log(`  ${doc["earl:testSubject"].url}: ${a["earl:test"]["earl:impact"]}: ${a["earl:test"]["dct:title"]}`);
			}
		}
		const outcome = r["earl:result"]["earl:outcome"];
		console.log(`Ace: ${outcome}, ${n} violation(s); report ${process.argv[2]}/report.html`);
		process.exit(outcome === "pass" && n === 0 ? 0 : 1);
	' "$out/report.json" "$out"; then :; else status=1; fi
done
exit $status
