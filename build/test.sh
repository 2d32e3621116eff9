#!/usr/bin/env bash
# Runs every test of the Registry solution: ./build/test.sh [extra dotnet test args, e.g. --filter ...]
#
# What it does, in order:
#   1. Installs what the tests need if missing (Debian packages: chromium, fonts-noto-cjk, fontconfig,
#      python3-aiosmtpd, postgresql-15), then fails loudly if any of them is still missing.
#   2. Restores the local dotnet tools (.config/dotnet-tools.json).
#   3. Starts a throwaway PostgreSQL cluster on 127.0.0.1 on a free port (scram auth, generated
#      password, fsync off, max_connections 400 so that several test apps, each with a full
#      connection pool of 100 under a rush, fit beside each other) and a real SMTP sink (aiosmtpd,
#      Maildir) on another free port.
#   4. Exports for the tests:
#        REGISTRY_TEST_POSTGRES   Npgsql admin connection string (tests create their own databases)
#        REGISTRY_TEST_SMTP_HOST  SMTP sink host (127.0.0.1)
#        REGISTRY_TEST_SMTP_PORT  SMTP sink port
#        REGISTRY_TEST_MAILDIR    Maildir of the sink; each message lands as a file in <maildir>/new/
#        REGISTRY_TEST_CHROMIUM   /usr/bin/chromium
#        REGISTRY_TEST_ARTIFACTS  <repo>/artifacts (screenshots etc.; gitignored)
#   5. Runs `dotnet test Registry.sln -c Release` with a TRX logger into artifacts/test-results,
#      stops the services, and prints as its last line "N passed, N failed[, N skipped]"
#      summed from the TRX files. Exits non-zero if dotnet test failed, a test failed, or no
#      test was executed.
#
# Developer mode: REGISTRY_TEST_DRY=1 ./build/test.sh
#   Stops right after the services are up: prints the exported variables, checks that psql can
#   connect (select version()) and that a test mail sent over SMTP lands in <maildir>/new, then
#   cleans up. Does not build or run any test.
#
# Everything it starts (postgres, the SMTP sink, temp dirs) is stopped/removed on exit, also on failure.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd)"
cd "$REPO_ROOT"

DRY="${REGISTRY_TEST_DRY:-0}"
SYS_PYTHON=/usr/bin/python3          # Debian's interpreter: the one that sees python3-aiosmtpd
CHROMIUM=/usr/bin/chromium
# fontconfig provides fc-list for the CJK font check (chromium pulls it in today only indirectly).
APT_PACKAGES=(chromium fonts-noto-cjk python3-aiosmtpd postgresql-15 fontconfig)

