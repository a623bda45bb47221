// bench.mjs times Typst 0.14 setting the book to a PDF in-process with the
// fonts loaded — issue 13's measure of the peer ("in-process, fonts
// loaded"). It writes the Typst document of SOURCE (gen.mjs), makes the
// compiler once with the fonts, compiles once as a warm-up, then compiles
// to PDF RUNS times. Typst memoizes across compiles (comemo): a second
// compile of an unchanged document takes under a millisecond. So before
// each measured run the global cache is evicted (evictCache(0)) and the
// source is read again (resetRead), and every run typesets the whole book;
// the fonts, which the compiler holds outside that cache, stay loaded.
// --keep-cache leaves the cache in place, to show the difference.
//
// Usage: node bench.mjs [--source DIR] [--work DIR] [--runs N]
//        [--out FILE.pdf] [--keep-cache] [--json]
// --json prints one line of JSON (scripts/bench-process.sh reads it).

import fs from "node:fs";
import path from "node:path";
import { generate } from "./gen.mjs";
import { compilePDF, loadTypst, newCompiler, packageName, packageVersion, repo, typstVersion } from "./typst.mjs";

const args = { source: path.join(repo, "source"), work: path.join(repo, "build/typst-bench/work"), runs: 30, out: "", keep: false, json: false };
for (let i = 2; i < process.argv.length; i++) {
	const a = process.argv[i];
	if (a === "--keep-cache") args.keep = true;
	else if (a === "--json") args.json = true;
	else if (["--source", "--work", "--runs", "--out"].includes(a) && i + 1 < process.argv.length) args[a.slice(2)] = process.argv[++i];
	else {
		console.error(`bench.mjs: unknown argument ${a}`);
		process.exit(2);
	}
}
const runs = Number(args.runs);
if (!(runs >= 1)) {
	console.error("bench.mjs: --runs wants a positive number");
	process.exit(2);
}

const main = generate(path.resolve(args.source), path.resolve(args.work));
const t0 = performance.now();
const typst = loadTypst();
const t1 = performance.now();
const compiler = newCompiler(typst, path.dirname(main));
const t2 = performance.now();
const first = compilePDF(compiler, main, false);
const t3 = performance.now();

const wall = [],
	comp = [],
	exp = [],
	cpu = [];
let last = first;
for (let i = 0; i < runs; i++) {
	if (!args.keep) compiler.evictCache(0);
	const u0 = process.cpuUsage();
	const s0 = performance.now();
	last = compilePDF(compiler, main, !args.keep);
	const s1 = performance.now();
	const u = process.cpuUsage(u0);
	wall.push(s1 - s0);
	comp.push(last.compileMs);
	exp.push(last.pdfMs);
	cpu.push((u.user + u.system) / 1000);
}
if (Buffer.compare(first.pdf, last.pdf) !== 0) {
	console.error("bench.mjs: warning: the last run's PDF differs from the first's");
}
if (args.out) fs.writeFileSync(args.out, last.pdf);

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
	const s = sorted(xs);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const r = {
	typst: `${typstVersion(compiler)} (${packageName} ${packageVersion()})`,
	runs,
	evicted: !args.keep,
	median_ms: median(wall),
	min_ms: Math.min(...wall),
	mean_ms: mean(wall),
	cpu_median_ms: median(cpu),
	compile_median_ms: median(comp),
	export_median_ms: median(exp),
	first_runs_ms: wall.slice(0, 3),
	load_ms: t1 - t0,
	create_ms: t2 - t1,
	warmup_ms: t3 - t2,
	pdf_bytes: last.pdf.length,
	pages: last.pages,
	times_ms: wall,
	cpu_ms: cpu,
};

if (args.json) {
	console.log(JSON.stringify(r));
} else {
	const f = (x) => x.toFixed(1);
	console.log(`${r.typst}, in-process, ${runs} runs${r.evicted ? ", cache evicted before each" : ", cache kept"}:`);
	console.log(`  compile + PDF: median ${f(r.median_ms)} ms, min ${f(r.min_ms)} ms, mean ${f(r.mean_ms)} ms; CPU median ${f(r.cpu_median_ms)} ms`);
	console.log(`  of which compile (parse, evaluate, lay out) median ${f(r.compile_median_ms)} ms, PDF export median ${f(r.export_median_ms)} ms`);
	console.log(`  first three runs: ${r.first_runs_ms.map(f).join(", ")} ms (warm-up compile ${f(r.warmup_ms)} ms, module load ${f(r.load_ms)} ms, compiler with fonts ${f(r.create_ms)} ms)`);
	console.log(`  PDF: ${r.pdf_bytes} bytes, ${r.pages} pages`);
}
