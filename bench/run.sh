#!/usr/bin/env bash
# Benchmarks: ./bench/run.sh [--quick] [--list] [--n N] [suite ...]
#
# Builds bench/Registry.Bench (and with it the site) in Release once, then runs the named suites, or all of them
# (`--list` names them). Every figure is printed next to a baseline measured in the same run, with the ratio; no
# test asserts on time. `--quick` shortens every suite so the whole run stays under a minute once the build is
# up to date. Same program without this script: dotnet run -c Release --project bench/Registry.Bench -- [args]
#
# The http and directory suites load the site with wrk (Debian package `wrk`), installed here with apt-get when
# missing. They send traffic to 127.0.0.1 only, for a bounded time, and the site they start is always stopped at the end.
# `--n N` sets the data size of suites that generate data (directory: organizations, default 100,000; quick 20,000).
# The rush suite needs PostgreSQL: unless REGISTRY_BENCH_POSTGRES names a server, this script starts a throwaway cluster
# (as build/test.sh does: initdb in a temp folder, 127.0.0.1 on a free port) and stops and removes it at the end.
set -euo pipefail

REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

phase() { printf '[%s +%ss] %s\n' "$(date +%H:%M:%S)" "$SECONDS" "$*"; }

# The http, directory and content suites need wrk: when no suite is named or when one of them is named.
needs_wrk=1
expect_value=0
for arg in "$@"; do
    if (( expect_value )); then expect_value=0; continue; fi
    case "$arg" in
        --list|-h|--help) needs_wrk=0; break ;;
        --n|-n) expect_value=1 ;;
        -*) ;;
        http|directory|content) needs_wrk=1; break ;;
        *) needs_wrk=0 ;;
    esac
done

# The rush suite needs PostgreSQL: when no suite is named or when it is named.
needs_pg=1
expect_value=0
for arg in "$@"; do
    if (( expect_value )); then expect_value=0; continue; fi
    case "$arg" in
        --list|-h|--help) needs_pg=0; break ;;
        --n|-n) expect_value=1 ;;
        -*) ;;
        rush) needs_pg=1; break ;;
        *) needs_pg=0 ;;
    esac
done

if (( needs_wrk )) && ! command -v wrk >/dev/null 2>&1; then
    SUDO=()
    if [[ $EUID -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || { echo "wrk is missing and this is not root: apt-get install wrk" >&2; exit 1; }
        SUDO=(sudo)
    fi
    phase "installing wrk with apt-get"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
        --no-install-recommends --no-upgrade wrk </dev/null
fi

phase "dotnet build bench/Registry.Bench -c Release"
dotnet build bench/Registry.Bench/Registry.Bench.csproj -c Release -nologo -v quiet </dev/null
phase "build done"

PG_DIR=""
PG_BIN=""
as_pg() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_pg() {
    if [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$PG_DIR" ]]; then rm -rf -- "$(dirname "$PG_DIR")"; fi
    PG_DIR=""
}
trap stop_pg EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if (( needs_pg )) && [[ -z "${REGISTRY_BENCH_POSTGRES:-}" ]]; then
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && PG_BIN="$d"
    done
    if [[ -z "$PG_BIN" ]]; then
        # The suite itself then says clearly that PostgreSQL is missing; other suites still run.
        echo "PostgreSQL not found (/usr/lib/postgresql/*/bin/initdb; package postgresql-15): the rush suite will fail" >&2
    else
        phase "starting PostgreSQL for the rush suite ($PG_BIN)"
        work="$(mktemp -d "${TMPDIR:-/tmp}/registry-bench-pg.XXXXXX")"
        chmod 755 "$work"
        PG_DIR="$work/pg"
        mkdir -p "$PG_DIR" && chmod 700 "$PG_DIR"
        pg_password="$(od -An -tx1 -N18 /dev/urandom | tr -d ' \n')"
        printf '%s\n' "$pg_password" >"$PG_DIR/pwfile"
        if [[ $EUID -eq 0 ]]; then chown -R postgres:postgres "$PG_DIR"; fi
        as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
            >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; echo "initdb failed" >&2; exit 1; }
        rm -f "$PG_DIR/pwfile"
        pg_port=""
        for attempt in 1 2 3; do
            port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
            # Durable writes are not what the rush measures (the tests' settings); max_connections above the app's pool.
            if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
                -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
                start >/dev/null 2>&1; then
                pg_port="$port"
                break
            fi
            tail -n 20 "$PG_DIR/server.log" >&2 || true
        done
        [[ -n "$pg_port" ]] || { echo "could not start PostgreSQL" >&2; exit 1; }
        export REGISTRY_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password"
        phase "PostgreSQL on 127.0.0.1:$pg_port"
    fi
fi

dotnet bench/Registry.Bench/bin/Release/net10.0/Registry.Bench.dll "$@"
