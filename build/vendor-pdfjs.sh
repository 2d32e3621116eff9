#!/usr/bin/env bash
# Refreshes Mozilla's pdf.js (Apache-2.0) under tests/Browser.Tests/Vendor/pdfjs/: the browser journeys render issued PDFs
# (decisions, certificates) to PNG screenshots with it in the test chromium. Only the two built modules and the licence
# are copied, so the tests build and run with dotnet alone (node_modules is never committed).
# Usage: ./build/vendor-pdfjs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PDFJS_VERSION=6.5.438
target=tests/Browser.Tests/Vendor/pdfjs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo '{"private":true}' > "$work/package.json"
npm install --prefix "$work" --no-audit --no-fund --ignore-scripts --silent "pdfjs-dist@$PDFJS_VERSION"
echo "pdfjs-dist $PDFJS_VERSION ($(node -p "require('$work/node_modules/pdfjs-dist/package.json').license"))"
rm -rf "$target"
mkdir -p "$target"
for file in build/pdf.min.mjs build/pdf.worker.min.mjs LICENSE; do
  cp "$work/node_modules/pdfjs-dist/$file" "$target/$(basename "$file")"
  printf '%-24s %8s bytes  sha256 %s\n' "$(basename "$file")" "$(wc -c < "$target/$(basename "$file")")" "$(sha256sum "$target/$(basename "$file")" | cut -c1-16)"
done
echo "pdfjs-dist $PDFJS_VERSION" > "$target/VERSION"
