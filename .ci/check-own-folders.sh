#!/usr/bin/env bash
# Tests own their world: they read and write only under their own temporary folders (Playwright's
# testInfo.outputPath(), mkdtemp under TMPDIR) and the ignored build output of their checkout.
#   check-own-folders.sh paths                 fails when test code names a fixed folder of this machine
#   check-own-folders.sh writes TMP_MODE CLONE fails when the clone holds files that are neither tracked nor
#                                              build output, or (TMP_MODE private-tmp: /tmp and /var/tmp
#                                              were empty and the run's own) when anything is in them
set -euo pipefail

case "${1:-}" in
paths)
  cd "$(dirname "$0")/.."
  # A test that reads or writes a fixed folder passes only on the machine where that folder exists.
  if git grep -nE "['\"\`](/tmp|/var/tmp|/root|/home)(/|['\"\`])" -- \
    '*.test.ts' '*.test.tsx' 'e2e/**' 'apps/*/test/**' 'bench/**' ':!*.md'; then
    echo "test code names a fixed folder of this machine (above): use testInfo.outputPath() or mkdtemp(os.tmpdir())" >&2
    exit 1
  fi
  ;;
writes)
  mode="$2" clone="$3"
  found=0
  if [ "$mode" = private-tmp ]; then
    outside=$(find /tmp /var/tmp -mindepth 1 2>/dev/null | sort || true)
    if [ -n "$outside" ]; then
      echo "written to /tmp or /var/tmp instead of TMPDIR:" >&2
      echo "$outside" | head -50 >&2
      found=1
    fi
  fi
  stray=$(git -C "$clone" status --porcelain --ignored |
    grep -vE '^!! (.*/)?node_modules/$|^!! apps/web/dist/$|^!! e2e/(test-results|report)/$|^!! .*\.tsbuildinfo$' || true)
  if [ -n "$stray" ]; then
    echo "the tests changed or left files in the checkout (only node_modules, dist and e2e/test-results may appear):" >&2
    echo "$stray" | head -50 >&2
    found=1
  fi
  exit "$found"
  ;;
*)
  echo "usage: $0 paths | writes private-tmp|shared-tmp CLONE" >&2
  exit 2
  ;;
esac
