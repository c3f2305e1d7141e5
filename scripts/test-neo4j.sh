#!/usr/bin/env bash
# The test suite's own Neo4j: scripts/neo4j.sh with a home, ports and password file of its own,
# so that `make test` never connects to the server holding the user's data (.neo4j/, Bolt 7687).
#
#   scripts/test-neo4j.sh start|stop|status|paths|admin …   as scripts/neo4j.sh, on the test server
#   scripts/test-neo4j.sh env                              its settings as KEY=value lines (tests/conftest.py
#                                                          applies them before anything reads settings)
#
# CLUSTERKG_TEST_BOLT_PORT / CLUSTERKG_TEST_HTTP_PORT (7688 / 7475) and CLUSTERKG_TEST_NEO4J_HOME
# (.neo4j-test/) move it; NEO4J_HEAP and NEO4J_PAGECACHE apply as to the user's server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { printf 'neo4j (tests): error: %s\n' "$*" >&2; exit 1; }

# What the user's server would be in this environment, to refuse to become it.
user_home="${CLUSTERKG_NEO4J_HOME:-$ROOT/.neo4j}"
user_bolt="${NEO4J_BOLT_PORT:-7687}"
user_http="${NEO4J_HTTP_PORT:-7474}"

export CLUSTERKG_NEO4J_HOME="${CLUSTERKG_TEST_NEO4J_HOME:-$ROOT/.neo4j-test}"
export NEO4J_BOLT_PORT="${CLUSTERKG_TEST_BOLT_PORT:-7688}"
export NEO4J_HTTP_PORT="${CLUSTERKG_TEST_HTTP_PORT:-7475}"
export NEO4J_URI="bolt://127.0.0.1:$NEO4J_BOLT_PORT"
export CLUSTERKG_ENV_FILE="$ROOT/.env.test"
export CLUSTERKG_NEO4J_NAME="neo4j (tests)"
# The test password is generated into .env.test on first start; a NEO4J_PASSWORD meant for the
# user's server must neither set it nor be sent to it.
unset NEO4J_PASSWORD

home="$(realpath -m "$CLUSTERKG_NEO4J_HOME")"
for taken in "$(realpath -m "$ROOT/.neo4j")" "$(realpath -m "$user_home")"; do
  [[ "$home" != "$taken" ]] || die "the test server's home $home is the user's server's; set CLUSTERKG_TEST_NEO4J_HOME elsewhere"
done
for taken in 7687 "$user_bolt"; do
  [[ "$NEO4J_BOLT_PORT" != "$taken" ]] || die "Bolt port $taken belongs to the user's server; set CLUSTERKG_TEST_BOLT_PORT elsewhere"
done
for taken in 7474 "$user_http"; do
  [[ "$NEO4J_HTTP_PORT" != "$taken" ]] || die "HTTP port $taken belongs to the user's server; set CLUSTERKG_TEST_HTTP_PORT elsewhere"
done

case "${1:-start}" in
  env)
    for name in CLUSTERKG_NEO4J_HOME NEO4J_BOLT_PORT NEO4J_HTTP_PORT NEO4J_URI CLUSTERKG_ENV_FILE CLUSTERKG_NEO4J_NAME; do
      printf '%s=%s\n' "$name" "${!name}"
    done ;;
  *) exec bash "$ROOT/scripts/neo4j.sh" "$@" ;;
esac
