#!/usr/bin/env bash
# bench-process.sh measures whole processes of the built `edition` (issue 13):
#
#   1. instructions per command, counted by valgrind's callgrind (every
#      thread; exact to a few parts in a thousand, and not disturbed by
#      other work on the machine), when valgrind is installed;
#   2. wall time of each command and of pandoc making the EPUB alone, in
#      ONE hyperfine run, with the load average before and after, and the
#      ratios the targets are stated in;
#   2b. Typst 0.14 setting the same book (scripts/typst-bench), in-process
#      and as a whole process, in rounds beside our `--format pdf`, when
#      node and npm are installed, and our PDF in-process as Typst's is
#      measured (cmd/edition BenchmarkPDFInProcess);
#   3. the book and the long books (internal/cmd/bigbook) 1×, 10× and 100×:
#      wall and CPU time and peak memory (/usr/bin/time -v), and the
#      10× → 100× ratios (wall, and CPU time, which the load of the
#      machine disturbs less).
#
# Usage: scripts/bench-process.sh [SOURCE]   (default: source)
# Environment: RUNS (hyperfine runs, default 30), BIG=0 skips step 3,
# TYPST=0 skips step 2b, TYPST_ROUNDS and TYPST_RUNS set its size,
# BASE=<git ref> also builds that commit and measures it beside this tree
# (its commands in the same callgrind list, hyperfine run and long-book
# runs, marked "base"), for before/after figures taken under one load.
# Nothing here is a test: it prints figures, it does not pass or fail.
set -euo pipefail
src=${1:-source}
runs=${RUNS:-30}
tmp=$(mktemp -d /tmp/bench-process.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
ed=$tmp/edition
CGO_ENABLED=0 go build -trimpath -o "$ed" ./cmd/edition  # as the Makefile builds it
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
bins=("$ed")
if [ -n "${BASE:-}" ]; then
	mkdir "$tmp/base"
	git archive "$BASE" | tar -x -C "$tmp/base"
	(cd "$tmp/base" && CGO_ENABLED=0 go build -trimpath -o "$tmp/edition-base" ./cmd/edition)
	bins=("$tmp/edition-base" "$ed")
	echo "# base: $BASE = $(git rev-parse --short "$BASE")"
fi
# label names a binary in the tables: "base" or "".
label() { [ "$1" = "$ed" ] && echo "" || echo "base "; }

echo "# $(date -u +%FT%TZ), $(nproc) cores, $(go version | cut -d' ' -f3-4), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"

cmds=(
	"--help"
	"check --source $src"
	"build --source $src --out $tmp/o --format text"
	"build --source $src --out $tmp/o --format epub"
	"build --source $src --out $tmp/o --format pdf"
	"build --source $src --out $tmp/o"
)

if command -v valgrind >/dev/null; then
	echo
	echo "## Instructions (valgrind --tool=callgrind, all threads)"
	for c in "${cmds[@]}"; do
		for b in "${bins[@]}"; do
			# Go's asynchronous preemption signals upset callgrind; turning
			# them off does not change what the program computes.
			# shellcheck disable=SC2086
			n=$(GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
				"$b" $c 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
			printf '%14s  %sedition %s\n' "$(printf "%'d" "$n")" "$(label "$b")" "$c"
		done
	done
else
	echo "(valgrind not installed: no instruction counts)"
fi

if command -v hyperfine >/dev/null && command -v pandoc >/dev/null; then
	echo
	echo "## Wall time, one hyperfine run (-N -w 3 -r $runs)"
	md=("$src"/preface.md "$src"/interview.md "$src"/colophon.md "$src"/endnotes.md)
	hcmds=("pandoc ${md[*]} -o $tmp/p.epub")
	for c in "${cmds[@]}"; do
		for b in "${bins[@]}"; do hcmds+=("$b $c"); done
	done
	hyperfine -N -w 3 -r "$runs" --export-json "$tmp/h.json" "${hcmds[@]}" >/dev/null 2>&1
	echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	python3 - "$tmp/h.json" <<'EOF'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
def name(c):
    if c.startswith("pandoc"):
        return "pandoc (4 files) -o p.epub"
    w = c.split()
    words = [x for i, x in enumerate(w[1:], 1) if x not in ("--source", "--out") and w[i-1] not in ("--source", "--out")]
    return ("base " if w[0].endswith("-base") else "") + "edition " + " ".join(words)
print(f"{'command':52s} {'mean':>9s} {'min':>9s} {'median':>9s} {'user':>9s}")
for r in rs:
    print(f"{name(r['command'])[:52]:52s} {r['mean']*1e3:7.1f}ms {r['min']*1e3:7.1f}ms {r['median']*1e3:7.1f}ms {r['user']*1e3:7.1f}ms")
p = rs[0]
print()
print("pandoc's EPUB / edition (target >= 10 for every edition; by median, by min, by user CPU):")
for r in rs[1:]:
    if "--help" in r["command"] or " check " in r["command"] + " ":
        continue
    print(f"  {name(r['command'])[:50]:50s} {p['median']/r['median']:5.1f}x {p['min']/r['min']:5.1f}x {p['user']/r['user']:5.1f}x")
for base in (True, False):
    rows = [r for r in rs[1:] if r["command"].split()[0].endswith("-base") == base]
    help_ = next((r for r in rows if "--help" in r["command"]), None)
    check = next((r for r in rows if " check " in r["command"] + " "), None)
    if help_ and check:
        print(f"{'base ' if base else ''}check - --help (target <= 10 ms): median {1e3*(check['median']-help_['median']):.1f} ms, min {1e3*(check['min']-help_['min']):.1f} ms, user {1e3*(check['user']-help_['user']):.1f} ms")
EOF
else
	echo "(hyperfine or pandoc not installed: no wall times)"
fi

# typst_bench measures Typst 0.14 setting the same book to a PDF beside
# our `--format pdf` (step 2b). It installs the npm package into
# $TYPST_BENCH_DIR (default build/typst-bench, git-ignored) when it is not
# there yet; without node and npm, or when the install fails, it says so and
# returns. In each of TYPST_ROUNDS rounds (default 5): one hyperfine run of
# our `--format pdf` and of a whole Typst process (node, the package, the
# fonts, one compile, the PDF written), then scripts/typst-bench/bench.mjs,
# which compiles the book TYPST_RUNS times (default 10) in one process with
# the fonts loaded and Typst's memo cache evicted before each run.
typst_bench() {
	echo
	echo "## Typst 0.14 beside --format pdf (scripts/typst-bench)"
	local pkg=@myriaddreamin/typst-ts-node-compiler ver=0.7.0
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		echo "(skipped: node or npm is not installed)"
		return
	fi
	if ! command -v pandoc >/dev/null || ! command -v hyperfine >/dev/null; then
		echo "(skipped: pandoc or hyperfine is not installed)"
		return
	fi
	export TYPST_BENCH_DIR=${TYPST_BENCH_DIR:-$PWD/build/typst-bench}
	if ! grep -qs "\"version\": \"$ver\"" "$TYPST_BENCH_DIR/node_modules/$pkg/package.json"; then
		mkdir -p "$TYPST_BENCH_DIR"
		[ -f "$TYPST_BENCH_DIR/package.json" ] || echo '{"private": true}' >"$TYPST_BENCH_DIR/package.json"
		if ! (cd "$TYPST_BENCH_DIR" && npm install --no-audit --no-fund "$pkg@$ver") >"$tmp/npm.log" 2>&1; then
			echo "(skipped: npm install $pkg@$ver into $TYPST_BENCH_DIR failed: $(grep -m 1 -i error "$tmp/npm.log" || tail -n 1 "$tmp/npm.log"))"
			return
		fi
	fi
	if ! node scripts/typst-bench/gen.mjs "$src" "$tmp/typst" >/dev/null 2>"$tmp/gen.log" ||
		! node scripts/typst-bench/compile.mjs "$tmp/typst" "$tmp/typst.pdf" 2>>"$tmp/gen.log"; then
		echo "(skipped: the Typst document of $src did not compile:)"
		sed 's/^/  /' "$tmp/gen.log"
		return
	fi
	local rounds=${TYPST_ROUNDS:-5} truns=${TYPST_RUNS:-10} r
	echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	for ((r = 1; r <= rounds; r++)); do
		hyperfine -N -w 3 -r "$truns" --export-json "$tmp/tp$r.json" \
			"$ed build --source $src --out $tmp/o --format pdf" \
			"node scripts/typst-bench/compile.mjs $tmp/typst $tmp/typst.pdf" >/dev/null 2>&1 &&
			node scripts/typst-bench/bench.mjs --source "$src" --work "$tmp/typst" --runs "$truns" --json >"$tmp/tb$r.json" ||
			{
				echo "(skipped: round $r failed)"
				return
			}
	done
	echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	# Our PDF in-process too, measured as bench.mjs measures Typst
	# (cmd/edition BenchmarkPDFInProcess: the repository's book, so only
	# when $src is it), one benchmark of truns builds a round.
	: >"$tmp/inproc.txt"
	if [ "$(realpath "$src")" = "$(realpath source)" ]; then
		go test -run '^$' -bench '^BenchmarkPDFInProcess$' -benchtime "${truns}x" -count "$rounds" ./cmd/edition 2>&1 |
			awk '/^BenchmarkPDFInProcess/ {print $3 / 1e6}' >"$tmp/inproc.txt" || true
	fi
	python3 - "$tmp" "$rounds" "$(pdfinfo "$tmp/o/"*.pdf 2>/dev/null | sed -n 's/^Pages: *//p')" <<'EOF'
import json, statistics, sys
tmp, rounds, ours_pages = sys.argv[1], int(sys.argv[2]), sys.argv[3] or "?"
ed, whole, inproc, ed_cpu, whole_cpu, inproc_cpu = [], [], [], [], [], []
print(f"{'round':6s} {'edition pdf':>12s} {'Typst whole process':>20s} {'Typst in-process':>17s}   (medians of wall time)")
for r in range(1, rounds + 1):
    h = json.load(open(f"{tmp}/tp{r}.json"))["results"]
    b = json.load(open(f"{tmp}/tb{r}.json"))
    e, w, i = [t * 1e3 for t in h[0]["times"]], [t * 1e3 for t in h[1]["times"]], b["times_ms"]
    ed += e
    whole += w
    inproc += i
    ed_cpu.append((h[0]["user"] + h[0]["system"]) * 1e3)
    whole_cpu.append((h[1]["user"] + h[1]["system"]) * 1e3)
    inproc_cpu += b["cpu_ms"]
    print(f"{r:<6d} {statistics.median(e):10.1f}ms {statistics.median(w):18.1f}ms {statistics.median(i):15.1f}ms")
x, y, z = statistics.median(ed), statistics.median(inproc), statistics.median(whole)
print(f"all    {x:10.1f}ms {z:18.1f}ms {y:15.1f}ms   (min {min(ed):.1f} / {min(whole):.1f} / {min(inproc):.1f} ms)")
cx, cy, cz = statistics.mean(ed_cpu), statistics.mean(inproc_cpu), statistics.mean(whole_cpu)
print(f"CPU    {cx:10.1f}ms {cz:18.1f}ms {cy:15.1f}ms   (user + sys, mean)")
print(f"{b['typst']}; its PDF {b['pdf_bytes']} bytes, {b['pages']} pages (ours: {ours_pages} pages)")
print(f"PDF: edition {x:.1f} ms, Typst 0.14 in-process {y:.1f} ms, ratio Y/X {y / x:.2f} (target >= 3)")
print(f"  by min {min(inproc) / min(ed):.2f}, by CPU time {cy / cx:.2f}; Typst as a whole process {z:.1f} ms, ratio {z / x:.2f}")
ours = [float(l) for l in open(f"{tmp}/inproc.txt") if l.strip()]
if ours:
    o = statistics.median(ours)
    print(f"  in-process both (BenchmarkPDFInProcess, mean of each round's builds, median of {len(ours)} rounds): edition {o:.1f} ms, ratio {y / o:.2f}")
else:
    print("  (in-process edition figure skipped: the benchmark did not run, or the source is not the repository's book)")
EOF
}
if [ "${TYPST:-1}" != 0 ]; then
	typst_bench
fi

if [ "${BIG:-1}" != 0 ] && [ -x /usr/bin/time ]; then
	echo
	echo "## Long books (/usr/bin/time -v, one run each)"
	declare -A secs cpu
	for n in 1 10 100; do
		dir=$src
		if [ "$n" != 1 ]; then
			dir=$tmp/big$n
			go run ./internal/cmd/bigbook "$src" "$dir" "$n"
		fi
		for b in "${bins[@]}"; do
			/usr/bin/time -v "$b" build --source "$dir" --out "$tmp/o$n" 2>"$tmp/t$n" >/dev/null
			el=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/t$n")
			rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/t$n")
			usr=$(sed -n 's/.*User time (seconds): //p' "$tmp/t$n")
			sys=$(sed -n 's/.*System time (seconds): //p' "$tmp/t$n")
			secs[$n]=$(echo "$el" | awk -F: '{print $(NF-1)*60+$NF}')
			cpu[$n]=$(awk -v u="$usr" -v s="$sys" 'BEGIN{print u+s}')
			echo "$(label "$b")${n}x: ${secs[$n]} s wall, ${cpu[$n]} s CPU (user + sys), $((rss / 1024)) MiB peak RSS"
		done
	done
	echo "10x -> 100x: wall time ratio $(awk -v a="${secs[10]}" -v b="${secs[100]}" 'BEGIN{printf "%.1f", b/a}'), CPU time ratio $(awk -v a="${cpu[10]}" -v b="${cpu[100]}" 'BEGIN{printf "%.1f", b/a}') (targets, at 100x: <= 2 s, <= 1 GiB, ratio <= 11)"
	echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
