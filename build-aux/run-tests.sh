#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: the UI tests under Xvfb with a
# private D-Bus session. The last line printed is "N passed, N failed" (", N skipped" when some
# were skipped); the exit status is non-zero when anything failed.
#
# Usage: build-aux/run-tests.sh [--sanitize] [MESON_TEST_ARGUMENT...]
#   --sanitize  build in _build-asan with AddressSanitizer and UndefinedBehaviorSanitizer and run
#               the suite there with leak detection (suppressions: build-aux/lsan.supp).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

sanitize=false
if [[ ${1:-} == --sanitize ]]; then
  sanitize=true
  shift
fi

if $sanitize; then
  build_dir=_build-asan
  meson_options=(-Db_sanitize=address,undefined -Db_lundef=false)
  test_options=(--timeout-multiplier 4)
  # tests/meson.build sets the same for the test programs; these cover everything else run.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # GLib 2.74 hands GObjects out of slice magazines that stay reachable: a leaked object would
  # go unseen. Plain malloc lets LeakSanitizer see every block.
  export G_SLICE=always-malloc
else
  build_dir=_build
  meson_options=()
  test_options=()
fi

label=tests
$sanitize && label='tests (sanitizers)'

if ! build-aux/setup.sh "$build_dir" "${meson_options[@]}"; then
  echo "run-tests: the build in $build_dir failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

log=$build_dir/meson-logs/run-tests.txt
mkdir -p "$build_dir/meson-logs"

# One X server and one session bus for the whole run; GSettings in memory, nothing written to
# the user's settings.
export GSETTINGS_BACKEND=memory
dbus-run-session -- xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' \
  meson test -C "$build_dir" --print-errorlogs "${test_options[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# meson's summary: "Ok:", "Expected Fail:", "Fail:", "Unexpected Pass:", "Skipped:", "Timeout:".
# A test that failed as declared counts as passed; an unexpected pass counts as failed.
count () {
  local n
  n=$(sed -n "s/^$1:[[:space:]]*\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1)
  echo "${n:-0}"
}
ok=$(count 'Ok')
expected_fail=$(count 'Expected Fail')
fail=$(count 'Fail')
unexpected_pass=$(count 'Unexpected Pass')
skipped=$(count 'Skipped')
timeout=$(count 'Timeout')

passed=$((ok + expected_fail))
failed=$((fail + unexpected_pass + timeout))
if ((status != 0 && failed == 0)); then
  # meson test stopped before its summary (a rebuild failed, or it was interrupted).
  echo "run-tests: meson test exited with status $status" >&2
  failed=1
fi

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "run-tests: $label in $build_dir: see $log"
if $sanitize && ((failed > 0)); then
  # Debian's libraries have no frame pointers, so a leak's stack often stops at g_malloc.
  echo "run-tests: for a leak's whole stack, run that test under valgrind --leak-check=full" \
    "(G_SLICE=always-malloc) in a build without sanitizers"
fi
echo "$summary"

((failed == 0))
