#!/usr/bin/env bash
# Create .venv/ in the project root and install the pinned requirements (skipped when already done).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "[setup] creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
stamp=".venv/.requirements.sha256"
want="$(sha256sum requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "[setup] installing requirements (torch first, pinned: an unpinned torch pulls a CUDA build)"
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet "$(grep -E '^torch==' requirements.txt)"
  .venv/bin/pip install --quiet -r requirements.txt
  echo "$want" > "$stamp"
fi
