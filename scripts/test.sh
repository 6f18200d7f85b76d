#!/usr/bin/env bash
# Builds everything and runs every test: core unit tests, Hues.Ui QML tests, hues-server
# tests on SQLite and on a throwaway PostgreSQL 15 cluster, hues-tool tests, the end-to-end
# test of the app; then the same tests built with ASan + UBSan.
#   HUES_SKIP_ASAN=1 scripts/test.sh   skips the sanitizer pass
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc)

bash scripts/deps.sh

export QT_QPA_PLATFORM=offscreen

pgdir=$(mktemp -d /tmp/hues-test-pg.XXXXXX)
cleanup() { bash "$root/scripts/test-postgres.sh" stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
HUES_TEST_PG_URL=$(bash scripts/test-postgres.sh start "$pgdir")
export HUES_TEST_PG_URL

echo "== build (RelWithDebInfo, with bench) =="
cmake --preset ci -DHUES_BUILD_BENCH=ON >/dev/null
cmake --build --preset ci -- -j"$jobs"
echo "== qmllint (warnings fail) =="
cmake --build --preset ci --target hues_ui_qmllint hues_qml_app_qmllint hues_app_qmllint
echo "== tests =="
ctest --preset ci -j"$jobs"

if [[ ${HUES_SKIP_ASAN:-0} != 1 ]]; then
    echo "== build (ASan + UBSan) =="
    cmake --preset asan >/dev/null
    cmake --build --preset asan -- -j"$jobs"
    echo "== tests under ASan + UBSan =="
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/scripts/lsan.supp} \
        ctest --preset asan -j"$jobs"
fi
