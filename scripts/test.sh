#!/usr/bin/env bash
# Runs every test of Governance. Installs what the tests need and a machine with only the .NET SDK
# lacks: PostgreSQL (started on localhost:5432, user postgres/postgres), Chromium and fonts for the
# browser tests, LibreOffice and poppler for the letter checks (DOCX to PDF, PDF text and fonts), Python's icalendar,
# feedparser, jsonschema and openpyxl to read the public calendar, change feed, open data and spreadsheet back with parsers nobody here wrote, Node.js for
# the API checks (and the OpenID Connect provider the single sign-on journeys run, which their fixture installs into
# .tools/ from npm), and the local dotnet tools. After the tests, scripts/api-checks.sh checks the served API with
# tools nobody here wrote (the OpenAPI linter). Prints "N passed, N failed" over both and fails when one fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for package in postgresql chromium fonts-dejavu-core fonts-dejavu-extra libreoffice-writer-nogui poppler-utils python3-icalendar python3-feedparser python3-jsonschema python3-openpyxl; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  as_root apt-get update -qq && as_root apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "apt-get failed"; exit 1; }
fi

# PostgreSQL for the tests that claim it; there is no systemd here, so start the cluster by hand.
cluster=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -n "$cluster" ]; then
  as_root pg_ctlcluster "$cluster" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
  as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
fi

dotnet tool restore >/dev/null || exit 1

log=$(mktemp)
dotnet test Governance.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # a test host crashed or the build failed: count it, never report green
fi

bash scripts/api-checks.sh 2>&1 | tee "$log"
api_status=${PIPESTATUS[0]}
api=$(grep -Eo 'api checks: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
api_passed=$(echo "$api" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || echo 0)
api_failed=$(echo "$api" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' || echo 1)
if [ "$api_status" -ne 0 ] && [ "${api_failed:-0}" -eq 0 ]; then
  api_failed=1
fi
rm -f "$log"

passed=$((passed + ${api_passed:-0}))
failed=$((failed + ${api_failed:-0}))
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$api_status" -eq 0 ]