phase() { printf '[%s +%ss] == %s\n' "$(date +%H:%M:%S)" "$SECONDS" "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Cleanup (idempotent, silent on stdout so the summary line stays the last line)
# ---------------------------------------------------------------------------------------------
WORK_DIR=""
PG_DATA=""
PG_BIN=""
SINK_PID=""

as_pg() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    if [[ -n "$SINK_PID" ]]; then
        kill "$SINK_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SINK_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SINK_PID" 2>/dev/null || true
        wait "$SINK_PID" 2>/dev/null || true
        SINK_PID=""
    fi
    if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
        local pm_pid
        pm_pid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
        if [[ -n "$pm_pid" ]] && kill -0 "$pm_pid" 2>/dev/null; then
            kill -9 "$pm_pid" 2>/dev/null || true
        fi
    fi
    PG_DATA=""
    if [[ -n "$WORK_DIR" && -d "$WORK_DIR" ]]; then
        rm -rf -- "$WORK_DIR" || true
    fi
    WORK_DIR=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------------------------------------
# 1. System packages
# ---------------------------------------------------------------------------------------------
find_pg_bin() {
    local d best=""
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && best="$d"
    done
    printf '%s' "$best"
}

missing_requirements() {
    local missing=()
    [[ -x "$CHROMIUM" ]] || missing+=("$CHROMIUM (package chromium)")
    if ! command -v fc-list >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
        missing+=("a CJK font: fc-list :lang=zh is empty (package fonts-noto-cjk)")
    fi
    if ! [[ -x "$SYS_PYTHON" ]] || ! "$SYS_PYTHON" -c 'import aiosmtpd' >/dev/null 2>&1; then
        missing+=("$SYS_PYTHON -c 'import aiosmtpd' (package python3-aiosmtpd)")
    fi
    [[ -n "$(find_pg_bin)" ]] || missing+=("/usr/lib/postgresql/*/bin/initdb (package postgresql-15)")
    if (( ${#missing[@]} )); then printf '%s\n' "${missing[@]}"; fi
}

phase "checking system packages"
MISSING="$(missing_requirements)"
if [[ -n "$MISSING" ]]; then
    printf 'missing:\n%s\n' "$MISSING" | sed '2,$s/^/  /'
    SUDO=()
    if [[ $EUID -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO=(sudo)
        else
            die "not root and sudo is not available: install these yourself: apt-get install -y --no-install-recommends ${APT_PACKAGES[*]}"
        fi
    fi
    phase "installing ${APT_PACKAGES[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y \
        --no-install-recommends --no-upgrade "${APT_PACKAGES[@]}" </dev/null
    MISSING="$(missing_requirements)"
    if [[ -n "$MISSING" ]]; then
        printf 'ERROR: still missing after apt-get install:\n%s\n' "$MISSING" | sed '2,$s/^/  /' >&2
        exit 1
    fi
fi
PG_BIN="$(find_pg_bin)"
echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo '?'); postgres: $("$PG_BIN/postgres" --version)"

# ---------------------------------------------------------------------------------------------
# 2. Local dotnet tools
# ---------------------------------------------------------------------------------------------
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ -n "${CI:-}" ]]; then
    # No MSBuild worker nodes lingering after the run in CI (they would hold the log pipe open).
    export MSBUILDDISABLENODEREUSE=1
fi
phase "dotnet tool restore"
dotnet tool restore

# ---------------------------------------------------------------------------------------------
# 3. Services
# ---------------------------------------------------------------------------------------------
free_port() {
    "$SYS_PYTHON" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_open() {
    "$SYS_PYTHON" -c 'import socket, sys
s = socket.socket(); s.settimeout(0.5)
sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)' "$1"
}

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/registry-test.XXXXXX")"
chmod 755 "$WORK_DIR"

phase "starting PostgreSQL ($PG_BIN)"
PG_DIR="$WORK_DIR/pg"
mkdir -p "$PG_DIR"
chmod 700 "$PG_DIR"
PG_PASSWORD="$(od -An -tx1 -N18 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
if [[ $EUID -eq 0 ]]; then chown -R postgres:postgres "$PG_DIR"; fi
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
rm -f "$PG_DIR/pwfile"
PG_DATA="$PG_DIR/data"
PG_PORT=""
for attempt in 1 2 3; do
    port="$(free_port)"
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        start >/dev/null 2>&1; then
        PG_PORT="$port"
        break
    fi
    echo "postgres did not start on port $port (attempt $attempt); log:" >&2
    tail -n 20 "$PG_DIR/server.log" >&2 || true
done
[[ -n "$PG_PORT" ]] || die "could not start PostgreSQL"
as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 30 || die "PostgreSQL is not accepting connections on 127.0.0.1:$PG_PORT"

phase "starting SMTP sink (aiosmtpd)"
MAILDIR="$WORK_DIR/maildir"
mkdir -p "$MAILDIR/new" "$MAILDIR/cur" "$MAILDIR/tmp"
SINK_PORT=""
for attempt in 1 2 3; do
    port="$(free_port)"
    "$SYS_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
        </dev/null >"$WORK_DIR/smtp.log" 2>&1 &
    SINK_PID=$!
    for _ in $(seq 1 100); do
        if port_open "$port"; then SINK_PORT="$port"; break; fi
        kill -0 "$SINK_PID" 2>/dev/null || break
        sleep 0.1
    done
    [[ -n "$SINK_PORT" ]] && break
    echo "SMTP sink did not start on port $port (attempt $attempt); log:" >&2
    cat "$WORK_DIR/smtp.log" >&2 || true
    kill "$SINK_PID" 2>/dev/null || true
    wait "$SINK_PID" 2>/dev/null || true
    SINK_PID=""
done
[[ -n "$SINK_PORT" ]] || die "could not start the SMTP sink"

ARTIFACTS="$REPO_ROOT/artifacts"
mkdir -p "$ARTIFACTS"

export REGISTRY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD"
export REGISTRY_TEST_SMTP_HOST=127.0.0.1
export REGISTRY_TEST_SMTP_PORT="$SINK_PORT"
export REGISTRY_TEST_MAILDIR="$MAILDIR"
export REGISTRY_TEST_CHROMIUM="$CHROMIUM"
export REGISTRY_TEST_ARTIFACTS="$ARTIFACTS"

phase "services up"
for v in REGISTRY_TEST_POSTGRES REGISTRY_TEST_SMTP_HOST REGISTRY_TEST_SMTP_PORT REGISTRY_TEST_MAILDIR \
         REGISTRY_TEST_CHROMIUM REGISTRY_TEST_ARTIFACTS; do
    val="${!v}"
    if [[ "$DRY" != 1 && $v == REGISTRY_TEST_POSTGRES ]]; then val="${val/%Password=*/Password=***}"; fi
    printf '  %s=%s\n' "$v" "$val"
done

# ---------------------------------------------------------------------------------------------
# Dry mode: check the services, clean up, stop.
# ---------------------------------------------------------------------------------------------
if [[ "$DRY" == 1 ]]; then
    phase "dry run: checking PostgreSQL with psql"
    PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
        -v ON_ERROR_STOP=1 -tAc 'select version()' || die "psql could not connect"
    phase "dry run: sending a test mail"
    "$SYS_PYTHON" - "$SINK_PORT" <<'PY' || die "sending a test mail failed"
import smtplib, sys
from email.message import EmailMessage
m = EmailMessage()
m["From"] = "dry-run@registry.test"
m["To"] = "someone@registry.test"
m["Subject"] = "registry dry run"
m.set_content("hello from build/test.sh")
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10) as s:
    s.send_message(m)
PY
    for _ in $(seq 1 50); do
        [[ -n "$(ls -A "$MAILDIR/new")" ]] && break
        sleep 0.1
    done
    count="$(ls -A "$MAILDIR/new" | wc -l)"
    (( count == 1 )) || die "expected 1 message in $MAILDIR/new, found $count"
    echo "mail landed: $(ls "$MAILDIR/new")"
    grep -q '^Subject: registry dry run' "$MAILDIR/new/"* || die "message has the wrong subject"
    phase "dry run: stopping services"
    cleanup
    phase "dry run OK"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# 4. Tests
# ---------------------------------------------------------------------------------------------
# One folder per run: two runs at once (developers, helpers) must not count each other's results.
RESULTS="$ARTIFACTS/test-results/run-$(date +%Y%m%d-%H%M%S)-$$"
rm -rf -- "$RESULTS"
mkdir -p "$RESULTS"

phase "dotnet test Registry.sln -c Release $*"
set +e
dotnet test Registry.sln -c Release --logger "trx" --results-directory "$RESULTS" "$@" </dev/null
TEST_RC=$?
set -e
phase "dotnet test exited $TEST_RC"

phase "stopping services"
cleanup

PARSE_FAILED=""
SUMMARY="$("$SYS_PYTHON" - "$RESULTS" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
keys = ["total", "executed", "passed", "failed", "error", "timeout", "aborted", "notExecuted"]
sums = dict.fromkeys(keys, 0)
files = sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True))
for f in files:
    for el in ET.parse(f).iter():
        if el.tag.rsplit("}", 1)[-1] == "Counters":
            for k in keys:
                sums[k] += int(el.get(k, "0") or 0)
