#!/usr/bin/env bash
# Builds Hue-S, starts a local hues-server seeded with Huế demo data, and runs the app
# against it. Closing the app stops the server. Extra arguments go to the app, e.g.
#   scripts/run.sh --lang en --size 1920x1080
# Data (server database, app profile) lives in .data/ of the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target hues hues-server hues-tool -- -j"$(nproc)"

build=build/release
data=.data
mkdir -p "$data/server" "$data/app"

coproc SERVER { exec "$build/server/hues-server" --listen 127.0.0.1:0 --data-dir "$data/server" --seed demo 2>>"$data/server.log"; }
server_pid=$SERVER_PID
stop_server() { kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
trap stop_server EXIT INT TERM

url=""
if ! read -r -t 30 url <&"${SERVER[0]}" || [[ $url != http* ]]; then
    echo "run: hues-server did not start; see $data/server.log:" >&2
    tail -n 20 "$data/server.log" >&2
    exit 1
fi
echo "run: hues-server at $url (log: $data/server.log)" >&2

# A desktop session is needed to see the window; without one, use Xvfb (screenshots still work).
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    echo "run: no display found; running under xvfb-run (use --screenshot FILE to see it)" >&2
    xvfb-run -a -s "-screen 0 1920x1080x24" "$build/app/hues" --server "$url" --data-dir "$data/app" "$@"
else
    "$build/app/hues" --server "$url" --data-dir "$data/app" "$@"
fi
