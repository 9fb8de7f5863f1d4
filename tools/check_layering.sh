#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
#
# Enforces the dependency rule (docs/architecture.md, STYLE.md §2). Runs as a CTest test.
#   - core/ must stay GUI-free: no QtGui/QtWidgets headers, classes or CMake targets,
#     no includes from ui/.
#   - Only ui/editor/ may include QScintilla (<Qsci/...>).
# Comments are ignored, so "// never QtGui" is fine. Exit 0 = clean, 1 = violations.
#
# Usage: tools/check_layering.sh [REPO_ROOT]      (default: the repo this script is in)
#        tools/check_layering.sh --self-test      (checks that the checker catches leaks)
set -euo pipefail

CORE_PATTERN='QtWidgets|QtGui|QWidget|QColor|QIcon|QAction|"ui/'
CORE_CMAKE_PATTERN='Qt6?::(Gui|Widgets|OpenGL|Svg)|QScintilla::'
QSCI_PATTERN='#[[:space:]]*include[[:space:]]*[<"](Qsci/|qsci)'
SOURCE_GLOBS=(--include='*.h' --include='*.hpp' --include='*.cpp' --include='*.cc' --include='*.cxx' --include='*.ui')

# grep_code PATTERN FILE...: print file:line:text for non-comment matches.
grep_code() {
    local pattern="$1"
    shift
    # Drop //-comments, then whole-line block-comment lines (/* ... , * ...), then match.
    awk -v pat="$pattern" '
        { line = $0; sub(/\/\/.*$/, "", line) }
        line ~ /^[[:space:]]*(\/\*|\*)/ { next }
        line ~ pat { printf "%s:%d: %s\n", FILENAME, FNR, $0 }
    ' "$@"
}

# grep_cmake PATTERN FILE...: like grep_code for CMake ("#" comments).
grep_cmake() {
    local pattern="$1"
    shift
    awk -v pat="$pattern" '
        { line = $0; sub(/#.*$/, "", line) }
        line ~ pat { printf "%s:%d: %s\n", FILENAME, FNR, $0 }
    ' "$@"
}

check() {
    local root="$1" violations="" files=()
    cd "$root"

    if [[ -d core ]]; then
        mapfile -t files < <(grep -rlE "${SOURCE_GLOBS[@]}" "$CORE_PATTERN" core || true)
        if ((${#files[@]})); then
            violations+="$(grep_code "$CORE_PATTERN" "${files[@]}")"$'\n'
        fi
        mapfile -t files < <(find core \( -name CMakeLists.txt -o -name '*.cmake' \) -type f)
        if ((${#files[@]})); then
            violations+="$(grep_cmake "$CORE_CMAKE_PATTERN" "${files[@]}")"$'\n'
        fi
    fi

    mapfile -t files < <(grep -rlE "${SOURCE_GLOBS[@]}" \
        --exclude-dir=.git --exclude-dir=build --exclude-dir='build-*' --exclude-dir=out \
        "$QSCI_PATTERN" . | sed 's|^\./||' | grep -v '^ui/editor/' || true)
    if ((${#files[@]})); then
        violations+="$(grep_code "$QSCI_PATTERN" "${files[@]}")"$'\n'
    fi

    violations="$(printf '%s' "$violations" | sed '/^$/d')"
    if [[ -n "$violations" ]]; then
        echo "Layering violations (see docs/architecture.md):"
        printf '%s\n' "$violations"
        echo "core/ must not use QtGui/QtWidgets or ui/; only ui/editor/ may include Qsci."
        return 1
    fi
    echo "layering OK"
}

self_test() {
    local tmp status=0
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' RETURN
    mkdir -p "$tmp/core/http" "$tmp/ui/editor" "$tmp/ui/models"
    # Clean tree: comments mentioning the forbidden words and Qsci inside ui/editor are fine.
    printf '// never QtGui or QWidget here\n#include <QByteArray>\n' >"$tmp/core/http/a.h"
    printf '# never Qt6::Widgets\ntarget_link_libraries(x PUBLIC Qt6::Core)\n' >"$tmp/core/CMakeLists.txt"
    printf '#include <Qsci/qsciscintilla.h>\n' >"$tmp/ui/editor/e.cpp"
    if ! (check "$tmp") >/dev/null; then echo "self-test: clean tree rejected"; status=1; fi

    local bad
    for bad in '#include <QtGui/QColor>' '#include <QWidget>' 'QIcon icon;' '#include "ui/models/m.h"'; do
        printf '%s\n' "$bad" >"$tmp/core/http/b.cpp"
        if (check "$tmp") >/dev/null; then echo "self-test: missed '$bad' in core/"; status=1; fi
    done
    rm "$tmp/core/http/b.cpp"

    printf 'target_link_libraries(x PRIVATE Qt6::Widgets)\n' >"$tmp/core/CMakeLists.txt"
    if (check "$tmp") >/dev/null; then echo "self-test: missed Qt6::Widgets in core CMake"; status=1; fi
    printf 'target_link_libraries(x PUBLIC Qt6::Core)\n' >"$tmp/core/CMakeLists.txt"

    printf '#include <Qsci/qsciscintilla.h>\n' >"$tmp/ui/models/m.cpp"
    if (check "$tmp") >/dev/null; then echo "self-test: missed Qsci outside ui/editor"; status=1; fi

    ((status == 0)) && echo "self-test OK"
    return "$status"
}

case "${1:-}" in
    --self-test) self_test ;;
    "") check "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" ;;
    *) check "$1" ;;
esac
