#!/usr/bin/env bash
# Provision and run a local Neo4j 5.26 Community server without Docker.
#
# The server distribution (org.neo4j.assembly:neo4j-community-standalone) is published on
# Maven Central as a POM without the tar.gz, so we let Maven resolve its runtime
# dependencies into a lib/ folder (cached outside the repo) and start the same main class
# the distribution's bin/neo4j starts, with our own home and conf under .neo4j/.
#
#   scripts/neo4j.sh start    provision if needed, start, wait for Bolt (idempotent)
#   scripts/neo4j.sh stop     stop the server started here
#   scripts/neo4j.sh status   say whether it runs
#   scripts/neo4j.sh admin …  run neo4j-admin with this home (the server must be stopped for imports)
#   scripts/neo4j.sh paths    print home, data folder and Bolt port as key=value lines (for the bulk loader)
set -euo pipefail

NEO4J_VERSION="${NEO4J_VERSION:-5.26.30}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CLUSTERKG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clusterkg}"
DIST="$CACHE/neo4j-community-$NEO4J_VERSION"
HOME_DIR="${CLUSTERKG_NEO4J_HOME:-$ROOT/.neo4j}"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
HEAP="${NEO4J_HEAP:-2g}"
PAGECACHE="${NEO4J_PAGECACHE:-2g}"
PIDFILE="$HOME_DIR/run/neo4j.pid"
# The password file; the test suite's server has its own (scripts/test-neo4j.sh). A relative
# path is relative to the checkout, as in clusterkg/settings.py.
ENVFILE="${CLUSTERKG_ENV_FILE:-.env}"
[[ "$ENVFILE" == /* ]] || ENVFILE="$ROOT/$ENVFILE"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"

say() { printf '\033[1m%s:\033[0m %s\n' "${CLUSTERKG_NEO4J_NAME:-neo4j}" "$*"; }
die() { printf 'neo4j: error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

need_tools() {
  command -v java >/dev/null 2>&1 || die "java not found: install a Java 17 or 21 runtime (e.g. apt-get install openjdk-17-jre-headless)"
  local major
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [[ "$major" == "17" || "$major" == "21" ]] || die "Neo4j 5.26 needs Java 17 or 21, found Java ${major:-unknown} (set JAVA_HOME/PATH)"
}

provision() {
  if [[ -f "$DIST/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: Maven fetches Neo4j from Maven Central (apt-get install maven)"
  say "fetching Neo4j Community $NEO4J_VERSION from Maven Central into $DIST (once, ~120 MB)…"
  rm -rf "$DIST.tmp"; mkdir -p "$DIST.tmp"
  cat > "$DIST.tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>clusterkg.local</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j.assembly</groupId><artifactId>neo4j-community-standalone</artifactId>
      <version>$NEO4J_VERSION</version><type>pom</type>
    </dependency>
  </dependencies>
</project>
POM
  if ! (cd "$DIST.tmp" && mvn -B -ntp dependency:copy-dependencies -DoutputDirectory=lib -DincludeScope=runtime \
        | grep -E 'Copying|BUILD|ERROR' | awk '/Copying/{n++; if (n%25==0) printf "  … %d jars\n", n; next} {print "  " $0}'); then
    die "Maven could not resolve neo4j-community-standalone:$NEO4J_VERSION (see output above)"
  fi
  local jars; jars="$(ls "$DIST.tmp/lib" | wc -l)"
  [[ "$jars" -gt 100 && -f "$DIST.tmp/lib/neo4j-$NEO4J_VERSION.jar" ]] || die "Neo4j download incomplete ($jars jars)"
  touch "$DIST.tmp/.complete"
  rm -rf "$DIST"; mv "$DIST.tmp" "$DIST"
  say "provisioned $jars jars"
}

write_conf() {
  mkdir -p "$HOME_DIR"/{conf,data,logs,run,plugins,import,certificates}
  cat > "$HOME_DIR/conf/neo4j.conf" <<CONF
# Written by scripts/neo4j.sh on each start; edit the script or its environment, not this file.
server.default_listen_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false
server.directories.data=$HOME_DIR/data
server.directories.logs=$HOME_DIR/logs
server.directories.run=$HOME_DIR/run
server.directories.plugins=$HOME_DIR/plugins
server.directories.import=$HOME_DIR/import
server.memory.heap.initial_size=$HEAP
server.memory.heap.max_size=$HEAP
server.memory.pagecache.size=$PAGECACHE
db.transaction.timeout=120s
db.logs.query.enabled=OFF
dbms.usage_report.enabled=false
server.jvm.additional=-XX:+UseG1GC
CONF
}

password() {
  # The password comes from the environment, else from .env, else a new random one saved in .env.
  if [[ -n "${NEO4J_PASSWORD:-}" ]]; then echo "$NEO4J_PASSWORD"; return; fi
  if [[ -f "$ENVFILE" ]] && grep -q '^NEO4J_PASSWORD=' "$ENVFILE"; then
    sed -n 's/^NEO4J_PASSWORD=//p' "$ENVFILE" | tail -1; return
  fi
  local pw; pw="ckg-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf 'NEO4J_PASSWORD=%s\n' "$pw" >> "$ENVFILE"; chmod 600 "$ENVFILE"
  echo "$pw"
}

java_cmd() { echo "java"; }

admin() {
  need_tools; provision; write_conf
  NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" \
    java -cp "$DIST/lib/*" -Dfile.encoding=UTF-8 org.neo4j.server.startup.Neo4jAdminBoot "$@"
}

start() {
  local pid
  if pid="$(running_pid)" && port_open "$BOLT_PORT"; then
    say "already running (pid $pid) on bolt://127.0.0.1:$BOLT_PORT"; return 0
  fi
  if port_open "$BOLT_PORT"; then
    die "port $BOLT_PORT is taken by another process; stop it or set NEO4J_BOLT_PORT"
  fi
  need_tools; provision; write_conf
  local pw; pw="$(password)"
  [[ ${#pw} -ge 8 ]] || die "NEO4J_PASSWORD must have at least 8 characters"
  if [[ ! -d "$HOME_DIR/data/dbms" ]]; then
    say "setting the initial password"
    admin dbms set-initial-password "$pw" >/dev/null
  fi
  say "starting Neo4j $NEO4J_VERSION (heap $HEAP, page cache $PAGECACHE), data in $HOME_DIR/data"
  (
    cd "$HOME_DIR"
    NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" setsid nohup java \
      -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 \
      -cp "$DIST/lib/*" org.neo4j.server.CommunityEntryPoint \
      --home-dir="$HOME_DIR" --config-dir="$HOME_DIR/conf" \
      > "$HOME_DIR/logs/console.log" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
  )
  pid="$(cat "$PIDFILE")"
  local waited=0
  # Ready means the database answers a query, not just that the ports are open.
  until port_open "$BOLT_PORT" && curl -fsS -m 3 -u "neo4j:$pw" -H 'Content-Type: application/json' \
        -d '{"statement":"RETURN 1"}' "http://127.0.0.1:$HTTP_PORT/db/neo4j/query/v2" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$HOME_DIR/logs/console.log" "$HOME_DIR/logs/neo4j.log" 2>/dev/null >&2 || true
      die "Neo4j exited during start (logs above, full logs in $HOME_DIR/logs)"
    fi
    (( waited >= START_TIMEOUT )) && die "Bolt did not answer on 127.0.0.1:$BOLT_PORT within ${START_TIMEOUT}s (logs in $HOME_DIR/logs)"
    (( waited % 10 == 0 )) && say "waiting for Bolt on 127.0.0.1:$BOLT_PORT… ${waited}s"
    sleep 1; waited=$((waited + 1))
  done
  say "ready: bolt://127.0.0.1:$BOLT_PORT, http://127.0.0.1:$HTTP_PORT (pid $pid, ${waited}s)"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then say "not running"; rm -f "$PIDFILE"; return 0; fi
  say "stopping pid $pid"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; say "stopped"; return 0; }; sleep 1; done
  say "still running after 60s, killing"; kill -9 "$pid" 2>/dev/null || true; rm -f "$PIDFILE"
}

status() {
  local pid
  if pid="$(running_pid)" && port_open "$BOLT_PORT"; then say "running (pid $pid) on bolt://127.0.0.1:$BOLT_PORT"; return 0; fi
  say "not running"; return 3
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  admin) shift; admin "$@" ;;
  paths) printf 'home=%s\ndata=%s\nbolt_port=%s\n' "$HOME_DIR" "$HOME_DIR/data" "$BOLT_PORT" ;;
  *) die "usage: $0 start|stop|restart|status|paths|admin …" ;;
esac
