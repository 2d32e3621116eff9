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

exec dotnet bench/Registry.Bench/bin/Release/net10.0/Registry.Bench.dll "$@"
