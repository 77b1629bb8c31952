#!/usr/bin/env bash
# The tests of a fresh clone at $1/repo, with TMPDIR=$1/tmp; called by .ci/run.
# $2 = private-tmp when /tmp and /var/tmp are this run's own, empty at the start.
set -euo pipefail
work="$1"
cd "$work/repo"
echo "== fresh clone in $PWD, TMPDIR=$work/tmp =="
export TZ=UTC TMPDIR="$work/tmp"

# `npm install` rather than `npm ci`: see README ("Две команды"); it installs exactly the locked versions.
# Each phase says how long it took, so a slower CI run shows where the time went.
phase() { local start=$SECONDS; "$@"; echo "== $* took $((SECONDS - start)) s =="; }
phase npm install --no-audit --no-fund
phase npm test

echo "== integration tests on PostgreSQL (127.0.0.1:5432/test) =="
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
phase npm run test:int

echo "== nothing written outside the tests' own folders =="
bash .ci/check-own-folders.sh writes "$2" "$PWD"
