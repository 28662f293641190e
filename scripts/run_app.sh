#!/usr/bin/env bash
# One command to run the app: set up .venv, build the index if missing, start Streamlit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "[app] checking the index (builds it on first run)"
.venv/bin/python -m ingest
exec .venv/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false --client.toolbarMode viewer \
  --server.address "${HOST:-127.0.0.1}" --server.port "${PORT:-8501}" "$@"
