#!/bin/sh
# Start-up to the first full frame: ipt-casebook --screenshot on a 1,000-client caseload against
# gtk4-builder-tool screenshot of a one-label window of the same size, on the same X server,
# alternated, median of PAIRS pairs (default 7). Target: at most 1.5 times the reference; on
# more than 10,000 clients (CLIENTS, default 1,000), at most 2 times. With BEFORE set to another
# build directory (say, of main), its ipt-casebook is timed in the same rounds, for a comparison.
# With DATABASE set to a casebook (say, a 100,000-client demo made once: making it takes
# minutes), that casebook is opened instead of a new demo of CLIENTS clients.
#
# Usage: [BEFORE=DIR] [DATABASE=FILE] tests/bench/bench-startup.sh [BUILDDIR] [PAIRS] [CLIENTS]
# Starts its own X server (xvfb-run) and session bus when DISPLAY is not set.
set -eu

build=${1:-_build}
pairs=${2:-7}
clients=${3:-1000}
build=$(cd "$build" && pwd)
before=${BEFORE:-}
database=${DATABASE:-}
if [ -n "$database" ]; then
  database=$(cd "$(dirname "$database")" && pwd)/$(basename "$database")
  export DATABASE="$database"
  clients=$(sqlite3 "$database" "SELECT count (*) FROM clients")
fi
if [ -n "$before" ]; then
  before=$(cd "$before" && pwd)
  export BEFORE="$before"
fi
if [ "$clients" -gt 10000 ]; then target=2; else target=1.5; fi

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- "$0" "$build" "$pairs" "$clients"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

export XDG_DATA_HOME="$tmp/data"
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
app="$build/src/ipt-casebook"
mkdir -p "$XDG_DATA_HOME"

if [ -n "$database" ]; then
  casebook=$database
else
  casebook=$tmp/caseload.sqlite
  "$app" --make-demo "$casebook" --clients "$clients" >/dev/null
fi

# The reference: a window of the app's default size (GSettings window-width/height) with a label.
width=$(gsettings get org.iptcasebook.IptCasebook window-width 2>/dev/null || echo 1200)
height=$(gsettings get org.iptcasebook.IptCasebook window-height 2>/dev/null || echo 780)
cat > "$tmp/label.ui" <<UI
<?xml version="1.0" encoding="UTF-8"?>
<interface>
  <object class="GtkWindow">
    <property name="default-width">$width</property>
    <property name="default-height">$height</property>
    <child>
      <object class="GtkLabel">
        <property name="label">IPT Casebook</property>
      </object>
    </child>
  </object>
</interface>
UI

now_ms () {
  echo $(( $(date +%s%N) / 1000000 ))
}

run_app () {
  "$app" --database "$casebook" --screenshot "$tmp/app.png" >/dev/null 2>"$tmp/app.err"
}

run_before () {
  "$before/src/ipt-casebook" --database "$casebook" --screenshot "$tmp/before.png" \
    >/dev/null 2>"$tmp/before.err"
}

run_reference () {
  gtk4-builder-tool screenshot --force "$tmp/label.ui" "$tmp/label.png" >/dev/null 2>&1
}

# Warm up both (font cache, the day's first backup of the casebook).
run_app
run_reference
if [ -n "$before" ]; then run_before; fi

median () {
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Pairs alternated; $1 names the renderer setting, empty for each program's own choice.
compare () {
  : > "$tmp/app.times"
  : > "$tmp/ref.times"
  : > "$tmp/before.times"
  i=0
  while [ "$i" -lt "$pairs" ]; do
    t0=$(now_ms); run_app; t1=$(now_ms); run_reference; t2=$(now_ms)
    echo $((t1 - t0)) >> "$tmp/app.times"
    echo $((t2 - t1)) >> "$tmp/ref.times"
    if [ -n "$before" ]; then
      t0=$(now_ms); run_before; t1=$(now_ms)
      echo $((t1 - t0)) >> "$tmp/before.times"
    fi
    i=$((i + 1))
  done
  app_median=$(median "$tmp/app.times")
  ref_median=$(median "$tmp/ref.times")
  echo "  $1"
  echo "    ipt-casebook --screenshot:      median ${app_median} ms ($(tr '\n' ' ' < "$tmp/app.times"))"
  echo "    gtk4-builder-tool screenshot:   median ${ref_median} ms ($(tr '\n' ' ' < "$tmp/ref.times"))"
  awk -v a="$app_median" -v r="$ref_median" -v t="$target" \
    'BEGIN { printf "    ratio %.2f (target <= %s)\n", a / r, t }'
  if [ -n "$before" ]; then
    before_median=$(median "$tmp/before.times")
    echo "    before (BEFORE's build):        median ${before_median} ms ($(tr '\n' ' ' < "$tmp/before.times"))"
    awk -v a="$before_median" -v r="$ref_median" 'BEGIN { printf "    before: ratio %.2f\n", a / r }'
  fi
}

echo "bench-startup: $pairs pairs, window ${width}x${height}, $clients clients"
if [ -n "${GSK_RENDERER:-}" ]; then
  compare "both with GSK_RENDERER=$GSK_RENDERER:"
else
  # GTK 4.8 itself draws with GL even when GL is a software rasteriser; the app then draws with
  # cairo (src/gui/ipt-renderer.c). The second line compares both drawing with cairo.
  compare "each with its own renderer:"
  export GSK_RENDERER=cairo
  compare "both with GSK_RENDERER=cairo:"
fi
