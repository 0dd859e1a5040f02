#!/usr/bin/env bash
# Shared set-up for ./run-demo and ./run-tests: a local virtual environment with rca installed, and the
# system programs rca uses (Graphviz's dot; for the tests also poppler's pdftotext and Chromium).
# Safe to run again: it only installs what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

want_system=("$@")   # Debian packages wanted, e.g. graphviz poppler-utils

missing=()
for pkg in "${want_system[@]}"; do
    case "$pkg" in
        graphviz) command -v dot >/dev/null 2>&1 || missing+=(graphviz) ;;
        poppler-utils) command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) ;;
        chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
        fonts-dejavu-core) [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core) ;;
        *) dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg") ;;
    esac
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${missing[*]} (Debian packages)…"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: missing ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
        echo "setup: (rca still runs without them; diagrams then export as DOT / Mermaid only)" >&2
    fi
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "setup: rca needs Python 3.11 or newer; $("$PYTHON" --version) found. Set PYTHON=/path/to/python3.11" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv…"
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.rca-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "setup: installing rca and its dependencies into .venv…"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".[test]"
    touch "$stamp"
fi
