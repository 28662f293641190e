#!/usr/bin/env bash
# One command to serve the HTTP API: set up .venv, build the index if missing, start uvicorn.
# HOST (127.0.0.1), PORT (8000), WORKERS (2), SKIP_INGEST (0); docs/deploy.md: keys, limits, scale-out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ "${SKIP_INGEST:-0}" != 1 ]; then  # SKIP_INGEST=1: a replica on a read-only, already built data folder
  echo "[api] checking the index (builds it on first run)"
  .venv/bin/python -m ingest
fi
access_log="--no-access-log"  # request lines carry what people typed: logged only with GAZETTE_API_LOG=1
case "${GAZETTE_API_LOG:-0}" in 1|true|yes|on) access_log="--access-log" ;; esac
echo "[api] serving on http://${HOST:-127.0.0.1}:${PORT:-8000} (OpenAPI: /docs), ${WORKERS:-2} workers"
exec .venv/bin/uvicorn api.app:app --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" \
  --workers "${WORKERS:-2}" "$access_log" --timeout-graceful-shutdown 10 "$@"
