#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the store tests and print its URL.
#
#   eval "$(scripts/ci-services.sh)"     # exports ISNAD_TEST_PG=postgresql://...
#   scripts/ci-services.sh stop DIR      # stops the server started in DIR (ISNAD_TEST_PG_DIR)
#
# Installs Debian's postgresql package when no server binaries are found. The cluster lives in a
# temporary directory (PGTEST_DIR to choose it), runs as the `postgres` user when started by root,
# listens on 127.0.0.1 and a unix socket in that directory, on PGTEST_PORT (default 54329).
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
    dir="${2:-}"
    [ -n "$dir" ] || exit 0  # nothing was started
    ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
    [ -n "$ctl" ] && [ -f "$dir/data/PG_VERSION" ] || exit 0
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    else "$ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; fi
    exit 0
fi

DIR="${PGTEST_DIR:-$(mktemp -d /tmp/isnad-pg.XXXXXX)}"
PORT="${PGTEST_PORT:-54329}"
if [ -f "$DIR/data/postmaster.pid" ]; then
    PORT=$(sed -n 4p "$DIR/data/postmaster.pid")  # this cluster runs already: keep its port
else
    # another server (a developer's) may hold the port: take the next free one
    while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
fi
DB="${PGTEST_DB:-isnad_test}"

find_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
        if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && [ -x "$dir/psql" ] && [ -x "$dir/createdb" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

if ! BIN="$(find_bin)"; then
    echo "installing postgresql (Debian package)" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)" || { echo "PostgreSQL could not be installed" >&2; exit 1; }
fi

mkdir -p "$DIR"
# initdb refuses to run as root: run the server as the postgres user then.
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" postgres
    RUN=(runuser -u postgres --)
    chown postgres "$DIR"
else
    RUN=()
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
    "${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >/dev/null
fi
if ! "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null
fi
if ! "${RUN[@]}" "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    "${RUN[@]}" "$BIN/createdb" -h "$DIR" -p "$PORT" -U postgres "$DB"
fi

URL="postgresql://postgres@127.0.0.1:$PORT/$DB"
echo "export ISNAD_TEST_PG=$URL"
echo "export ISNAD_TEST_PG_DIR=$DIR"
echo "# stop it with: ${RUN[*]} $BIN/pg_ctl -D $DIR/data stop" >&2
