#!/usr/bin/env bash
# Start-up time: process start to the first HTTP answer on /v2/, hubsim vs. WireMock standalone 3.13.2, all on free
# 127.0.0.1 ports, alternated for ROUNDS rounds (default 5); prints a table of medians. hubsim is started three ways:
#   ./hubsim serve                                  the README's command: the launcher runs the jar with the
#                                                   class-data-sharing archive it records once per build (warm-up)
#   java -XX:SharedArchiveFile=... -jar hubsim.jar  the simulator's jar with its archive (and JIT thresholds x4), as the
#                                                   container image runs it
#   java -jar hubsim.jar serve                      the simulator's jar without an archive
# Target: ./hubsim serve needs at most half of WireMock's time. Then the extension's simulator start inside a JVM
# (SimulatorStartupProbe from the junit-extension tests: the first start of a run, and the median of five more),
# target under 300 ms.
#
# Usage: bench/startup.sh            ROUNDS=5 HUBSIM_JAVA_OPTS="" WIREMOCK_JAVA_OPTS=""
# Needs java, curl, python3 (free ports) and mvn (copies WireMock from Maven Central once, into bench/target/).
# Exit status: 0 PASS, 1 FAIL, 2 the benchmark itself broke.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR=$REPO_DIR/simulator/target/hubsim.jar
ARCHIVE=$BENCH_DIR/target/hubsim-simulator.jsa
WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR=$BENCH_DIR/target/wiremock-standalone-$WIREMOCK_VERSION.jar
ROUNDS=${ROUNDS:-5}
HUBSIM_JAVA_OPTS=${HUBSIM_JAVA_OPTS:-}
WIREMOCK_JAVA_OPTS=${WIREMOCK_JAVA_OPTS:-}
PID=""

die() { echo "startup: error: $*" >&2; exit 2; }
log() { echo "[startup] $*" >&2; }
cleanup() { [ -z "$PID" ] || { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; }; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# measure NAME COMMAND...: starts the command (which must listen on $PORT), polls /v2/ until any HTTP status comes
# back, prints the milliseconds from start to that answer, and stops the process.
measure() {
  local name=$1; shift
  local started code i
  started=$(now_ms)
  "$@" >/dev/null 2>&1 &
  PID=$!
  for i in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/v2/" || true)
    if [ "$code" != "000" ]; then
      echo $(( $(now_ms) - started ))
      kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || die "$name exited before answering"
    sleep 0.005
  done
  die "$name did not answer /v2/ within 15 s"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$REPO_DIR" && mvn -B -q -pl simulator -am package -DskipTests) || die "cannot build $JAR"
fi
log "recording the class-data-sharing archives (./hubsim does it once per build)"
"$REPO_DIR/hubsim" --version >/dev/null || die "./hubsim does not run"
mkdir -p "$BENCH_DIR/target"
java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$JAR" warm-up >/dev/null 2>&1 \
  || die "the warm-up run for $ARCHIVE failed"
if [ ! -f "$WIREMOCK_JAR" ]; then
  log "copying WireMock standalone $WIREMOCK_VERSION from Maven Central"
  mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION \
    -DoutputDirectory="$BENCH_DIR/target" >&2 || die "cannot fetch WireMock"
fi

launcher=(); archived=(); hubsim=(); wiremock=()
for round in $(seq 1 "$ROUNDS"); do
  PORT=$(free_port)
  launcher+=("$(HUBSIM_JAVA_OPTS=$HUBSIM_JAVA_OPTS measure launcher "$REPO_DIR/hubsim" serve --port "$PORT")")
  PORT=$(free_port)
  # shellcheck disable=SC2086
  archived+=("$(measure archived java -XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off -XX:CompileThresholdScaling=4 \
    $HUBSIM_JAVA_OPTS -jar "$JAR" \
    serve --port "$PORT")")
  PORT=$(free_port)
  # shellcheck disable=SC2086
  hubsim+=("$(measure hubsim java $HUBSIM_JAVA_OPTS -jar "$JAR" serve --port "$PORT")")
  PORT=$(free_port)
  # shellcheck disable=SC2086
  wiremock+=("$(measure wiremock java $WIREMOCK_JAVA_OPTS -jar "$WIREMOCK_JAR" --port "$PORT" \
    --bind-address 127.0.0.1 --disable-banner)")
  log "round $round: ./hubsim ${launcher[-1]} ms, jar+archive ${archived[-1]} ms, jar ${hubsim[-1]} ms," \
    "wiremock ${wiremock[-1]} ms"
done

l=$(printf '%s\n' "${launcher[@]}" | median)
a=$(printf '%s\n' "${archived[@]}" | median)
h=$(printf '%s\n' "${hubsim[@]}" | median)
w=$(printf '%s\n' "${wiremock[@]}" | median)
ratio() { awk -v h="$1" -v w="$w" 'BEGIN { printf "%.2f", h / w }'; }
verdict=$([ $((l * 2)) -le "$w" ] && echo PASS || echo FAIL)
echo "| server | runs (ms) | median (ms) | / WireMock |"
echo "|---|---|---|---|"
echo "| ./hubsim serve (target <= 0.50 of WireMock) | ${launcher[*]} | $l | $(ratio "$l") $verdict |"
echo "| java -XX:SharedArchiveFile=... -XX:CompileThresholdScaling=4 -jar hubsim.jar serve (the image) | ${archived[*]} | $a | $(ratio "$a") |"
echo "| java -jar hubsim.jar serve (no archive) | ${hubsim[*]} | $h | $(ratio "$h") |"
echo "| WireMock standalone $WIREMOCK_VERSION (java -jar) | ${wiremock[*]} | $w | 1.00 |"

log "measuring the extension's simulator start in a test JVM"
classpath_file=$BENCH_DIR/target/junit-classpath.txt
(cd "$REPO_DIR" && mvn -B -q -pl junit-extension -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >&2) || die "cannot compile the junit-extension tests"
probe=$(java -cp "$REPO_DIR/junit-extension/target/test-classes:$REPO_DIR/junit-extension/target/classes:$(cat "$classpath_file")" \
  dev.hubsim.junit.SimulatorStartupProbe) || die "SimulatorStartupProbe failed"
first=$(sed -n 's/.*first-ms=\([0-9]*\).*/\1/p' <<<"$probe")
next=$(sed -n 's/.*next-ms=\([0-9]*\).*/\1/p' <<<"$probe")
in_jvm=$([ "$next" -lt 300 ] && echo PASS || echo FAIL)
echo
echo "| simulator start in a test JVM | ms |"
echo "|---|---|"
echo "| first class of a run (loads Jetty, Javalin, Jackson) | $first |"
echo "| each further class (median of 5, target < 300) | $next $in_jvm |"
[ "$verdict" = PASS ] && [ "$in_jvm" = PASS ]
