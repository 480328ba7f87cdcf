#!/usr/bin/env bash
# Checks po/POTFILES.in against the tree: every file under src/, ui/ and data/ with translatable
# strings must be listed, and every listed file must exist.
# Usage: build-aux/check-potfiles.sh [SOURCE_ROOT]
set -euo pipefail

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$root"

potfiles=po/POTFILES.in
if [[ ! -f $potfiles ]]; then
  echo "check-potfiles: $potfiles is missing" >&2
  exit 1
fi

# Listed files: one path a line, '#' starts a comment, blank lines ignored.
listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" | sort -u)

# Files that have translatable strings: C calls _(), N_(), C_(), NC_(), ngettext () (with or
# without a space before the parenthesis), GtkBuilder translatable="yes"; and the data files
# that are translated as a whole (desktop entry, metainfo, GSettings schema).
c_pattern='(^|[^A-Za-z0-9_])(N|C|NC)?_ ?\(|(^|[^A-Za-z0-9_])(g_d?)?ngettext ?\('
found=$(
  {
    for dir in src ui data; do
      [[ -d $dir ]] || continue
      grep -rlE --include='*.c' --include='*.h' "$c_pattern" "$dir" || true
      grep -rlF 'translatable="yes"' "$dir" || true
    done
    find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
      -o -name '*.gschema.xml' \) 2>/dev/null || true
  } | sed 's|^\./||' | sort -u
)

status=0

while IFS= read -r f; do
  [[ -n $f ]] || continue
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "check-potfiles: $f has translatable strings but is not listed in $potfiles" >&2
    status=1
  fi
done <<<"$found"

while IFS= read -r f; do
  [[ -n $f ]] || continue
  if [[ ! -f $f ]]; then
    echo "check-potfiles: $f is listed in $potfiles but does not exist" >&2
    status=1
  fi
done <<<"$listed"

if [[ $status -eq 0 ]]; then
  echo "check-potfiles: $(grep -c . <<<"$listed") files listed, all present, none missing"
fi
exit $status
