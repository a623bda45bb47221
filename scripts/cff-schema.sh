#!/usr/bin/env bash
# cff-schema.sh [OUT]
#
# Installs the official JSON schema of the Citation File Format 1.2.0 for
# the CITATION.cff checks (cmd/verify-release and edition/cite's tests), as
# JSON in OUT (default build/schemas/cff-1.2.0.json).
#
# The schema comes from the npm registry: the package cffjs 0.0.2 ships it
# as a JavaScript module (dist/schema.js), whose content is the schema.json
# of the citation-file-format repository at tag 1.2.0, with one empty
# "required": [] added to "person" (which constrains nothing). The package's
# tarball is checked against the integrity pinned here, then the module is
# read with node and written out as JSON. Nothing else of the package is
# installed or run.
#
# Needs: npm, node, tar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build/schemas/cff-1.2.0.json}
pkg=cffjs@0.0.2
integrity=sha512-h9UYU+vtapLulvNtr7q+rcuS5ycazEzCY2VnwRkscMFlj0CWuYHUaVza8v7j1xw1HtlsKiRzZ1XC3UX46amGYA==

for tool in npm node tar; do
	command -v "$tool" >/dev/null || { echo "cff-schema: $tool not found (apt-get install -y nodejs npm tar)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "$pkg" --silent --no-audit --no-fund >/dev/null)
tgz=("$tmp"/cffjs-*.tgz)
got="sha512-$(node -e 'const c = require("crypto"), f = require("fs");
process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "${tgz[0]}")"
if [ "$got" != "$integrity" ]; then
	echo "cff-schema: $pkg: integrity $got, want $integrity" >&2
	exit 1
fi
tar -xzf "${tgz[0]}" -C "$tmp" package/package.json package/dist/schema.js
mkdir -p "$(dirname "$out")"
node --input-type=module -e '
const { schema } = await import(process.argv[1]);
process.stdout.write(JSON.stringify(schema, null, 2) + "\n");
' "$tmp/package/dist/schema.js" >"$out.tmp"
mv "$out.tmp" "$out"
echo "cff-schema: wrote $out ($pkg, $(node -e 'console.log(require(process.argv[1]).$id)' "$out"))"
