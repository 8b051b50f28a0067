#!/usr/bin/env bash
# Smoke test of `./langso start` as a user runs it. It starts the platform on spare loopback ports with its own
# private database and checks that the backend serves the communes and the ui serves the map page. Then it stops
# the launcher with SIGTERM, as Ctrl-C would, and checks that every port is closed again. Bounded to a few minutes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
backend_port=${SMOKE_BACKEND_PORT:-18580}
ui_port=${SMOKE_UI_PORT:-18581}
pg_port=${SMOKE_PG_PORT:-54359}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail() {
  echo "smoke test of ./langso start failed: $*" >&2
  echo "--- launcher output ---" >&2
  tail -40 "$log" >&2
  exit 1
}

cd "$root"
BACKEND_PORT=$backend_port UI_PORT=$ui_port LANGSO_PG_PORT=$pg_port ./langso start >"$log" 2>&1 &
launcher=$!

for _ in $(seq 1 240); do
  grep -q "Làng Số is running" "$log" && break
  kill -0 "$launcher" 2>/dev/null || fail "the launcher exited before the platform was running"
  sleep 1
done
grep -q "Làng Số is running" "$log" || { kill -TERM "$launcher"; fail "not running after 240 s"; }

layers=$(curl -fsS "http://127.0.0.1:$backend_port/api/v1/layers") || fail "backend did not answer /api/v1/layers"
case "$layers" in *'"name":"clinics"'*) ;; *) fail "backend layers lack clinics: $layers" ;; esac

if [ -d "${LANGSO_SHARED_DATA:-$root/../shared/data}/geo/post2025" ]; then
  communes=$(curl -fsS "http://127.0.0.1:$backend_port/api/v1/communes?limit=1") || fail "backend did not answer /api/v1/communes"
  case "$communes" in *'"numberMatched":102'*) ;; *) fail "expected the 102 communes of 2025, got: ${communes:0:300}" ;; esac
fi

page=$(curl -fsS "http://127.0.0.1:$ui_port/") || fail "ui did not answer /"
case "$page" in *"<html"*) ;; *) fail "ui did not serve an HTML page" ;; esac

kill -TERM "$launcher"
for _ in $(seq 1 60); do
  kill -0 "$launcher" 2>/dev/null || break
  sleep 1
done
kill -0 "$launcher" 2>/dev/null && fail "the launcher did not stop within 60 s of SIGTERM"
wait "$launcher" || fail "the launcher exited with status $? after SIGTERM"

for port in "$backend_port" "$ui_port" "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is still open after the launcher stopped"
  fi
done
echo "Smoke test of ./langso start passed: backend, ui and database started, answered and stopped"