failed = sums["failed"] + sums["error"] + sums["timeout"] + sums["aborted"]
# xUnit's skipped tests show in total but not in executed, with notExecuted left at 0.
skipped = max(sums["notExecuted"], sums["total"] - sums["executed"])
print(len(files), sums["executed"], sums["passed"], failed, skipped)
# The names of failed tests, one short line each, so that the tail of a CI log says which ones failed.
with open(os.path.join(sys.argv[1], "failed-tests.txt"), "w", encoding="utf-8") as out:
    for f in files:
        for el in ET.parse(f).iter():
            if el.tag.rsplit("}", 1)[-1] == "UnitTestResult" and el.get("outcome") not in ("Passed", "NotExecuted"):
                message = next((m.text or "" for m in el.iter() if m.tag.rsplit("}", 1)[-1] == "Message"), "")
                first = " ".join(message.split())[:300]
                out.write(f"FAILED TEST: {el.get('testName')}: {first}\n")
PY
)" || { echo "FAILED: could not read the TRX files in $RESULTS"; SUMMARY="0 0 0 0 0"; PARSE_FAILED=1; }
read -r TRX_FILES EXECUTED PASSED FAILED SKIPPED <<<"$SUMMARY"

RC=0
if [[ -n "${PARSE_FAILED:-}" ]]; then RC=1; fi
if (( TEST_RC != 0 )); then echo "FAILED: dotnet test exited with code $TEST_RC"; RC=1; fi
if (( FAILED > 0 )); then echo "FAILED: $FAILED test(s) failed"; RC=1; fi
if (( TRX_FILES == 0 )); then echo "FAILED: no TRX file was written to $RESULTS (did the build fail?)"; RC=1; fi
if (( EXECUTED == 0 )); then echo "FAILED: no test was executed"; RC=1; fi
phase "done (${TRX_FILES} TRX file(s) in ${RESULTS#"$REPO_ROOT"/})"
if [[ -s "$RESULTS/failed-tests.txt" ]]; then head -n 20 "$RESULTS/failed-tests.txt"; fi

LINE="$PASSED passed, $FAILED failed"
if (( SKIPPED > 0 )); then LINE+=", $SKIPPED skipped"; fi
echo "$LINE"
exit "$RC"
