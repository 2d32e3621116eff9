#!/usr/bin/env bash
# Refreshes the TrueType fonts embedded in the documents' PDFs under src/Modules/Documents/Fonts/, with their licences:
# Droid Sans Fallback (CJK; Apache-2.0; Debian fonts-droid-fallback) and DejaVu Sans (Latin letters and digits, which
# the fallback font lacks; Bitstream Vera licence, permissive; Debian fonts-dejavu-core), so the site renders Chinese PDFs with dotnet
# alone. PDFsharp needs TrueType (glyf) outlines: the system Noto CJK .ttc are CFF and cannot be embedded by it.
# Usage: sudo ./build/vendor-font.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/Modules/Documents/Fonts
if [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update && apt-get install -y fonts-droid-fallback fonts-dejavu-core
fi
cp /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf "$target/"
cp /usr/share/common-licenses/Apache-2.0 "$target/LICENSE-Apache-2.0.txt"
cp /usr/share/doc/fonts-droid-fallback/copyright "$target/debian-copyright.txt"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$target/"
cp /usr/share/doc/fonts-dejavu-core/copyright "$target/dejavu-copyright.txt"
dpkg-query -W -f='${Package} ${Version}\n' fonts-droid-fallback fonts-dejavu-core
for f in DroidSansFallbackFull.ttf DejaVuSans.ttf; do
  printf '%s %s bytes sha256 %s\n' "$f" "$(wc -c < "$target/$f")" "$(sha256sum "$target/$f" | cut -c1-16)"
done
