#!/usr/bin/env bash
# Adds a migration to both providers' migration sets: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <Name>}
cd "$(dirname "$0")/../src/Domain"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --context SqliteGovernanceDbContext \
  --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresGovernanceDbContext \
  --output-dir Persistence/Migrations/Postgres
