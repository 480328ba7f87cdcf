#!/usr/bin/env bash
# Gets a Debian 12 (or newer Debian or Ubuntu) machine ready to build IPT Casebook: installs the
# packages that are missing, then configures and builds.
#
# Usage: build-aux/setup.sh [BUILD_DIR [MESON_OPTION...]]
#   BUILD_DIR defaults to _build (inside the checkout); MESON_OPTION like -Db_sanitize=address.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=${1:-_build}
shift || true

# What the build, the test suite (UI tests under Xvfb with a private D-Bus session, where GTK
# also wants the accessibility bus) and the validation tests use; dconf keeps the app's
# preferences. gcc brings the sanitizer runtimes (libasan, libubsan).
packages=(
  meson ninja-build pkg-config gcc libc6-dev python3
  libgtk-4-dev libepoxy-dev libglib2.0-dev libglib2.0-bin libsqlite3-dev sqlite3 libcairo2-dev
  libpango1.0-dev libsodium-dev
  gettext desktop-file-utils appstream libgtk-4-bin libxml2-utils
  xvfb xauth dbus dbus-x11 at-spi2-core dconf-gsettings-backend
  poppler-utils
  fonts-cantarell adwaita-icon-theme hicolor-icon-theme librsvg2-common shared-mime-info
  tzdata locales
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup: these packages are missing and sudo is not available: ${missing[*]}" >&2
    echo "setup: install them as root (apt-get install ${missing[*]}) and run this again" >&2
    exit 1
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# The tests run the app in German and Spanish and compare exports made under those locales with
# the C locale's, and read dates typed the American and British way, so the locales must exist
# (a fresh machine has only C and POSIX).
missing_locales=()
for loc in de_DE es_ES en_US en_GB; do
  if ! locale -a 2>/dev/null | grep -qix "$loc\.utf-\?8"; then
    missing_locales+=("$loc")
  fi
done
if ((${#missing_locales[@]} > 0)); then
  echo "setup: generating the locales ${missing_locales[*]} (UTF-8)"
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup: the locales ${missing_locales[*]} are missing and sudo is not available" >&2
    echo "setup: as root, run localedef -i LOCALE -f UTF-8 LOCALE.UTF-8 for each of them," \
      "then run this again" >&2
    exit 1
  fi
  for loc in "${missing_locales[@]}"; do
    "${as_root[@]}" localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
  done
fi

if [[ -f $build_dir/meson-private/coredata.dat ]]; then
  # An existing build directory: apply the options again (a no-op when nothing changed); a
  # directory left broken by an interrupted configuration is set up afresh.
  if ! meson setup --reconfigure "$build_dir" "$@"; then
    meson setup --wipe "$build_dir" "$@"
  fi
else
  meson setup "$build_dir" "$@"
fi

ninja -C "$build_dir"
