#!/usr/bin/env bash
# Checks of the served HTTP API by tools nobody here wrote: the OpenAPI linter (Redocly CLI, from npm) on the
# document the running app serves. Starts the built app in demo mode on a free port with a fresh data folder,
# runs each check, prints its output and, last, "api checks: N passed, N failed". Exit code 1 when a check fails.
# Installs its tools into .tools/ (ignored by git) when they are missing; needs Node.js and npm.
set -uo pipefail
cd "$(dirname "$0")/.."

tools=.tools
redocly_version=2.77.0
if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  echo "Installing @redocly/cli $redocly_version…"
  npm install --silent --no-audit --no-fund --prefix "$tools" "@redocly/cli@$redocly_version" >/dev/null || { echo "npm install failed"; echo "api checks: 0 passed, 1 failed"; exit 1; }
fi

data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
Governance__Demo=true Governance__DataFolder="$data" Governance__Jobs__RunServer=false ASPNETCORE_ENVIRONMENT=Production \
  dotnet run --no-build --no-launch-profile --project src/Web --urls "$base" >"$data/app.log" 2>&1 &
app=$!
stop() { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$data"; }
trap stop EXIT

for _ in $(seq 1 90); do
  curl -fs "$base/openapi/v1.json" -o "$data/openapi.json" && break
  sleep 1
done
if [ ! -s "$data/openapi.json" ]; then
  echo "The app did not serve /openapi/v1.json:"; tail -n 30 "$data/app.log"
  echo "api checks: 0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
check() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); echo "== $name: passed"; else failed=$((failed + 1)); echo "== $name: FAILED"; fi
}

# NO_UPDATE_NOTIFIER and REDOCLY_TELEMETRY keep the linter from calling out (there is no network here).
check "OpenAPI lint (Redocly CLI $redocly_version, redocly.yaml)" \
  env NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$tools/node_modules/.bin/redocly" lint "$data/openapi.json" --config redocly.yaml --format stylish

echo "api checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
