#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
#
# The single entry point for a fresh Debian 12 machine (see README.md "Quick start").
#
#   scripts/setup.sh run  [ARGS...]  install deps, build Release into build/release, exec the GUI
#   scripts/setup.sh test            install deps (+ test-only ones), build into build/test, run ctest
#   scripts/setup.sh deps [test]     only install the dependencies
#
# Environment: CI=true turns warnings into errors (-DCORSBENCH_WERROR=ON).
# CORSBENCH_SKIP_DEPS=1 skips the apt step (e.g. on a non-Debian machine that has everything).
set -euo pipefail

# --- dependencies: the one list, by Debian package name -----------------------------------
BUILD_DEPS=(
    build-essential cmake ninja-build pkg-config dpkg-dev file
    qt6-base-dev libqscintilla2-qt6-dev libgtest-dev libgmock-dev
    libqt6svg6 fonts-dejavu-core libsimdjson-dev
)
TEST_DEPS=(
    xvfb xauth imagemagick curl
    python3 python3-fastapi python3-uvicorn python3-aiohttp python3-aiohttp-cors
    python3-flask python3-flask-cors python3-django python3-django-cors-headers
    desktop-file-utils appstream
)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '5,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Packages from "$@" that dpkg does not report as fully installed ("ii").
missing_packages() {
    local pkg status
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
        [[ "$status" == ii* ]] || printf '%s\n' "$pkg"
    done
}

install_deps() {
    local -a wanted=("$@") missing=() as_root=()
    if [[ "${CORSBENCH_SKIP_DEPS:-0}" == 1 ]]; then
        log "CORSBENCH_SKIP_DEPS=1: not installing packages"
        return
    fi
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        die "apt-get/dpkg-query not found: this script targets Debian 12 (set CORSBENCH_SKIP_DEPS=1 to skip)"
    fi
    mapfile -t missing < <(missing_packages "${wanted[@]}")
    if ((${#missing[@]} == 0)); then
        log "all ${#wanted[@]} packages already installed"
        return
    fi
    if ((EUID != 0)); then
        command -v sudo >/dev/null || die "not root and sudo is missing; install: ${missing[*]}"
        as_root=(sudo)
    fi
    log "installing ${#missing[@]} missing packages: ${missing[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# configure BUILD_DIR BUILD_TYPE [EXTRA CMAKE ARGS...]
configure() {
    local build_dir="$1" build_type="$2"
    shift 2
    # An old build dir made with another generator cannot be reused by CMake: start it afresh.
    if [[ -f "$build_dir/CMakeCache.txt" ]] \
        && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$build_dir/CMakeCache.txt"; then
        log "removing $build_dir (configured with another generator)"
        rm -rf "$build_dir"
    fi
    log "configuring $build_dir ($build_type)"
    cmake -S . -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE="$build_type" \
        "$@"
}

build() {
    log "building $1"
    cmake --build "$1"
}

cmd_run() {
    install_deps "${BUILD_DEPS[@]}"
    configure build/release Release -DCORSBENCH_BUILD_TESTS=OFF
    build build/release
    local exe="build/release/bin/corsbench"
    [[ -x "$exe" ]] || die "$exe was not built"
    log "starting $exe"
    exec "$exe" "$@"
}

cmd_test() {
    install_deps "${BUILD_DEPS[@]}" "${TEST_DEPS[@]}"
    local werror=OFF
    [[ "${CI:-}" == true ]] && werror=ON
    configure build/test Debug -DCORSBENCH_BUILD_TESTS=ON -DCORSBENCH_WERROR="$werror"
    build build/test
    # Headless and deterministic, whether or not a display is around.
    export QT_QPA_PLATFORM=offscreen
    if [[ -z "${XDG_RUNTIME_DIR:-}" ]]; then
        export XDG_RUNTIME_DIR="$repo_root/build/test/xdg-runtime"
        mkdir -p "$XDG_RUNTIME_DIR"
        chmod 0700 "$XDG_RUNTIME_DIR"
    fi
    log "running tests"
    # ctest's summary must be the last thing printed, and its exit code is ours.
    exec ctest --test-dir build/test --output-on-failure -j2 --timeout 300
}

(($# >= 1)) || usage
command="$1"
shift
case "$command" in
    run) cmd_run "$@" ;;
    test) (($# == 0)) || die "test takes no arguments"; cmd_test ;;
    deps)
        if [[ "${1:-}" == test ]]; then
            install_deps "${BUILD_DEPS[@]}" "${TEST_DEPS[@]}"
        else
            install_deps "${BUILD_DEPS[@]}"
        fi
        ;;
    -h | --help | help) usage ;;
    *) die "unknown command '$command' (expected run, test or deps)" ;;
esac
