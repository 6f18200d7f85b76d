#!/bin/sh
# Runs a test inside a private D-Bus session with an unlocked, throwaway GNOME Keyring (the
# Secret Service QtKeychain uses on Linux), in a temporary HOME, and sets HUES_TEST_KEYRING=1.
# Without dbus-run-session or gnome-keyring-daemon it runs the test as is (it then skips).
set -eu
if ! command -v dbus-run-session >/dev/null 2>&1 ||
   ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing" >&2
    exec "$@"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/run"
# The login keyring (created with a throwaway password and unlocked by --unlock below; an
# empty password creates none) is the default collection, so that writing a secret never
# asks for a prompt that nobody can answer.
mkdir -p "$tmp/data/keyrings"
printf login >"$tmp/data/keyrings/default"
HOME="$tmp" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
dbus-run-session -- sh -c '
    printf "hues-test" | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$HOME/keyring.log" 2>&1 &
    keyring=$!
    # Wait (bounded) until the daemon owns the Secret Service name on this bus.
    i=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q "boolean true"; do
        i=$((i + 1))
        if [ "$i" -gt 100 ] || ! kill -0 "$keyring" 2>/dev/null; then
            echo "with-keyring: the keyring did not start" >&2
            cat "$HOME/keyring.log" >&2
            kill "$keyring" 2>/dev/null
            exit 1
        fi
        sleep 0.1
    done
    rc=0
    HUES_TEST_KEYRING=1 "$@" || rc=$?
    kill "$keyring" 2>/dev/null
    wait "$keyring" 2>/dev/null || true
    exit $rc
' with-keyring "$@"
