#!/usr/bin/env bash
# Checks of the served HTTP API with tools nobody here wrote: the OpenAPI linter (Redocly CLI) on the document the
# running app serves, and a fuzz run (scripts/fuzz/fuzz.mjs) whose requests are generated from that document by
# json-schema-faker and whose answers are judged by Prism's validating proxy (@stoplight/prism-cli): no server
# error, no status, content type or body the document does not declare, as every demo role. Starts the built app
# in demo mode on a free port with a fresh data folder, prints each check's output and, last,
# "api checks: N passed, N failed". Exit code 1 when a check fails. Installs its tools (all from npm) into .tools/
# (ignored by git) when they are missing; needs Node.js and npm. FUZZ_REQUESTS and FUZZ_SEED tune the fuzz run.
set -uo pipefail
cd "$(dirname "$0")/.."

tools=$PWD/.tools
redocly_version=2.77.0
prism_version=5.16.0
faker_version=0.5.9
if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -x "$tools/node_modules/.bin/prism" ] || [ ! -d "$tools/node_modules/json-schema-faker" ]; then
  echo "Installing @redocly/cli $redocly_version, @stoplight/prism-cli $prism_version and json-schema-faker $faker_version…"
  npm install --silent --no-audit --no-fund --prefix "$tools" "@redocly/cli@$redocly_version" "@stoplight/prism-cli@$prism_version" \
    "json-schema-faker@$faker_version" >/dev/null || { echo "npm install failed"; echo "api checks: 0 passed, 1 failed"; exit 1; }
fi

data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
base="http://127.0.0.1:$port"
Governance__Demo=true Governance__DataFolder="$data" Governance__Jobs__RunServer=false ASPNETCORE_ENVIRONMENT=Production \
  dotnet run --no-build --no-launch-profile --project src/Web --urls "$base" >"$data/app.log" 2>&1 &
app=$!
proxy_pid=
stop() { kill "$app" $proxy_pid 2>/dev/null; wait "$app" $proxy_pid 2>/dev/null; rm -rf "$data"; }
trap stop EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

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

check "OpenAPI lint (Redocly CLI $redocly_version, redocly.yaml)" \
  "$tools/node_modules/.bin/redocly" lint "$data/openapi.json" --config redocly.yaml --format stylish

# Every demo role signs in as a browser would (the form with its antiforgery token); the fuzz run sends its cookie.
# A stranger (no cookie) is fuzzed too.
sign_in() { # email -> the session cookie
  local jar="$data/$1.jar" token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" "$base/account/login" --data-urlencode "email=$1" --data-urlencode "password=Demo-Governance-2025" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token"
  awk '$6 == "governance" { print "governance=" $7 }' "$jar"
}
{
  printf '{"stranger": ""'
  for email in griffie@maastricht.demo wethouder.pas@maastricht.demo medewerker@maastricht.demo teamleider@maastricht.demo \
               raadslid@maastricht.demo beheerder@maastricht.demo griffie@vaals.demo; do
    cookie=$(sign_in "$email")
    [ -n "$cookie" ] || echo "Sign-in as $email failed: the fuzz run would send a stranger in its place." >&2
    printf ', "%s": "%s"' "$email" "$cookie"
  done
  echo "}"
} >"$data/sessions.json"

if grep -q '": ""' <(sed 's/"stranger": ""//' "$data/sessions.json"); then
  echo "api checks: $passed passed, $((failed + 1)) failed"
  exit 1
fi

proxy_port=$(free_port)
"$tools/node_modules/.bin/prism" proxy "$data/openapi.json" "$base" --port "$proxy_port" --errors false >"$data/prism.log" 2>&1 &
proxy_pid=$!
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$proxy_port/api/obligations" && break
  sleep 1
done
check "API fuzz (json-schema-faker $faker_version requests, Prism $prism_version proxy validation)" \
  env TOOLS="$tools" node scripts/fuzz/fuzz.mjs "$data/openapi.json" "http://127.0.0.1:$proxy_port" "$data/sessions.json" \
  "${FUZZ_REQUESTS:-12}" "${FUZZ_SEED:-20261204}"

echo "api checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
