#!/usr/bin/env bash
# hubsim vs. docker-registry (CNCF distribution 2.8.x) benchmark.
#
# What it measures, with both servers running side by side on free loopback ports
# (127.0.0.1 only), interleaved for ROUNDS rounds (hubsim first in odd rounds, the
# registry first in even ones), reporting the median per server:
#   - manifest GET by tag: requests/s from wrk (-t2 -c32) after a 3 s warm-up;
#   - blob monolithic push (POST uploads/ + PUT ?digest=) of 256 MiB and 1 GiB
#     random files, MB/s from curl (1 MB = 10^6 bytes);
#   - blob pull of the same blobs, MB/s from curl;
#   - peak RSS (VmHWM) of each server process over the whole run.
# It prints a markdown table with ratios (hubsim / registry) against the targets
# push >= 3x, pull >= 1x, manifest GET >= 10x.
#
# "big" mode starts only hubsim with -Xmx256m, pushes and pulls a 2 GiB blob,
# verifies the pulled sha256, and checks that hubsim did not run out of memory.
#
# Usage:
#   bench/run.sh            # comparison (ROUNDS=5 DURATION=10 by default)
#   bench/run.sh big        # 2 GiB blob through hubsim with -Xmx256m
# Before the measured rounds come WARMUP_ROUNDS rounds that are not recorded, and before those each
# server gets GETs until its rate is steady (see warm_up_gets): a JVM reaches its steady speed only
# after its JIT has compiled the hot paths; the registry, compiled ahead of time, is steady at once.
# Environment:
#   ROUNDS=5  DURATION=10 (wrk seconds)  WARMUP=3 (wrk warm-up seconds per round)  JIT_WARMUP=60 (at most)
#   WARMUP_ROUNDS=2       rounds run first and not recorded
#   PRIME_MEMORY=1        read the file and write and delete its size in /dev/shm before each push (see prepare_push)
#   STEAL_RETRIES=2       times a transfer is measured again when the hypervisor took >5% of the CPU during it
#   HUBSIM_JAVA_OPTS=""   extra JVM options for hubsim (e.g. "-Xmx512m -XX:+UseParallelGC")
#   TRANSFER_TIMEOUT=600  seconds before one curl transfer is abandoned (a hung server is a failure)
#   REGISTRY_BIN=/usr/bin/docker-registry
#   STORAGE_TMPFS=1       keep both servers' storage in /dev/shm: measures the servers, not this machine's disk
# Exit status: 0 all targets PASS, 1 some target FAIL, 2 the benchmark itself broke.
# Needs: java, curl, wrk, docker-registry; builds the hubsim jar with mvn if missing.
# Note: curl uploads are sent without "Expect: 100-continue" (as Docker's Go client does).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR=$REPO_DIR/simulator/target/hubsim.jar
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
JIT_WARMUP=${JIT_WARMUP:-60}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-2}
PRIME_MEMORY=${PRIME_MEMORY:-1}
STEAL_RETRIES=${STEAL_RETRIES:-2}
HUBSIM_JAVA_OPTS=${HUBSIM_JAVA_OPTS:-}
TRANSFER_TIMEOUT=${TRANSFER_TIMEOUT:-600}
MANIFEST_TYPE=application/vnd.oci.image.manifest.v1+json
SERVERS=(hubsim registry)

# shellcheck source=lib/registry.sh
source "$BENCH_DIR/lib/registry.sh"
# shellcheck source=lib/hubsim.sh
source "$BENCH_DIR/lib/hubsim.sh"

WORK=""
SERVERS_DIR=""
HUBSIM_PID=""
HUBSIM_URL=""
REGISTRY_PID=""
REGISTRY_URL=""

cleanup() {
  stop_pid "$HUBSIM_PID" || true
  stop_pid "$REGISTRY_PID" || true
  [ -z "$WORK" ] || rm -rf "$WORK"
  [ -z "$SERVERS_DIR" ] || rm -rf "$SERVERS_DIR"
}

# ---------------------------------------------------------------- setup

