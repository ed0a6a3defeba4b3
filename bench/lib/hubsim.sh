#!/usr/bin/env bash
# Helpers shared by the hubsim benchmarks: logging, building and starting hubsim, free ports, peak RSS, medians.
# Usage: set REPO_DIR, JAR, WORK and HUBSIM_JAVA_OPTS, then  source bench/lib/hubsim.sh
# start_hubsim sets HUBSIM_PID and HUBSIM_URL; median reads "METRIC SERVER VALUE" lines from $WORK/results.

log() { echo "[bench] $*" >&2; }

die() { echo "bench: error: $*" >&2; exit 2; }

ensure_jar() {
  [ -f "$JAR" ] && return 0
  log "building $JAR"
  (cd "$REPO_DIR" && mvn -B -q package -Dmaven.test.skip=true -pl simulator -am)
  [ -f "$JAR" ] || die "build did not produce $JAR"
}

# free_port: a loopback port nothing is listening on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
}

# start_hubsim DIR [JVM option...]: sets HUBSIM_PID and HUBSIM_URL.
# Options given here come after HUBSIM_JAVA_OPTS, so they win (e.g. -Xmx).
start_hubsim() {
  local dir=$1 i
  shift
  mkdir -p "$dir/storage"
  : >"$dir/hubsim.log"   # exists before the poll below reads it
  # --auth none: an open registry without pull limits, like the docker-registry baseline.
  # shellcheck disable=SC2086  # HUBSIM_JAVA_OPTS is a word-split option list on purpose
  java $HUBSIM_JAVA_OPTS "$@" -jar "$JAR" serve --auth none --host 127.0.0.1 --port 0 --storage "$dir/storage" \
    >"$dir/hubsim.log" 2>&1 &
  HUBSIM_PID=$!
  for i in $(seq 1 300); do
    HUBSIM_URL=$(sed -n 's|^hubsim listening on \(http://[^ /]*\).*|\1|p' "$dir/hubsim.log")
    [ -z "$HUBSIM_URL" ] || { log "hubsim (pid $HUBSIM_PID) at $HUBSIM_URL"; return 0; }
    kill -0 "$HUBSIM_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$dir/hubsim.log" >&2
  die "hubsim did not start"
}

# peak_rss_mib PID: VmHWM of a live process, in MiB.
peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"
}

mb_per_s() { awk -v b="$1" 'BEGIN { printf "%.1f\n", b / 1e6 }'; }

# median METRIC SERVER: median of the recorded samples.
median() {
  awk -v m="$1" -v s="$2" '$1 == m && $2 == s { print $3 }' "$WORK/results" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
