#!/usr/bin/env bash
# Refreshes the vendored WYSIWYG editor (wangEditor, MIT) and mammoth's browser build (BSD-2-Clause, .docx import) under
# src/Modules/Content/wwwroot/editor/: installs the pinned versions with npm into a throwaway folder and copies only the
# built files and their licences, so the site builds and runs with dotnet alone (node_modules is never committed).
# Usage: ./build/vendor-editor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WANGEDITOR_VERSION=5.1.23
MAMMOTH_VERSION=1.13.0
target=src/Modules/Content/wwwroot/editor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo '{"private":true}' > "$work/package.json"
npm install --prefix "$work" --no-audit --no-fund --ignore-scripts --silent \
  "@wangeditor/editor@$WANGEDITOR_VERSION" "mammoth@$MAMMOTH_VERSION"

copy() { # copy <from under node_modules> <to under $target>
  mkdir -p "$(dirname "$target/$2")"
  cp "$work/node_modules/$1" "$target/$2"
  printf '%-52s %8s bytes  sha256 %s\n' "$2" "$(wc -c < "$target/$2")" "$(sha256sum "$target/$2" | cut -c1-16)"
}

rm -rf "$target/wangeditor" "$target/mammoth"
echo "@wangeditor/editor $WANGEDITOR_VERSION ($(node -p "require('$work/node_modules/@wangeditor/editor/package.json').license"))"
copy @wangeditor/editor/dist/index.js wangeditor/index.js
copy @wangeditor/editor/dist/css/style.css wangeditor/style.css
copy @wangeditor/editor/LICENSE wangeditor/LICENSE
echo "mammoth $MAMMOTH_VERSION ($(node -p "require('$work/node_modules/mammoth/package.json').license"))"
copy mammoth/mammoth.browser.min.js mammoth/mammoth.browser.min.js
copy mammoth/LICENSE mammoth/LICENSE
# The editor's bundle contains its dependencies (slate, snabbdom, i18next, lodash …): keep their notices beside it.
node - "$work/node_modules" "$target/THIRD-PARTY-NOTICES.txt" <<'JS'
const fs = require('fs'), path = require('path');
const [root, out] = process.argv.slice(2);
const dirs = fs.readdirSync(root).flatMap(d => d.startsWith('@') ? fs.readdirSync(path.join(root, d)).map(s => `${d}/${s}`) : [d]).filter(d => !d.startsWith('.')).sort();
let text = 'Packages installed with the vendored editor and mammoth (their code is bundled in the copied files).\n';
for (const d of dirs) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, d, 'package.json'), 'utf8'));
  const licence = fs.readdirSync(path.join(root, d)).find(f => /^(licen[cs]e|copying)/i.test(f));
  text += `\n==== ${pkg.name} ${pkg.version} (${typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license)}) ====\n`;
  if (licence) text += fs.readFileSync(path.join(root, d, licence), 'utf8').trim() + '\n';
}
fs.writeFileSync(out, text);
console.log(`THIRD-PARTY-NOTICES.txt: ${dirs.length} packages`);
JS
# Source maps are not vendored: drop the comment that would make browsers ask for them.
sed -i '/^\/\/# sourceMappingURL=/d' "$target/wangeditor/index.js"
cat > "$target/VERSIONS" <<TXT
@wangeditor/editor $WANGEDITOR_VERSION MIT (wangeditor/LICENSE)
mammoth $MAMMOTH_VERSION BSD-2-Clause (mammoth/LICENSE)
Refreshed by build/vendor-editor.sh; do not edit these files by hand.
TXT
echo "wrote $target/VERSIONS"
