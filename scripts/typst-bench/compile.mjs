// compile.mjs is one whole Typst process, for hyperfine: node starts, loads
// Typst 0.14 and the fonts, sets WORKDIR/main.typ (written by gen.mjs) and
// writes OUT.pdf.
//
// Usage: node compile.mjs WORKDIR OUT.pdf

import fs from "node:fs";
import path from "node:path";
import { compilePDF, loadTypst, newCompiler } from "./typst.mjs";

if (process.argv.length !== 4) {
	console.error("usage: node compile.mjs WORKDIR OUT.pdf");
	process.exit(2);
}
const work = path.resolve(process.argv[2]);
const { pdf } = compilePDF(newCompiler(loadTypst(), work), path.join(work, "main.typ"), false);
fs.writeFileSync(process.argv[3], pdf);
