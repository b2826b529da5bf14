#!/usr/bin/env bash
# One command for the benchmarks: bash benchmarks/run.sh
# Publishes the app (Release), then measures on this machine:
#   - start to first page: process start until the sign-in page answers 200, on an empty data folder
#     (migrate + seed the demo) and on an existing demo database;
#   - start to the first signed-in page (sign in, then the home page);
#   - memory at idle (resident set size) after signing in and 30 s without requests.
# Then the reporting workflows at scale (benchmarks/Governance.Benchmarks): opening 10,000 cycles with
# 120,000 tasks beside a raw batched insert of the same rows, the deadline sweep, and six transitions
# for each cycle; a council letter of 12 indicators composed, written as DOCX and as PDF; and the cockpit, the
# obligations list and Mijn taken over 10,000 obligations and a million values; and the value-submission API of the
# published app under load from wrk (apt-get install wrk); the accounts list, the audit log and queuing an invitation
# at 5,000 accounts and a million audit lines; the public register and its open data under a crowd from wrk, the first
# answer after a change and Mijn taken meanwhile; the regional monitor of 6 municipalities × 50 indicators × 20 periods;
# and the reporting workflows again on PostgreSQL (installed and started here when missing).
# Figures go to docs/benchmarks.md
# with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The load generator comes from Debian's packages; install it first, not after the other measures.
if ! command -v wrk >/dev/null; then
  echo "Installing wrk…"
  as_root apt-get update -qq && as_root apt-get install -y -qq wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi
# PostgreSQL for the PostgreSQL section: Debian's server on localhost, as scripts/test.sh sets it up.
if ! command -v pg_ctlcluster >/dev/null; then
  echo "Installing PostgreSQL…"
  as_root apt-get update -qq && as_root apt-get install -y -qq postgresql >/dev/null || { echo "PostgreSQL is needed: apt-get install postgresql" >&2; exit 1; }
fi
if [ -z "${GOVERNANCE_BENCH_POSTGRES:-}" ]; then
  cluster=$(ls /etc/postgresql | sort -V | tail -n 1)
  as_root pg_ctlcluster "$cluster" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
  as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
fi
runs=${RUNS:-5}
port=5099
url="http://127.0.0.1:$port"
publish=artifacts/publish
data=$(mktemp -d)
trap 'rm -rf "$data"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT

rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
dotnet publish src/Web -c Release -r "$rid" --self-contained false -o "$publish" --nologo -v quiet >/dev/null

now_ms() { date +%s%3N; }

start_app() {
  (cd "$publish" && ASPNETCORE_URLS="$url" Governance__Demo=true Governance__DataFolder="$data" \
     exec dotnet Governance.Web.dll >/dev/null 2>&1) &
  pid=$!
}

stop_app() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=; }

wait_for_login() {
  until curl -s -o /dev/null -w '%{http_code}' "$url/account/login" | grep -q 200; do sleep 0.02; done
}

