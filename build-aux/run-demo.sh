#!/usr/bin/env bash
# Installs what is missing, builds, and opens IPT Casebook on the demo caseload
# ($XDG_DATA_HOME/ipt-casebook/demo.sqlite, generated on first use; the real casebook is never
# touched). Extra arguments go to the app, e.g. build-aux/run-demo.sh --dashboard
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

build-aux/setup.sh _build

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  echo "run-demo: no display; run this from a desktop session (the build is ready in _build)" >&2
  exit 1
fi

# The build's own catalogues, so that the app speaks the desktop's language (German, Spanish)
# before it is installed.
export IPT_CASEBOOK_LOCALEDIR=${IPT_CASEBOOK_LOCALEDIR:-$PWD/_build/po}
exec _build/src/ipt-casebook --demo "$@"
