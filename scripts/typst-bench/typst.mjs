// typst.mjs loads Typst 0.14 in-process — the npm package
// @myriaddreamin/typst-ts-node-compiler 0.7.0, whose native module embeds
// Typst 0.14.2 — from the directory scripts/bench-process.sh installs it in
// (TYPST_BENCH_DIR, default build/typst-bench of the repository), and makes
// a compiler whose only fonts besides Typst's embedded ones are the
// repository's Charis SIL (book.typ asks for Charis SIL with no fallback).

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, "../..");
export const fontsDir = path.join(repo, "fonts");
export const installDir = path.resolve(process.env.TYPST_BENCH_DIR || path.join(repo, "build/typst-bench"));
export const packageName = "@myriaddreamin/typst-ts-node-compiler";

export function loadTypst() {
	const require = createRequire(path.join(installDir, "package.json"));
	return require(packageName);
}

// newCompiler makes a compiler for the documents in work, with the fonts.
export function newCompiler(typst, work) {
	return typst.NodeCompiler.create({ workspace: work, fontArgs: [{ fontPaths: [fontsDir] }] });
}

// pdfOptions: PDF/UA-1, the one standard of ours the package can ask for
// at a time (ours is PDF/UA-1 and PDF/A-1b); a fixed date for the bytes.
export const pdfOptions = { pdfStandard: "ua-1", creationTimestamp: 1483228800 };

// compilePDF sets the document at main and returns the PDF, its page
// count and the milliseconds of the two steps (compile: parse, evaluate,
// lay out; pdf: export); it throws with Typst's diagnostics on an error.
export function compilePDF(compiler, main, resetRead) {
	const t0 = performance.now();
	const res = compiler.compile({ mainFilePath: main, resetRead });
	if (res.hasError() || !res.result) {
		res.printErrors();
		throw new Error(`typst: ${main} did not compile`);
	}
	const t1 = performance.now();
	const pdf = compiler.pdf(res.result, pdfOptions);
	return { pdf, pages: res.result.numOfPages, compileMs: t1 - t0, pdfMs: performance.now() - t1 };
}

// packageVersion is the installed package's version.
export function packageVersion() {
	const p = path.join(installDir, "node_modules", packageName, "package.json");
	return JSON.parse(fs.readFileSync(p, "utf8")).version;
}

// typstVersion asks the compiler itself which Typst it is (sys.version).
export function typstVersion(compiler) {
	const res = compiler.compile({ mainFileContent: "#metadata(str(sys.version)) <v>" });
	return res.result ? "Typst " + compiler.query(res.result, { selector: "<v>", field: "value" })[0] : "Typst ?";
}
