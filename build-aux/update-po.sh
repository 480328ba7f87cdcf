#!/usr/bin/env bash
# Regenerates po/ipt-casebook.pot from the files listed in po/POTFILES.in and merges it into every
# catalogue named in po/LINGUAS (a missing one is created), then prints how far each has come.
# New strings arrive untranslated ("fuzzy" when msgmerge found a near match): translate them, then
# run the suite (test 'msgfmt-check' checks every catalogue).
#
# Usage: build-aux/update-po.sh [BUILD_DIR]
#   BUILD_DIR defaults to _build; it is configured first when it does not exist yet.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=${1:-_build}
package=ipt-casebook

for tool in xgettext msgmerge msginit msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "update-po: $tool is missing (it comes with the gettext package)" >&2
    exit 1
  fi
done

if [[ ! -f $build_dir/build.ninja ]]; then
  meson setup "$build_dir"
fi

# meson's gettext target runs xgettext with the GLib keywords and the TRANSLATORS comments.
ninja -C "$build_dir" "$package-pot"

while read -r lang; do
  lang=${lang%%#*}
  lang=${lang//[[:space:]]/}
  [[ -z $lang ]] && continue
  po=po/$lang.po
  if [[ -f $po ]]; then
    msgmerge --quiet --update --backup=none --previous "$po" "po/$package.pot"
  else
    msginit --no-translator --locale="$lang.UTF-8" --input="po/$package.pot" --output-file="$po"
  fi
  printf '%s: ' "$po"
  msgfmt --check --statistics --output-file=/dev/null "$po"
done < po/LINGUAS

# The merged desktop file and metainfo do not depend on the catalogues in the build rules: drop
# them so that the next build merges the new translations in.
rm -f "$build_dir/data/org.iptcasebook.IptCasebook.desktop" \
  "$build_dir/data/org.iptcasebook.IptCasebook.metainfo.xml"
