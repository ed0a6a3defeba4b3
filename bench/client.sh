#!/usr/bin/env bash
# Image pull and push: hubsim's Java client (core, dev.hubsim.core.registry.ImageClient) vs skopeo.
#
# Starts hubsim (--auth none) on a free loopback port, writes OCI layouts of random, incompressible images
# (LAYERS layers; IMAGE_MB and SMALL_MB in total), pushes the big one with the client as the pull source, then for
# ROUNDS rounds, alternating client and skopeo:
#   - pull:  client  `ImageTool pull URL HOST/bench/source:v1 DIR`  (into an OCI layout)
#            skopeo  `skopeo copy --preserve-digests docker://HOST/bench/source:v1 dir:DIR`
#   - push:  client  `ImageTool push URL LAYOUT v1 HOST/bench/push-client-N:v1`
#            skopeo  `skopeo copy --preserve-digests oci:LAYOUT:v1 docker://HOST/bench/push-skopeo-N:v1`
# Each round's pushes go to a fresh hubsim (warmed up with the small image first): skopeo's blob-info cache (/var/lib/containers/cache for root, whatever
# HOME says) remembers where it saw each blob and would mount it from there instead of uploading. skopeo runs with
# --preserve-digests: without it, it gzips the random layers on the fly (they are not gzip). Times are wall-clock seconds of the whole process (the client's include
# JVM start-up and JIT warm-up; its in-process time is printed too), plus the client pulling a second time in the same
# JVM ("warm", as in a long-running service). MB/s is image bytes / seconds (1 MB = 10^6 bytes); peak RSS comes from
# /usr/bin/time (%M). Then the client pulls and pushes the SMALL_MB image, so that the peak RSS of the two sizes can
# be compared: streaming keeps it flat. The client runs with CLIENT_JAVA_OPTS (default -Xmx128m): without a cap G1
# lets the heap grow with short-lived garbage (OkHttp copies request bodies through 8 KiB Okio segments), so the
# RSS would measure the collector's laziness, not what the client keeps.
# Prints a markdown table of medians. Exit status: 0 when the client's first pull in its JVM is at least as fast as
# skopeo's whole run, 1 when not,
# 2 when the benchmark itself broke.
#
# Usage:   bench/client.sh
# Environment:
#   ROUNDS=3  IMAGE_MB=500  SMALL_MB=100  LAYERS=5
#   CLIENT_JAVA_OPTS="-Xmx128m"   JVM options for the client
#   HUBSIM_JAVA_OPTS=""   JVM options for hubsim
#   STORAGE_TMPFS=1       hubsim's storage and the layouts in /dev/shm: the transfer, not this machine's disk
# Needs java, mvn (to compile core and list its classpath), skopeo, /usr/bin/time.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR=$REPO_DIR/simulator/target/hubsim.jar
ROUNDS=${ROUNDS:-3}
IMAGE_MB=${IMAGE_MB:-500}
SMALL_MB=${SMALL_MB:-100}
LAYERS=${LAYERS:-5}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS--Xmx128m}
HUBSIM_JAVA_OPTS=${HUBSIM_JAVA_OPTS:-}

# shellcheck source=lib/registry.sh
source "$BENCH_DIR/lib/registry.sh"
# shellcheck source=lib/hubsim.sh
source "$BENCH_DIR/lib/hubsim.sh"

WORK=""
SOURCE_PID=""   # the hubsim pulled from; HUBSIM_PID is the one started last
HUBSIM_PID=""
HUBSIM_URL=""
CLIENT=()   # the command that runs ImageTool
SKOPEO=()   # skopeo with a private HOME and registries configuration, no user credentials

cleanup() {
  stop_pid "$SOURCE_PID" || true
  stop_pid "$HUBSIM_PID" || true
  [ -z "$WORK" ] || rm -rf "$WORK"
}

# build_client: compiles core (main and test sources: ImageTool lives there) and sets CLIENT and SKOPEO.
build_client() {
  local classpath
  log "compiling core and listing its classpath"
  (cd "$REPO_DIR" && mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$WORK/classpath.txt") >&2 || die "cannot build core"
  classpath="$REPO_DIR/core/target/classes:$REPO_DIR/core/target/test-classes:$(cat "$WORK/classpath.txt")"
  # shellcheck disable=SC2206  # CLIENT_JAVA_OPTS is a word-split option list on purpose
  CLIENT=(java $CLIENT_JAVA_OPTS -cp "$classpath" dev.hubsim.core.testing.ImageTool)
  mkdir -p "$WORK/skopeo-home/run"
  echo 'unqualified-search-registries = []' >"$WORK/registries.conf"
  SKOPEO=(env HOME="$WORK/skopeo-home" XDG_RUNTIME_DIR="$WORK/skopeo-home/run" XDG_CONFIG_HOME="$WORK/skopeo-home/config"
    CONTAINERS_REGISTRIES_CONF="$WORK/registries.conf" skopeo --insecure-policy)
}

# timed NAME COMMAND...: runs it under /usr/bin/time; output in WORK/NAME.out; echoes "SECONDS MAX_RSS_KB".
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" ||
    { cat "$WORK/$name.err" >&2; die "$name failed: $*"; }
  cat "$WORK/$name.time"
}