# start_registry DIR: sets REGISTRY_PID and REGISTRY_URL (retries if a port was taken meanwhile).
start_registry() {
  local dir=$1 port attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    if REGISTRY_PID=$(start_docker_registry "$port" "$dir"); then
      REGISTRY_URL=http://127.0.0.1:$port
      log "docker-registry (pid $REGISTRY_PID) at $REGISTRY_URL"
      return 0
    fi
  done
  die "docker-registry did not start"
}

# random_file PATH BYTES: writes BYTES random bytes, echoes "sha256:<hex>".
random_file() {
  local path=$1 bytes=$2 hex
  head -c "$bytes" /dev/urandom >"$path"
  hex=$(sha256sum "$path" | cut -d' ' -f1)
  echo "sha256:$hex"
}

# ---------------------------------------------------------------- registry API (curl)

# blob_push BASE REPO FILE DIGEST: monolithic upload; echoes "HTTP_STATUS BYTES_PER_SECOND".
blob_push() {
  local base=$1 repo=$2 file=$3 digest=$4 status location sep
  status=$(curl -sS -o /dev/null -D "$WORK/post.headers" -w '%{http_code}' -X POST \
    "$base/v2/$repo/blobs/uploads/")
  [ "$status" = 202 ] || die "POST $base/v2/$repo/blobs/uploads/ answered $status"
  location=$(tr -d '\r' <"$WORK/post.headers" | awk 'tolower($1) == "location:" { print $2 }')
  [ -n "$location" ] || die "POST $base/v2/$repo/blobs/uploads/ gave no Location"
  case $location in /*) location=$base$location ;; esac
  case $location in *\?*) sep='&' ;; *) sep='?' ;; esac
  curl -sS --max-time "$TRANSFER_TIMEOUT" -o /dev/null -w '%{http_code} %{speed_upload}' -H 'Expect:' \
    -H 'Content-Type: application/octet-stream' -T "$file" -X PUT "$location${sep}digest=$digest"
}

# blob_pull BASE REPO DIGEST [OUT]: echoes "HTTP_STATUS BYTES BYTES_PER_SECOND".
blob_pull() {
  local base=$1 repo=$2 digest=$3 out=${4:-/dev/null}
  curl -sS --max-time "$TRANSFER_TIMEOUT" -o "$out" -w '%{http_code} %{size_download} %{speed_download}' \
    "$base/v2/$repo/blobs/$digest"
}

# prepare_push FILE: readies the machine for pushing FILE, the same way for both servers. These machines are virtual
# and manage memory in ways that would otherwise decide the result (PRIME_MEMORY=0 skips this):
# - DAMON drops page cache not read for about a minute, so the file is read once, or curl would push from the disk;
# - freed memory goes back to the host (virtio-balloon free page reporting), and the first write into it costs the
#   host's page faults: 2.5-3 s per GB here, five times a write into memory used a moment ago. So as many zero bytes
#   as the file holds are written into /dev/shm and deleted: the push then reuses pages the kernel has just freed.
prepare_push() {
  [ "$PRIME_MEMORY" = 1 ] || return 0
  local scratch=/dev/shm/hubsim-bench-prime.$$
  cat "$1" >/dev/null
  dd if=/dev/zero of="$scratch" bs=1M count=$(( ($(stat -c %s "$1") + 1048575) / 1048576 )) status=none
  rm -f "$scratch"
}

# push_blob_checked BASE REPO FILE DIGEST: blob_push that must answer 201; echoes bytes/s.
push_blob_checked() {
  local result
  prepare_push "$3"
  result=$(blob_push "$@")
  [ "${result%% *}" = 201 ] || die "blob push to $1 answered ${result%% *}, expected 201"
  echo "${result#* }"
}

# pull_blob_checked BASE REPO DIGEST SIZE [OUT]: blob_pull that must answer 200 with SIZE bytes; echoes bytes/s.
pull_blob_checked() {
  local base=$1 repo=$2 digest=$3 size=$4 out=${5:-/dev/null} status bytes speed
  read -r status bytes speed < <(blob_pull "$base" "$repo" "$digest" "$out")
  [ "$status" = 200 ] || die "blob pull from $base answered $status, expected 200"
  [ "$bytes" = "$size" ] || die "blob pull from $base gave $bytes bytes, expected $size"
  echo "$speed"
}

# push_small_image BASE: config + one layer + OCI manifest tagged 1 in repo bench/app.
push_small_image() {
  local base=$1 status
  push_blob_checked "$base" bench/app "$WORK/config.json" "$CONFIG_DIGEST" >/dev/null
  push_blob_checked "$base" bench/app "$WORK/layer.bin" "$LAYER_DIGEST" >/dev/null
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "Content-Type: $MANIFEST_TYPE" \
    --data-binary "@$WORK/manifest.json" "$base/v2/bench/app/manifests/1")
  [ "$status" = 201 ] || die "manifest PUT to $base answered $status, expected 201"
}

# make_small_image: writes config.json, layer.bin and manifest.json into WORK once.
make_small_image() {
  LAYER_DIGEST=$(random_file "$WORK/layer.bin" 4096)
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["%s"]}}' \
    "$LAYER_DIGEST" >"$WORK/config.json"
  CONFIG_DIGEST="sha256:$(sha256sum "$WORK/config.json" | cut -d' ' -f1)"
  printf '{"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"%s","digest":"%s","size":%d},"layers":[{"mediaType":"%s","digest":"%s","size":%d}]}' \
    "$MANIFEST_TYPE" application/vnd.oci.image.config.v1+json "$CONFIG_DIGEST" "$(stat -c %s "$WORK/config.json")" \
    application/vnd.oci.image.layer.v1.tar+gzip "$LAYER_DIGEST" 4096 >"$WORK/manifest.json"
}

# ---------------------------------------------------------------- measurements

# manifest_rps BASE: warm up, then wrk; echoes requests/s (fails on any non-2xx/3xx answer).
manifest_rps() {
  local url=$1/v2/bench/app/manifests/1 out
  wrk -t2 -c32 -d"${WARMUP}s" -H "Accept: $MANIFEST_TYPE" "$url" >/dev/null
  out=$(wrk -t2 -c32 -d"${DURATION}s" -H "Accept: $MANIFEST_TYPE" "$url")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "$out" >&2
    die "manifest GET on $1 had non-2xx answers"
  fi
  if grep -q 'Socket errors' <<<"$out"; then log "wrk on $1: $(grep 'Socket errors' <<<"$out")"; fi
  awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}

# record METRIC SERVER VALUE: one sample into WORK/results.
record() {
  echo "$1 $2 $3" >>"${RESULTS:-$WORK/results}"
  local which="round ${ROUND:-1}"
  case ${ROUND:-1} in -* | 0) which="warm-up round $((ROUND + WARMUP_ROUNDS))" ;; esac
  log "$which $2 $1 = $3"
}

server_url() { if [ "$1" = hubsim ]; then echo "$HUBSIM_URL"; else echo "$REGISTRY_URL"; fi; }
server_pid() { if [ "$1" = hubsim ]; then echo "$HUBSIM_PID"; else echo "$REGISTRY_PID"; fi; }

# warm_up_gets SERVER: wrk in 5 s slices until two slices in a row are within 5% of each other (at most JIT_WARMUP s).
warm_up_gets() {
  local server=$1 base rate previous=0 waited=0
  base=$(server_url "$server")
  while [ "$waited" -lt "$JIT_WARMUP" ]; do
    rate=$(wrk -t2 -c32 -d5s -H "Accept: $MANIFEST_TYPE" "$base/v2/bench/app/manifests/1" | awk '/^Requests\/sec:/ { print $2 }')
    waited=$((waited + 5))
    if awk -v a="$previous" -v b="$rate" 'BEGIN { exit !(a > 0 && b >= a * 0.95 && b <= a * 1.05) }'; then break; fi
    previous=$rate
  done
  log "GET warm-up on $server: ${waited}s (last slice $rate req/s)"
}

# round_order: the servers in this round's order (hubsim first in odd rounds), so neither always follows the other.
round_order() {
  if [ $(((ROUND + 2) % 2)) = 1 ]; then echo "${SERVERS[@]}"; else echo "${SERVERS[1]} ${SERVERS[0]}"; fi
}

# steal_ticks: CPU time the hypervisor has taken from this machine (steal time), in clock ticks over all CPUs.
steal_ticks() { awk '/^cpu / { print $9 }' /proc/stat; }

# undisturbed BYTES COMMAND...: runs a transfer COMMAND that echoes bytes/s and echoes that speed; while the
# hypervisor took more than 5% of the machine's CPU time during the transfer (steal time, which no server controls),
# the transfer is measured again, at most STEAL_RETRIES times.
undisturbed() {
  local bytes=$1 speed before after attempt
  shift
  for attempt in $(seq 0 "$STEAL_RETRIES"); do
    before=$(steal_ticks)
    speed=$("$@")
    after=$(steal_ticks)
    if awk -v bytes="$bytes" -v speed="$speed" -v stolen=$((after - before)) -v hz="$(getconf CLK_TCK)" -v cpus="$(nproc)" \
      'BEGIN { exit !(stolen / hz <= 0.05 * cpus * bytes / speed) }'; then
      break
    fi
    log "the hypervisor took $((after - before)) ticks during that transfer ($(mb_per_s "$speed") MB/s)"
  done
  echo "$speed"
}

# measure_blob SIZE_LABEL FILE DIGEST SIZE: push then pull on each server in turn.
measure_blob() {
  local label=$1 file=$2 digest=$3 size=$4 server base
  for server in $(round_order); do
    base=$(server_url "$server")
    record "push_$label" "$server" "$(mb_per_s "$(undisturbed "$size" push_blob_checked "$base" bench/blob "$file" "$digest")")"
    record "pull_$label" "$server" "$(mb_per_s "$(undisturbed "$size" pull_blob_checked "$base" bench/blob "$digest" "$size")")"
  done
}

# ---------------------------------------------------------------- report

# table_row LABEL HUBSIM REGISTRY TARGET: prints one markdown row; returns 1 on FAIL.
table_row() {
  awk -v label="$1" -v h="$2" -v r="$3" -v t="$4" 'BEGIN {
    ratio = (r > 0) ? h / r : 0
    verdict = (t == "") ? "-" : ((ratio >= t) ? "PASS" : "FAIL")
    printf "| %s | %.1f | %.1f | %.2fx | %s | %s |\n", label, h, r, ratio, (t == "") ? "-" : ">= " t "x", verdict
    exit (verdict == "FAIL") }'
}

# print_comparison: the markdown table of medians; returns 1 if any target fails.
print_comparison() {
  local rows=(
    "manifest_rps|manifest GET by tag (req/s)|10"
    "push_256m|blob push 256 MiB (MB/s)|3"
    "push_1g|blob push 1 GiB (MB/s)|3"
    "pull_256m|blob pull 256 MiB (MB/s)|1"
    "pull_1g|blob pull 1 GiB (MB/s)|1"
    "rss|peak RSS (MiB)|"
  )
  local row key label target failed=0
  echo
  echo "hubsim vs docker-registry: median of $ROUNDS round(s) after $WARMUP_ROUNDS unrecorded, wrk ${DURATION}s, $(nproc) CPUs, storage in $SERVERS_DIR, PRIME_MEMORY=$PRIME_MEMORY, HUBSIM_JAVA_OPTS='$HUBSIM_JAVA_OPTS'"
  echo
  echo "| metric | hubsim | docker-registry | ratio (hubsim/registry) | target | result |"
  echo "|---|---:|---:|---:|---|---|"
  for row in "${rows[@]}"; do
    IFS='|' read -r key label target <<<"$row"
    table_row "$label" "$(median "$key" hubsim)" "$(median "$key" registry)" "$target" || failed=1
  done
  return "$failed"
}

# ---------------------------------------------------------------- modes

run_compare() {
  local server digest256 digest1g
  make_small_image
  log "generating random blobs (256 MiB, 1 GiB)"
  digest256=$(random_file "$WORK/blob-256m.bin" $((256 * 1024 * 1024)))
  digest1g=$(random_file "$WORK/blob-1g.bin" $((1024 * 1024 * 1024)))
  # Flush the freshly written test files now, so their write-back does not run during the measurements.
  sync
  start_hubsim "$SERVERS_DIR/hubsim"
  start_registry "$SERVERS_DIR/registry"
  for server in "${SERVERS[@]}"; do push_small_image "$(server_url "$server")"; done
  for server in "${SERVERS[@]}"; do warm_up_gets "$server"; done
  RESULTS=$WORK/warm-up-results
  for ROUND in $(seq $((1 - WARMUP_ROUNDS)) "$ROUNDS"); do
    [ "$ROUND" -ge 1 ] && RESULTS=$WORK/results
    for server in $(round_order); do
      record manifest_rps "$server" "$(manifest_rps "$(server_url "$server")")"
    done
    measure_blob 256m "$WORK/blob-256m.bin" "$digest256" $((256 * 1024 * 1024))
    measure_blob 1g "$WORK/blob-1g.bin" "$digest1g" $((1024 * 1024 * 1024))
  done
  ROUND=end
  for server in "${SERVERS[@]}"; do record rss "$server" "$(peak_rss_mib "$(server_pid "$server")")"; done
  print_comparison
}

run_big() {
  local size=$((2048 * 1024 * 1024)) digest push pull pulled rss failed=0 oom=no
  local pull_status pull_bytes pull_speed
  log "generating a 2 GiB random blob"
  digest=$(random_file "$WORK/blob-2g.bin" "$size")
  sync
  start_hubsim "$WORK/hubsim" -Xmx256m
  # A crash mid-transfer must still produce the table, so curl failures become status 000.
  push=$(blob_push "$HUBSIM_URL" bench/big "$WORK/blob-2g.bin" "$digest") || push="000 0"
  # Hash the pulled bytes on the fly; fd 3 keeps the fifo open so the reader ends even if curl never writes.
  mkfifo "$WORK/pull.fifo"
  sha256sum <"$WORK/pull.fifo" | cut -d' ' -f1 >"$WORK/pulled.sha256" &
  exec 3>"$WORK/pull.fifo"
  pull=$(blob_pull "$HUBSIM_URL" bench/big "$digest" /dev/fd/3) || pull="000 0 0"
  exec 3>&-
  wait $! || true
  pulled="sha256:$(cat "$WORK/pulled.sha256")"
  if ! kill -0 "$HUBSIM_PID" 2>/dev/null || grep -q OutOfMemoryError "$WORK/hubsim/hubsim.log"; then oom=yes; fi
  rss=$(peak_rss_mib "$HUBSIM_PID" 2>/dev/null || echo "?")
  echo
  echo "hubsim big blob: 2 GiB, java -Xmx256m $HUBSIM_JAVA_OPTS"
  echo
  echo "| check | value | result |"
  echo "|---|---|---|"
  big_row "push (HTTP status, MB/s)" "${push%% *}, $(mb_per_s "${push#* }")" "$([ "${push%% *}" = 201 ] && echo PASS || echo FAIL)" || failed=1
  read -r pull_status pull_bytes pull_speed <<<"$pull"
  big_row "pull (HTTP status, bytes, MB/s)" "$pull_status, $pull_bytes, $(mb_per_s "$pull_speed")" \
    "$([ "$pull_status" = 200 ] && [ "$pull_bytes" = "$size" ] && echo PASS || echo FAIL)" || failed=1
  big_row "pulled digest matches" "$([ "$pulled" = "$digest" ] && echo yes || echo "no ($pulled)")" \
    "$([ "$pulled" = "$digest" ] && echo PASS || echo FAIL)" || failed=1
  big_row "no OutOfMemoryError, still running" "$([ "$oom" = no ] && echo yes || echo no)" \
    "$([ "$oom" = no ] && echo PASS || echo FAIL)" || failed=1
  big_row "peak RSS (MiB)" "$rss" "-"
  return "$failed"
}

# big_row CHECK VALUE RESULT: one markdown row; returns 1 on FAIL.
big_row() {
  echo "| $1 | $2 | $3 |"
  [ "$3" != FAIL ]
}

main() {
  local mode=${1:-compare}
  case $mode in compare | big) ;; *) echo "usage: $0 [big]" >&2; exit 2 ;; esac
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  ensure_jar
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/hubsim-bench.XXXXXX")
  if [ "${STORAGE_TMPFS:-0}" = 1 ]; then SERVERS_DIR=$(mktemp -d /dev/shm/hubsim-bench.XXXXXX); else SERVERS_DIR=$WORK/servers; fi
  if [ "$mode" = big ]; then run_big; else run_compare; fi
}

main "$@"
