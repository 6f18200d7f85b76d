#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for the hues-server tests, without systemd.
#   scripts/test-postgres.sh start DIR   -> prints postgresql://postgres@127.0.0.1:PORT/hues
#   scripts/test-postgres.sh stop DIR
# Run as root (initdb itself runs as the postgres user). DIR must not be below a directory
# the postgres user cannot enter (e.g. /root); /tmp/... is fine.
# Then: HUES_TEST_PG_URL=$(scripts/test-postgres.sh start /tmp/pg) ctest -L server
set -euo pipefail

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
dir=$(realpath -m "$2")

log() { echo "test-postgres: $*" >&2; }

ensure_packages() {
    if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        return
    fi
    log "installing postgresql and libpq-dev"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y postgresql libpq-dev >&2 || {
        apt-get update >&2
        apt-get install -y postgresql libpq-dev >&2
    }
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

as_postgres() {
    runuser -u postgres -- "$@"
}

case "$action" in
start)
    ensure_packages
    bindir=$(pg_config --bindir)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        log "a cluster is already running in $dir (stop it first)"
        exit 1
    fi
    rm -rf "$dir/data" "$dir/sock"
    mkdir -p "$dir/sock"
    chown -R postgres:postgres "$dir"
    as_postgres "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    port=$(free_port)
    as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
        "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 || {
        cat "$dir/log" >&2
        exit 1
    }
    echo "$port" >"$dir/port"
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres -E UTF8 -T template0 hues
    echo "postgresql://postgres@127.0.0.1:$port/hues"
    ;;
stop)
    ensure_packages
    if [[ ! -f "$dir/data/postmaster.pid" ]]; then
        log "no cluster running in $dir"
        exit 0
    fi
    as_postgres "$(pg_config --bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2
    ;;
*)
    usage
    ;;
esac