# record METRIC TOOL VALUE: one sample into WORK/results.
record() {
  echo "$1 $2 $3" >>"$WORK/results"
  log "round ${ROUND:-1} $2 $1 = $3"
}

# manifest_hex DIR: the file name of the image manifest in a layout written by make_layout.
manifest_hex() {
  find "$1/blobs/sha256" -type f -size -4k -print0 | xargs -0 grep -l '"layers":\[' | xargs basename
}

# layout_bytes DIR: bytes of the config and layers of the layout's image (every blob but the manifest).
layout_bytes() {
  local dir=$1
  find "$dir/blobs/sha256" -type f ! -name "$(manifest_hex "$dir")" -printf '%s\n' | awk '{ t += $1 } END { print t }'
}

# make_layout DIR MB SEED: a random image of LAYERS layers, MB megabytes in total, named v1.
make_layout() {
  local dir=$1 mb=$2 seed=$3
  "${CLIENT[@]}" layout "$dir" v1 "$LAYERS" $((mb * 1000000 / LAYERS)) "$seed" || die "cannot write the layout $dir"
}

# measure_pull ROUND: client then skopeo pull of bench/source:v1.
measure_pull() {
  local host=${HUBSIM_URL#http://} seconds rss warm
  rm -rf "$WORK"/pull-client* "$WORK/pull-skopeo"
  read -r seconds rss < <(timed pull-client "${CLIENT[@]}" pull "$HUBSIM_URL" "$host/bench/source:v1" "$WORK/pull-client" 2)
  warm=$(sed -n 2p "$WORK/pull-client.out" | cut -d' ' -f1)
  # the process pulled twice: its wall clock without the second pull is JVM start-up plus the first pull
  record pull_s client "$(awk -v w="$seconds" -v s="$warm" 'BEGIN { print w - s }')"
  record pull_s client_jvm "$(sed -n 1p "$WORK/pull-client.out" | cut -d' ' -f1)"
  record pull_s client_warm "$warm"
  record pull_rss client "$rss"
  read -r seconds rss < <(timed pull-skopeo "${SKOPEO[@]}" copy --preserve-digests --src-tls-verify=false --src-no-creds \
    "docker://$host/bench/source:v1" "dir:$WORK/pull-skopeo")
  record pull_s skopeo "$seconds"
  record pull_rss skopeo "$rss"
  cmp -s "$WORK/pull-skopeo/manifest.json" "$WORK/pull-client/blobs/sha256/$MANIFEST_HEX" ||
    die "the client and skopeo pulled different manifests"
}

# measure_push ROUND: client then skopeo push of the big layout to a fresh hubsim, then back to the source one.
measure_push() {
  local round=$1 source_url=$HUBSIM_URL host seconds rss moved
  start_hubsim "$WORK/push-$round"
  host=${HUBSIM_URL#http://}
  # warm the new server's upload path (its JIT) with the small image, so that neither side pays for a cold server
  "${CLIENT[@]}" push "$HUBSIM_URL" "$WORK/small" v1 "$host/bench/warm-up:v1" >/dev/null || die "cannot warm up hubsim"
  read -r seconds rss < <(timed push-client "${CLIENT[@]}" push "$HUBSIM_URL" "$WORK/big" v1 "$host/bench/push-client-$round:v1")
  moved=$(cut -d' ' -f2 "$WORK/push-client.out")
  [ "$moved" = "$IMAGE_BYTES" ] || die "the client pushed $moved bytes, expected $IMAGE_BYTES (blobs skipped?)"
  record push_s client "$seconds"
  record push_s client_jvm "$(cut -d' ' -f1 "$WORK/push-client.out")"
  record push_rss client "$rss"
  read -r seconds rss < <(timed push-skopeo "${SKOPEO[@]}" copy --preserve-digests --dest-tls-verify=false --dest-no-creds \
    "oci:$WORK/big:v1" "docker://$host/bench/push-skopeo-$round:v1")
  record push_s skopeo "$seconds"
  record push_rss skopeo "$rss"
  stop_pid "$HUBSIM_PID"
  rm -rf "$WORK/push-$round"
  HUBSIM_PID=$SOURCE_PID
  HUBSIM_URL=$source_url
}

# measure_small: the client's peak RSS moving the SMALL_MB image, to set beside the big one's.
measure_small() {
  local host=${HUBSIM_URL#http://} seconds rss
  read -r seconds rss < <(timed small-push "${CLIENT[@]}" push "$HUBSIM_URL" "$WORK/small" v1 "$host/bench/small:v1")
  record small_push_rss client "$rss"
  read -r seconds rss < <(timed small-pull "${CLIENT[@]}" pull "$HUBSIM_URL" "$host/bench/small:v1" "$WORK/small-pulled")
  record small_pull_rss client "$rss"
}

# row LABEL CLIENT_SECONDS SKOPEO_SECONDS: seconds, MB/s and the speed ratio of one operation.
row() {
  awk -v label="$1" -v c="$2" -v s="$3" -v b="$IMAGE_BYTES" 'BEGIN {
    printf "| %s | %.2f | %.1f | %.2f | %.1f | %.2fx |\n", label, c, b / c / 1e6, s, b / s / 1e6, s / c }'
}

print_table() {
  local mib=$((1024))
  echo
  echo "image client vs skopeo against hubsim: CLIENT_JAVA_OPTS='$CLIENT_JAVA_OPTS', ${IMAGE_MB} MB image ($LAYERS layers, $IMAGE_BYTES bytes of blobs), median of $ROUNDS round(s), $(nproc) CPUs, load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| operation | client s | client MB/s | skopeo s | skopeo MB/s | client speed / skopeo |"
  echo "|---|---:|---:|---:|---:|---:|"
  row "pull (wall clock, client incl. JVM start)" "$(median pull_s client)" "$(median pull_s skopeo)"
  row "pull (client in-process, first pull of the JVM)" "$(median pull_s client_jvm)" "$(median pull_s skopeo)"
  row "pull (client in-process, second pull: warm JVM)" "$(median pull_s client_warm)" "$(median pull_s skopeo)"
  row "push (wall clock, client incl. JVM start)" "$(median push_s client)" "$(median push_s skopeo)"
  row "push (client in-process)" "$(median push_s client_jvm)" "$(median push_s skopeo)"
  echo
  echo "| peak RSS (MiB) | client | skopeo |"
  echo "|---|---:|---:|"
  awk -v c="$(median pull_rss client)" -v s="$(median pull_rss skopeo)" -v m=$mib -v l="pull ${IMAGE_MB} MB" \
    'BEGIN { printf "| %s | %.0f | %.0f |\n", l, c / m, s / m }'
  awk -v c="$(median push_rss client)" -v s="$(median push_rss skopeo)" -v m=$mib -v l="push ${IMAGE_MB} MB" \
    'BEGIN { printf "| %s | %.0f | %.0f |\n", l, c / m, s / m }'
  awk -v c="$(median small_pull_rss client)" -v m=$mib -v l="pull ${SMALL_MB} MB" 'BEGIN { printf "| %s | %.0f | - |\n", l, c / m }'
  awk -v c="$(median small_push_rss client)" -v m=$mib -v l="push ${SMALL_MB} MB" 'BEGIN { printf "| %s | %.0f | - |\n", l, c / m }'
  awk -v c="$(median pull_s client_jvm)" -v s="$(median pull_s skopeo)" 'BEGIN { exit !(c <= s) }'
}

main() {
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  command -v skopeo >/dev/null || die "skopeo is not installed"
  [ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install time)"
  ensure_jar
  if [ "${STORAGE_TMPFS:-0}" = 1 ]; then WORK=$(mktemp -d /dev/shm/hubsim-client-bench.XXXXXX); else WORK=$(mktemp -d "${TMPDIR:-/tmp}/hubsim-client-bench.XXXXXX"); fi
  build_client
  log "writing random layouts (${IMAGE_MB} MB and ${SMALL_MB} MB, $LAYERS layers each)"
  make_layout "$WORK/big" "$IMAGE_MB" 1
  make_layout "$WORK/small" "$SMALL_MB" 2
  IMAGE_BYTES=$(layout_bytes "$WORK/big")
  MANIFEST_HEX=$(manifest_hex "$WORK/big")
  sync
  start_hubsim "$WORK/hubsim"
  SOURCE_PID=$HUBSIM_PID
  "${CLIENT[@]}" push "$HUBSIM_URL" "$WORK/big" v1 "${HUBSIM_URL#http://}/bench/source:v1" >/dev/null || die "cannot seed the image"
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  for ROUND in $(seq 1 "$ROUNDS"); do
    measure_pull
    measure_push "$ROUND"
  done
  ROUND=small
  measure_small
  print_table
}

main "$@"