sign_in_and_home() {
  local jar; jar=$(mktemp)
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$url/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$url/account/login" \
    --data-urlencode "email=griffie@maastricht.demo" --data-urlencode "password=Demo-Governance-2025" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token"
  local code; code=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$url/")
  rm -f "$jar"
  [ "$code" = 200 ] || { echo "home page answered $code" >&2; exit 1; }
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
maximum() { sort -n | tail -1; }

cold=(); warm=(); home=()
for i in $(seq 1 "$runs"); do
  rm -rf "${data:?}"/*
  t0=$(now_ms); start_app; wait_for_login; cold+=($(( $(now_ms) - t0 ))); stop_app
  t0=$(now_ms); start_app; wait_for_login; warm+=($(( $(now_ms) - t0 ))); sign_in_and_home; home+=($(( $(now_ms) - t0 ))); stop_app
done

start_app; wait_for_login; sign_in_and_home; sleep 30
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
stop_app

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
cores=$(nproc)
mem=$(free -h | awk '/Mem:/ {print $2}')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
sdk=$(dotnet --version)
section=$(cat <<MD
## Foundation: start-up and idle memory

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk.
The app is published in Release for the machine's runtime (ReadyToRun) and started with \`dotnet Governance.Web.dll\` in demo mode on SQLite; $runs runs each.

| measure | target | median | worst |
|---|---|---|---|
| start to first page (sign-in page), empty data folder: migrate and seed the demo | < 3 s | $(printf '%s\n' "${cold[@]}" | median) ms | $(printf '%s\n' "${cold[@]}" | maximum) ms |
| start to first page, existing demo database | < 3 s | $(printf '%s\n' "${warm[@]}" | median) ms | $(printf '%s\n' "${warm[@]}" | maximum) ms |
| start to first signed-in page (sign in, home page), existing demo database | < 3 s | $(printf '%s\n' "${home[@]}" | median) ms | $(printf '%s\n' "${home[@]}" | maximum) ms |
| memory at idle (resident set) after sign-in and 30 s idle | < 300 MB | $(( rss_kb / 1024 )) MB | |
MD
)

file=docs/benchmarks.md
if [ ! -f "$file" ]; then
  printf '# Benchmarks\n\nEvery figure here comes from `bash benchmarks/run.sh` on the machine named with it.\n\n' > "$file"
fi
# Replace this section, keep the others.
workflows_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- "${OBLIGATIONS:-10000}" "$workflows_table" >/dev/null
workflows=$(cat <<MD
## Reporting workflows at scale

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk: ${OBLIGATIONS:-10000}
quarterly obligations with 12 indicators each on SQLite (Release build, one process).

$(cat "$workflows_table")

- Each measure runs after a warm-up on a small database (JIT and EF query compilation are not measured), with the
  (workstation) garbage collector the web app uses. The reference is measured in the same run on a copy of the same database.
- "open": the usual quarter, obligations already in progress: cycles, journal lines and tasks written in batches of
  about 1,000 cycles (an obligation's periods together) in one transaction each, one prepared statement per table on
  SQLite; the next batch is read and planned on the other core while one is written. The reference writes the same
  rows through Microsoft.Data.Sqlite (a prepared command per table, one transaction). "first opening": the same, and every obligation also
  moves Registered → InProgress through its workflow with a history line (tracked EF updates); no target, shown for honesty.
- "sweep": timers live on the cycle (10,000 rows, read in batches through an index on (due date, id)); the open tasks of
  the due cycles are grouped in the database per cycle, team and assignee with their indicators' names; notifications
  are inserted in bulk; one notification per cycle, stage and person.
- "six transitions": Complete, StartDrafting, SubmitForApproval, Approve, Send, Close for every cycle through the
  Stateless workflow, in batches of 2,000; the guards read the count of outstanding values the tasks keep on their cycle, so the tasks are not loaded; journal written in the same save.
MD
)
rm -f "$workflows_table"

letters_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- letters "$letters_table" >/dev/null
letters=$(cat <<MD
## Council letters: composing, DOCX and PDF

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk: 20 letters
of 12 percentage indicators each, every indicator with four earlier quarters, a baseline and a target (five points
and two reference lines per chart), on SQLite (Release build, one process, after one warm-up letter).

$(cat "$letters_table")

- "compose": \`LetterComposer.ComposeAsync\` as the background job runs it (cycle, values and histories read, the
  default Liquid template rendered, the figures' snapshot and the new letter version saved, the cycle to Drafting),
  then the letter's HTML with its 12 SVG charts and their tables.
- "DOCX": Open XML with styles, header table, text, the 12 charts drawn as PNG with SkiaSharp and their tables.
- "PDF": PDFsharp with DejaVu Sans embedded (subset), the charts drawn as vectors, page numbers.
MD
)
rm -f "$letters_table"

workspaces_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- workspaces "$workspaces_table" "${OBLIGATIONS:-10000}" >/dev/null 2>&1
workspaces=$(cat <<MD
## Workspaces at scale: cockpit, obligations list, Mijn taken

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk:
${OBLIGATIONS:-10000} quarterly obligations of 12 indicators, nine earlier quarters of values each as history and the
current quarter open; the 12 indicators belong to six teams, two each. The real app (Release, in-process test server,
no network in between, so the figures are server time) on its SQLite file; each URL 20 times to warm up, then 200 times.

$(cat "$workspaces_table")

- cockpit: \`GET /api/cockpit\` as the griffie (counts, the ten most urgent of each list with their totals, per alderman
  and committee, open and closed over two years); obligations list: \`GET /api/obligations\` with a status filter and a
  search, and page 40 of the filtered list; Mijn taken: \`GET /api/tasks\` as a staff member whose team has 20,000 open tasks.
MD
)
rm -f "$workspaces_table"

administration_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- administration "$administration_table" >/dev/null 2>&1
administration=$(cat <<MD
## Administration at scale: accounts and audit log

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk:
5,000 accounts (each with a role) and 1,000,000 lines of audit log in one municipality, the real app (Release,
in-process test server, production mode with its first administrator, SQLite file) signed in as the Beheerder; each
URL 20 times to warm up, then 200 times.

$(cat "$administration_table")

- accounts list: \`GET /api/admin/users\` (count, one page sorted by name through an index on municipality and name,
  the page's roles, teams and API keys); audit log: \`GET /api/admin/audit\`, newest first by line number (keyset:
  \`before\` is the last line of the previous page), with an index per municipality, per action and per actor.
- invitation: \`POST /api/admin/users\`: checked, the account, its role and the audit line saved, the e-mail job
  queued in Hangfire's SQLite storage (the e-mail itself is sent by the job server).
MD
)
rm -f "$administration_table"

values_table=$(mktemp)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- values "$values_table" "$publish" 32 20 >/dev/null 2>&1
values=$(cat <<MD
## Value-submission API under load

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk:
the published app (Release, Kestrel on loopback, production settings, SQLite file, no background jobs) and wrk 4.1 in a
second process on the same machine (2 threads, 32 connections, 20 s after 90 s of the same load to warm up), sending what the data
warehouse sends: \`POST /api/cycles/{id}/values\` with an API key and a new idempotency key each time, one value per
request, checked as the form checks (definition, latest earlier figure) and stored with who and when. 2,000 quarterly
obligations of six indicators of their own, the previous quarter's values in place, the current quarter collecting;
requests go round the cycles. Afterwards the values in the database are counted against the answers received.

$(cat "$values_table")

- Writes go through one writer per process (\`CycleValueWriter\`): it takes whatever submissions wait and saves them in
  one transaction; each is checked whole first and answered on its own. On SQLite it reads and writes the rows with
  statements of its own (\`SqliteCycleValueStore\`) into and from the domain's objects, not through EF's change tracker.
- More values stored than answers counted: the requests in flight when wrk stops are stored, but wrk does not count
  their answers. "lost" would be answers of 200 without their value.
MD
)
rm -f "$values_table"

public_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- public "$public_table" "$publish" 32 20 >/dev/null 2>&1
public=$(cat <<MD
## Public register and open data under a crowd

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk:
the published app (Release, Kestrel on loopback, production settings, SQLite file, no background jobs) with 10,000 public
quarterly motions and commitments in four committees, and wrk 4.1 in a second process on the same machine (2 threads,
32 connections, as fast as the answers come), after 15 s and 10 s of the same load to warm up. The crowd reads the
register's first 20 pages and 200 item pages in turn; the harvester the open-data list's first 20 pages of 50.

$(cat "$public_table")

- Anonymous answers of the public side are kept in memory (\`PublicResponseCache\`) until a save changes public data
  (\`PublicDataChanges\`, counted once the save is committed); each carries an ETag, and a client that sends it back gets 304.
- "first register page after a change": the griffie takes an item out of the register (or puts it back) through the
  API, then the register's first page is asked for once: rendered afresh over the 10,000 items. The item page is then
  checked to answer the change.
- "Mijn taken": \`GET /api/tasks\` by a staff member's API key, 400 times one after another while wrk reads the register
  pages at full speed, against 200 times without the crowd.
MD
)
rm -f "$public_table"

regional_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- regional "$regional_table" >/dev/null 2>&1
regional=$(cat <<MD
## Regional monitor: 6 municipalities × 50 indicators × 20 periods

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk:
six municipalities in one cooperation, each sharing the monitor of one motion with 50 indicators (40 counts and 10
shares computed from two of them) and 20 quarters of handed-in figures (4,800 values, 1,200 shares computed), the real
app (Release, in-process test server, production mode, SQLite file) signed in as the lead municipality's Beheerder;
each URL 100 times to warm up (the tiered JIT's second tier), then 200 times.

$(cat "$regional_table")

- as JSON: \`GET /api/regional-monitor/{id}?periods=20\`: the active shares of the current members, their indicators,
  the handed-in figures of the measured ones and of the inputs of the derived ones in one query, the shares computed,
  per indicator the members side by side with trend and what is missing, the regional totals and weighted averages.
- page rendered: \`GET /regio/{id}\`, the page rendered on the server with its chart and tables (the same query).
MD
)
rm -f "$regional_table"

postgres_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- postgres "$postgres_table" "${OBLIGATIONS:-10000}" "${MUNICIPALITIES:-10}" >/dev/null 2>&1
postgres_values_table=$(mktemp)
dotnet run -c Release --project benchmarks/Governance.Benchmarks -- values-postgres "$postgres_values_table" "$publish" 32 20 >/dev/null 2>&1
pg_version=$(psql "${GOVERNANCE_BENCH_POSTGRES:-host=localhost user=postgres password=postgres dbname=postgres}" -Atc "SHOW server_version" 2>/dev/null | cut -d' ' -f1)
postgres=$(cat <<MD
## Reporting workflows on PostgreSQL

Measured $(date -u +%Y-%m-%d) with \`bash benchmarks/run.sh\` on $cpu, $cores cores, $mem RAM, $os, .NET SDK $sdk, with PostgreSQL
${pg_version:-?} on the same machine (Debian's package, default settings): ${OBLIGATIONS:-10000} quarterly obligations with 12 indicators each
(Release build, one process), the same measures as on SQLite above; then one installation of ${MUNICIPALITIES:-10} such
municipalities, each with eight earlier quarters of values, opened at once, and one municipality's workspaces
answered by the real app (in-process test server, production mode) on that database, as on SQLite above.

$(cat "$postgres_table")

- Each of the first three measures runs after a warm-up on a small database; each starts from a copy of the seeded
  database (\`CREATE DATABASE … TEMPLATE\`).
- "open": the same batches as on SQLite, each written with binary COPY a table at a time (\`Persistence/Postgres/PostgresCopy\`:
  cycles, journal lines, tasks; columns, types and converters from the EF model) in one transaction per batch, two
  batches at a time (see the installation below). The reference writes the same rows with hand-written binary COPY in
  one transaction.
- "sweep": as on SQLite, in batches of 5,000 due cycles; the notifications go through a temporary table and in with
  ON CONFLICT DO NOTHING.
- "six transitions": as on SQLite; the journal lines go in with binary COPY after their numbers are taken from the
  identity sequence; the changed cycles go into a temporary table with binary COPY and in with one UPDATE … FROM,
  each only where its version is still the one read (\`Persistence/Postgres/PostgresChangedRows\`).
- The installation: each municipality seeded as one of 10,000 obligations above, its eight earlier quarters written
  with COPY as imported history (12 values each); then VACUUM ANALYZE; the opening of every municipality in one run,
  beside the opening of one municipality's 10,000 above (linear is 10x); then ANALYZE and the requests, each URL 20
  times to warm up, then 200 times, as the griffie and a staff member of the first municipality.
- The app's sessions plan without parallel workers: \`DatabaseSetup.ForPostgres\` sends
  \`-c max_parallel_workers_per_gather=0\` when a connection starts (it survives Npgsql's reset of a pooled connection;
  an installation's own \`Options\` setting for it wins), and the measures above run with the same connection settings.
  The app's queries read thousands of rows, not millions. On one kept installation of 100,000 (\`postgres-workspaces\`
  mode, 6 December, one after the other): with PostgreSQL's default of two workers a gather the cockpit took 150 ms at
  the 95th percentile (median 115 ms) and Mijn taken 152 ms (median 132 ms); without, 78 and 118 ms (medians 62 and
  79 ms). On two cores the workers' start, and their competition with the request's other queries, cost more than
  they saved (one of the cockpit's lists: 76 ms with workers, 29 ms without, alone on the machine).
- The cockpit's counts per alderman and per committee join the obligations with a late step as a set. PostgreSQL ran
  \`id IN (subquery)\` inside the counts' FILTER as a plain subplan whose result it scanned again for each of the
  10,000 obligations (it expects a filter in an aggregate to run once): 80 ms of the cockpit alone on the machine.
  SQLite keeps \`IN\`, which it reads once into an index of its own (the join took it seconds).
- Mijn taken reads its first page from an index: each task carries its obligation's number and its indicator's code
  (copied when the task is made; a revised number reaches the tasks in the revision's transaction), and a partial
  index holds a team's waiting tasks in the list's order (deadline, obligation, indicator), so the page is the first 25
  entries whose cycles are open, not a sort of the team's 20,000 tasks. The open list no longer asks that the cycle is
  not imported history (an imported cycle is closed when it comes in): with that term PostgreSQL expected a ninth of the
  open cycles and planned the sort from the cycles. On the kept installation (7 December) the first page went from
  130 ms at the 95th percentile (median 106 ms) to 17 ms (median 13 ms), most of it now the count beside the page.
  Tried before and not kept: extended statistics on the cycles' status and import flag (320 ms), hash joins
  throughout (76 ms), a covering index on the team's tasks (150 ms), an index on (cycle, status, team) (a fifth less).
- The opening of the installation writes its batches side by side, two at a time on two cores (up to four), each
  planned and written on its own connection in its own transaction; on SQLite, which has one writer, in turn. One
  batch's COPY keeps one server process busy, two thirds of it in the per-row foreign-key checks of the tasks
  (\`perf\` on the server during the opening), and the rest of the machine was idle: on the kept installation
  (\`postgres-reopen\` mode, the quarter deleted and opened again) 54 s in turn, 33 s two at a time, 36 s three at a
  time. Two thirds of a row's cost were its foreign-key checks, and those read the teams, indicators and
  municipalities whole for every row: PostgreSQL plans the check once per connection, and for a table of a few dozen
  rows reading it is the cheaper plan on paper (60 teams and 120 indicators in the installation, 6 and 12 in the
  reference, which is why it grew faster than the rows). \`PostgresCopy\` sets \`enable_seqscan\` off for its
  COPY (for the transaction, put back afterwards), so the checks look the key up in the primary key: 27–30 s instead
  of 34–39 s on the kept installation (three runs each). A larger \`max_wal_size\` (8 GB: no checkpoint during the
  run instead of one every 26 s) and a larger \`shared_buffers\` (2 GB) changed nothing. The installation is
  checkpointed after its seeding, before the clock starts: the 5 GB it wrote were still being flushed during the
  opening, and the reference starts after checkpoints too.

### Value-submission API on two processes

The same load as in "Value-submission API under load" above, on two published app processes (separate data folders,
no background jobs) on one PostgreSQL database, a wrk beside each (2 threads, 16 connections, 20 s after 90 s of the
same load) sending the requests of every other cycle, both at once. Requests per second are the two added up, the
99th percentile the worse of the two.

$(cat "$postgres_values_table")

- Each process's one writer (\`CycleValueWriter\`) reads a batch's rows with the same statements as on SQLite (the
  tasks' indicator codes looked up by key: joined, PostgreSQL's planner read every indicator of the installation for
  each batch) and writes them with one statement per table taking the rows as arrays (\`unnest\`), sent in one round
  trip (\`Persistence/Postgres/PostgresCycleValueStore\`). When submissions queued while a batch was written, the next
  batch waits up to 2 ms for the clients just answered, so that the 16 clients of a process share one batch (about 12
  submissions a batch) instead of alternating between two of about 8: a batch costs the server and the app about the
  same whatever its size. Idle thread-pool threads sleep at once instead of spinning (\`UnfairSemaphoreSpinLimit\` 0).
- The connection is Npgsql's default (TLS to the local server, no automatic preparation). Since b1b98b1 (after the
  figures above) the writer's reads and writes are prepared on the server, each text planned once per connection
  (PostgreSQL plans a prepared statement again when the statistics of its tables change): all but the idempotency
  keys' read, whose table grows from nothing and whose plan made while it was empty (a sequential scan) stayed when
  that read was prepared too. Since e5d1d6d the histories a new figure is compared with are read for the two periods
  before it, every period only for an indicator whose latest earlier figure is not among those (this benchmark's
  installation has one earlier quarter, so it reads the same rows as before; an installation with two years of
  quarters reads an eighth of them). Side by side with the build of the figures above, same machine, same hour,
  alternating (the machine's speed moved too much for single runs): 1,882 → 2,272 and 1,670 → 1,735 requests/s with
  the prepared statements; with the histories as well, against prepared only, 1,448 → 1,554 and 1,615 → 1,928. The
  SQLite value API alongside: 4,065 / 3,565 / 3,446 / 3,714 requests/s before, 3,729 / 3,338 / 3,677 / 3,789 after,
  the same within the machine's noise. Without TLS to the local server (\`SSL Mode=Disable\`, as an installation with
  the database on the same machine may run) the same build gave 1,769 → 2,058 and 1,888 → 1,996, then 1,090 → 1,923
  and 1,913 → 1,805: not clearly more than the noise, so the benchmark keeps the default.
- Where the two cores go (perf during the run): PostgreSQL about 0.8 of a core (planning about a quarter of it,
  executing about as much, the rest the protocol, commits and the kernel), the two app processes the rest. This
  machine's speed moved by a third within the hour on 2026-12-06 (the same shell loop took 0.69 to 1.19 s); compare
  figures measured side by side.
- Where PostgreSQL's time goes per statement (pg_stat_statements with planning tracked, 20 s of the measured load,
  2,318 batches of about 12 submissions, 6 December, with the reads of the variant tried below): the histories' read
  3.4 s (0.6 ms executing and 0.9 ms planning a batch), the tasks' read 2.3 s (0.7 and 0.3 ms), the values' insert
  1.4 s, the cycles' update 0.7 s, the idempotency keys' insert and read 0.5 s each, the cycles' and journals' reads
  0.3 and 0.2 s; planning is about 40 % of the statements' time. In the measured window the two app processes used about 0.8 of a core together and
  PostgreSQL about 0.8, with wrk the machine is full: 3,000 requests/s needs about a third less CPU per request.
- Tried on 6 December and not kept (commit 9956555 reverts it, with the figures): one command for a batch's reads (the
  histories found from the tasks in SQL) and the writes as one batch without an explicit transaction, two round trips
  a batch instead of five. Side by side on PostgreSQL about 2,000 requests/s either way (the server's time is the
  statements, not the round trips); the SQLite value API lost about 15 %. Prepared statements again, explicitly for
  the writer only: the idempotency keys' read went to a generic plan chosen while the table was empty (a sequential
  scan, 6.8 ms a batch by the end of the run), as before; what would need to change first is that read (or its plan),
  and b1b98b1 leaves that one read unprepared.
- The statements after b1b98b1 and e5d1d6d (pg_stat_statements, two windows of 20 s, 40–60 s and 60–80 s after the
  start, 2,011 and 2,609 batches): per batch 0.57 ms executing the tasks' read, 0.31 the values' insert, 0.22 the
  histories' read, 0.18 the idempotency keys' insert, 0.15 the cycles' update, 0.12 the idempotency keys' read, 0.08
  and 0.05 the cycles' and journals' reads; the prepared ones kept a generic plan (no planning in the second window,
  and their times did not climb), except the histories' read, which PostgreSQL plans for each batch (0.49 ms: its
  generic plan estimates worse than a custom one). About 2.3 ms of the server's statement time a batch against
  about 4.3 ms before, yet about the same requests per second: the statements are no longer what limits it.
  Npgsql's reset of a connection handed back to its pool (three statements) ran once a batch (until 8ec255f).
- Where the app's time goes (perf with the JIT's symbols, 15 s of the measured load, after b1b98b1): no one method
  stands out. Per process about a third of its time is the HTTP pipeline (Kestrel, routing, the middleware, sign-in
  from the remembered API key, validation, JSON), a third the writer (mostly Npgsql reading the rows of its reads),
  a third the thread pool, sockets and kernel; the JIT's background compiler still took 4–15 % of the machine 60 s
  after start. The API-key sign-in no longer builds a database context and a user manager for a remembered key
  (b1b98b1).
- What a submission costs is mostly what its batch costs: on 7 December, the same build with 8, 16 and 32 connections a
  process (batches of about 6, 12 and 22 submissions) gave 1,204, 2,311 and 3,022 requests/s, PostgreSQL using about
  0.7, 0.6 and 0.6 of a core: some 3 ms of the server's time a batch and about as much of the app's, whatever its size.
- Since 8ec255f the writer keeps one connection of its own on PostgreSQL (\`PostgresWriterConnection\`), open from one
  batch to the next, instead of one from the pool for each batch. The pool's connections came round in turn (a burst
  of requests had opened some 30 of them), each batch on a server process whose caches were cold, and each hand-back
  cost Npgsql's reset; the connection also plans its prepared statements generically (\`plan_cache_mode\`), so that the
  histories' read is no longer planned for every batch. Side by side on 7 December, alternating, 90 s warm-up: 2,206 and
  2,121 requests/s from the pool, 2,886 and 3,048 on the writer's own connection (99th percentile 37.7 / 37.1 against
  36.9 / 28.2 ms). With a pool of 4 instead of 30 (30 s warm-up) the 99th percentile was already 28–32 ms instead of 60–90 ms.
- Since 65223c9 the batch's writes are one round trip without BEGIN and COMMIT: the statements sent before
  the protocol's Sync are one transaction, and the first of them fails (so none stays) when a cycle no longer has the
  version read. Alternating with the build before: 3,058 and 2,910 against 2,738 and 2,996 requests/s.
- Warm-up 90 s (before 7 December 30 s, for this measure and the SQLite one): after 30 s on two processes the tiered
  JIT was still compiling (its background thread up to 5 % of the machine in the measured window, methods still in
  the instrumented tier); the same build gave 2,618 requests/s after 30 s and 3,027 after 90 s. A server runs for days.
MD
)
rm -f "$postgres_values_table"
rm -f "$postgres_table"

python3 - "$file" "$section" "$workflows" "$letters" "$workspaces" "$administration" "$values" "$public" "$regional" "$postgres" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
for section in sys.argv[2:]:
    title = section.strip().splitlines()[0]
    pattern = re.compile(re.escape(title) + r"\n.*?(?=\n## |\Z)", re.S)
    text = pattern.sub(lambda _: section.strip() + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section.strip() + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
echo "$section"
echo "$workflows"
echo "$letters"
echo "$workspaces"
echo "$values"
echo "$public"
echo "$regional"
echo "$postgres"
