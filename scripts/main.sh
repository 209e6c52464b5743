#!/usr/bin/env bash
# The main job: build, lint the thirteen bundled examples (they must be clean), then lint a deliberately
# flawed sample to show what a reviewer-grade finding looks like (findings expected: exit code 1).
set -uo pipefail
cd "$(dirname "$0")/.."
npm run --silent build || exit 2
echo "== mlsd lint examples/ (expected: clean)"
node bin/mlsd.js lint examples || { echo "examples are expected to be clean" >&2; exit 1; }
echo "== mlsd lint test/fixtures/flawed/ (expected: findings)"
node bin/mlsd.js lint test/fixtures/flawed
code=$?
if [ "$code" -ne 1 ]; then echo "the flawed sample should fail the lint (exit 1), got $code" >&2; exit 1; fi
echo "== ok: examples clean, flawed sample flagged"
