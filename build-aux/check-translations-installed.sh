#!/usr/bin/env bash
# Checks that the build installs a compiled catalogue for every language of po/LINGUAS, that each
# is built and readable by gettext, and that the built desktop file and metainfo carry a
# translation in each language.
#
# Usage: build-aux/check-translations-installed.sh SOURCE_ROOT BUILD_ROOT LOCALEDIR DESKTOP METAINFO
set -euo pipefail

source_root=$1
build_root=$2
localedir=$3
desktop=$4
metainfo=$5
package=ipt-casebook

installed=$(meson introspect --installed "$build_root")
status=0
while read -r lang; do
  lang=${lang%%#*}
  lang=${lang//[[:space:]]/}
  [[ -z $lang ]] && continue
  target=$localedir/$lang/LC_MESSAGES/$package.mo
  if ! grep -qF "\"$target\"" <<<"$installed"; then
    echo "check-translations-installed: $target is not installed" >&2
    status=1
  fi
  built=$build_root/po/$lang/LC_MESSAGES/$package.mo
  if [[ ! -s $built ]]; then
    echo "check-translations-installed: $built was not built" >&2
    status=1
  elif ! msgunfmt "$built" >/dev/null; then
    echo "check-translations-installed: $built is not a valid catalogue" >&2
    status=1
  fi
  if ! grep -q "^Comment\[$lang\]=" "$desktop"; then
    echo "check-translations-installed: $desktop has no Comment[$lang]" >&2
    status=1
  fi
  if ! grep -q "xml:lang=\"$lang\"" "$metainfo"; then
    echo "check-translations-installed: $metainfo has no text in $lang" >&2
    status=1
  fi
done < "$source_root/po/LINGUAS"
exit $status
