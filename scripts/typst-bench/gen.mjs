// gen.mjs writes the book of a source folder as a Typst document, so that
// Typst 0.14 can set the same text as `edition build --format pdf` (issue
// 13's comparison). Pandoc (2.x has no Typst writer) parses the Markdown
// into its JSON tree, with the same conventions the project uses: smart
// quotes and dashes, footnote definitions in endnotes.md, `[text](lang:xx)`
// spans; this file turns the tree into Typst markup and the metadata into
// the arguments of the template, book.typ.
//
// Usage: node gen.mjs SOURCE WORKDIR   (writes WORKDIR/main.typ and
// WORKDIR/book.typ). Only what this book uses is supported; anything else
// stops with an error naming it, so no text is dropped silently.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

function pandocJSON(markdown, from) {
	const out = execFileSync("pandoc", ["-f", from, "-t", "json"], {
		input: markdown,
		maxBuffer: 64 << 20,
	});
	return JSON.parse(out.toString("utf8"));
}

// esc escapes the characters that are markup in Typst's text mode. A hyphen
// or slash is escaped only where it would start a shorthand (`--`, `-?`) or
// a comment (`//`, `/*`).
function esc(s) {
	return s
		.replace(/[\\#*_`$<>@\[\]=~"']/g, "\\$&")
		.replace(/-(?=[-?])/g, "\\-")
		.replace(/\/(?=[/*])/g, "\\/");
}

function str(s) {
	return JSON.stringify(s);
}

// plain returns the text of inlines without markup (for metadata).
function plain(xs) {
	return xs
		.map((x) => {
			switch (x.t) {
				case "Str":
					return x.c;
				case "Space":
				case "SoftBreak":
					return " ";
				case "Quoted":
					return (x.c[0].t === "DoubleQuote" ? "\u201c" : "\u2018") + plain(x.c[1]) + (x.c[0].t === "DoubleQuote" ? "\u201d" : "\u2019");
				case "Emph":
				case "Strong":
				case "Span":
					return plain(x.t === "Span" ? x.c[1] : x.c);
				case "Link":
					return plain(x.c[1]);
				default:
					throw new Error(`gen.mjs: unsupported inline ${x.t} in metadata`);
			}
		})
		.join("");
}

function inlines(xs) {
	return xs.map(inline).join("");
}

function inline(x) {
	switch (x.t) {
		case "Str":
			return esc(x.c);
		case "Space":
		case "SoftBreak":
			return " ";
		case "Emph":
			return `#emph[${inlines(x.c)}]`;
		case "Strong":
			return `#strong[${inlines(x.c)}]`;
		case "Quoted":
			return x.c[0].t === "DoubleQuote" ? `\u201c${inlines(x.c[1])}\u201d` : `\u2018${inlines(x.c[1])}\u2019`;
		case "Link": {
			const [, body, [url]] = x.c;
			if (url.startsWith("lang:")) {
				return `#text(lang: ${str(url.slice(5).split("-")[0])})[${inlines(body)}]`;
			}
			if (plain(body) === url) {
				return `#link(${str(url)})`;
			}
			return `#link(${str(url)})[${inlines(body)}]`;
		}
		case "Note":
			return `#footnote[${blocks(x.c)}]`;
		default:
			throw new Error(`gen.mjs: unsupported inline ${x.t}`);
	}
}

// para returns one paragraph's markup; at the start of a line, list and
// heading markers are escaped.
function para(xs) {
	let s = inlines(xs);
	if (/^([-+/]|\d+\.)(\s|$)/.test(s)) {
		s = "\\" + s;
	}
	return s;
}

function blocks(bs) {
	return bs
		.map((b) => {
			if (b.t !== "Para") {
				throw new Error(`gen.mjs: unsupported block ${b.t} in a note`);
			}
			return para(b.c);
		})
		.join("\n\n");
}

// readMeta parses metadata.yaml with pandoc's YAML reader (a metadata block)
// and returns it as plain JavaScript values.
function readMeta(file) {
	const doc = pandocJSON("---\n" + fs.readFileSync(file, "utf8") + "\n---\n", "markdown");
	const val = (m) => {
		switch (m.t) {
			case "MetaMap":
				return Object.fromEntries(Object.entries(m.c).map(([k, v]) => [k, val(v)]));
			case "MetaList":
				return m.c.map(val);
			case "MetaInlines":
				return plain(m.c);
			case "MetaBlocks":
				return m.c.map((b) => plain(b.c)).join("\n\n");
			case "MetaString":
				return m.c;
			case "MetaBool":
				return m.c;
			default:
				throw new Error(`gen.mjs: unsupported metadata ${m.t}`);
		}
	};
	return Object.fromEntries(Object.entries(doc.meta).map(([k, v]) => [k, val(v)]));
}

const roleNames = { ive: "interviewee", ivr: "interviewer", trl: "translator", wpr: "preface", ann: "notes" };

function andList(xs) {
	return xs.length < 2 ? xs.join("") : xs.slice(0, -1).join(", ") + " and " + xs[xs.length - 1];
}

function cap(s) {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export function generate(source, work) {
	const meta = readMeta(path.join(source, "metadata.yaml"));
	const speakers = (meta.people || []).filter((p) => p.speaker).map((p) => p.speaker);
	const read = (name) => {
		const f = path.join(source, name);
		return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "";
	};
	// The notes' definitions join the text so that pandoc resolves the
	// marks; the file's own heading ("# Endnotes") is not a section.
	const notes = read("endnotes.md").replace(/^# .*\n/, "");
	const parts = [
		["preface", read("preface.md")],
		["interview", read("interview.md")],
		["colophon", read("colophon.md")],
	].filter(([, md]) => md !== "");
	const md = parts.map(([, md]) => md).join("\n\n") + "\n\n" + notes;
	const doc = pandocJSON(md, "commonmark_x+footnotes");

	const out = [];
	for (const b of doc.blocks) {
		if (b.t === "Header") {
			if (b.c[0] !== 1) {
				throw new Error(`gen.mjs: unsupported heading level ${b.c[0]}`);
			}
			if (out.some((l) => l.startsWith("= "))) {
				out.push("#section-end");
			}
			out.push(`= ${inlines(b.c[2])}`);
			continue;
		}
		if (b.t !== "Para") {
			throw new Error(`gen.mjs: unsupported block ${b.t}`);
		}
		const s = para(b.c);
		const who = speakers.find((sp) => s.startsWith(esc(sp) + ":"));
		if (who) {
			out.push(`#turn[${esc(who)}][${s.slice(esc(who).length + 1).trimStart()}]`);
		} else if (s.startsWith("\u2013 ")) {
			out.push(`#signature[${s.slice(2)}]`);
		} else {
			out.push(s);
		}
	}

	const people = (meta.people || []).map((p) => {
		const roles = (p.roles || []).map((r) => roleNames[r] || r);
		return `(name: ${str(p.name)}, role: ${str(cap(andList(roles)))})`;
	});
	const byRole = (r) => (meta.people || []).filter((p) => (p.roles || []).includes(r)).map((p) => p.name);
	const translators = byRole("trl");
	const lines = [];
	lines.push(`#emph[${esc(meta.title)}]${meta.subtitle ? ": " + esc(meta.subtitle) : ""}`);
	if (translators.length) {
		const extra = andList(["wpr", "ann"].filter((r) => byRole(r).length).map((r) => (r === "wpr" ? "a preface" : "notes")));
		lines.push(esc(`Translated from the French${extra ? ", with " + extra + "," : ""} by ${andList(translators)}.`));
	}
	for (const [i, s] of (meta.sources || []).entries()) {
		let l = i === 0 ? "Translated from " : "Also published in ";
		l += `#text(lang: ${str(s.lang || "en")})[#emph[${esc(s.title)}]]`;
		if (s.container) l += `, in #emph[${esc(s.container)}]`;
		if (s.volume) l += esc(`, vol.\u00a0${s.volume}`);
		if (s.url) l += `, #link(${str(s.url)})`;
		lines.push(l + ".");
	}
	if (meta.rights) lines.push(esc(meta.rights));
	lines.push(esc(`Edition ${meta.version}. Identifier: ${meta.identifier}.`));
	lines.push("How to cite this edition:");
	const first = (meta.people || [])[0];
	lines.push(
		`${esc(first ? first.file_as + ". " : "")}#emph[${esc(meta.title + (meta.subtitle ? ": " + meta.subtitle : ""))}]. ` +
			esc(`${translators.length ? "Translated from the French by " + andList(translators) + ". " : ""}Version ${meta.version}, ${meta.translated || ""}. ${meta.identifier}.`),
	);
	lines.push("Set in Charis SIL.");

	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(meta.modified || "");
	const head = [
		'#import "book.typ": book, turn, signature, section-end',
		"#show: book.with(",
		`  title: ${str(meta.title)},`,
		`  subtitle: ${str(meta.subtitle || "")},`,
		`  short-title: ${str(meta.short_title || meta.title)},`,
		`  authors: (${(meta.people || []).filter((p) => (p.roles || []).some((r) => r === "ive" || r === "ivr")).map((p) => str(p.name) + ",").join(" ")}),`,
		`  keywords: (${(meta.subjects || []).map((s) => str(s) + ",").join(" ")}),`,
		`  description: ${str(meta.description || "")},`,
		`  lang: ${str(meta.language || "en")},`,
		m ? `  date: datetime(year: ${+m[1]}, month: ${+m[2]}, day: ${+m[3]}),` : "",
		`  people: (${people.map((p) => p + ",").join(" ")}),`,
		`  copyright: (${lines.map((l) => `[${l}],`).join("\n    ")}),`,
		")",
		"",
	];
	fs.mkdirSync(work, { recursive: true });
	fs.writeFileSync(path.join(work, "main.typ"), head.join("\n") + "\n" + out.join("\n\n") + "\n");
	fs.copyFileSync(path.join(here, "book.typ"), path.join(work, "book.typ"));
	return path.join(work, "main.typ");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	if (process.argv.length !== 4) {
		console.error("usage: node gen.mjs SOURCE WORKDIR");
		process.exit(2);
	}
	console.log(generate(process.argv[2], process.argv[3]));
}
