#!/usr/bin/env bash
# Adds an EF Core migration for both providers (SQLite and PostgreSQL) after a model change.
# Usage: ./build/add-migration.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: $0 <MigrationName>}
dotnet tool restore >/dev/null
cd src/Web
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --context "${provider}RegistryDbContext" \
    --output-dir "Migrations/$provider" --namespace "Registry.Web.Migrations.$provider" $([ "$provider" = PostgreSql ] && echo --no-build)
done
# --namespace makes the tool put the snapshot under a folder named after it; keep it beside its migrations.
for provider in Sqlite PostgreSql; do
  if [ -d "Registry/Web/Migrations/$provider" ]; then mv Registry/Web/Migrations/$provider/*.cs "Migrations/$provider/"; fi
done
rm -rf Registry design.db
