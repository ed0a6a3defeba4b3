#!/usr/bin/env bash
# Replay benchmark: a recording of 10 000 interactions (manifest, blob and tag-list GETs over 2 000 repositories)
# served by "hubsim replay" on a free loopback port, every request through the whole stack (journal and fault
# filters, matcher, recorded body streamed). Prints a markdown table:
#   - load: reading and indexing the recording in-process (median of 7), target < 1 s;
#   - start: "hubsim replay" process start until "hubsim listening on" (JVM start included);
#   - throughput: wrk -t2 -c16 over all recorded requests in turn, after a warm-up; target >= 5 000 requests/s;
#     every answer must be 2xx (a miss would be a 404); also requests per CPU-second of the hubsim process, which
#     says what one core does when the machine is shared (load generator and server on the same cores);
#   - baseline: the mock ("hubsim serve") answering one manifest GET the same way, on the same stack (Jetty,
#     Javalin, journal and fault filters), so the table shows what replay adds.
# Usage: bench/replay.sh          Environment: DURATION=10 (wrk seconds) WARMUP=10 (JIT) THREADS=2 CONNECTIONS=16
# Exit status: 0 both targets PASS, 1 a target FAILs, 2 the benchmark itself broke. Needs java, mvn and wrk.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "replay.sh: wrk not found" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/hubsim-replay-bench.XXXXXX")"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "generating the recording..." >&2
generated="$(cd "$root" && mvn -B -q -pl simulator -am -Ptest-main test-compile \
  -Dhubsim.main=dev.hubsim.simulator.replay.ReplayBenchRecording -Dhubsim.arg="$work")"
load_ms="$(sed -n 's/.* load_ms=\([0-9.]*\).*/\1/p' <<<"$generated")"
load_cpu_ms="$(sed -n 's/.*load_cpu_ms=\([0-9.]*\).*/\1/p' <<<"$generated")"
interactions="$(sed -n 's/.*interactions=\([0-9]*\).*/\1/p' <<<"$generated")"
json_bytes="$(sed -n 's/.*json_bytes=\([0-9]*\).*/\1/p' <<<"$generated")"
[ -n "$load_ms" ] || { echo "replay.sh: the generator printed no load time: $generated" >&2; exit 2; }

"$root/hubsim" --version >/dev/null   # builds the jar now, not while timing the start
echo "starting hubsim replay..." >&2
started=$(date +%s%N)
"$root/hubsim" replay "$work/recording" --port 0 >"$work/hubsim.out" 2>"$work/hubsim.err" &
pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/^hubsim listening on \(http:\/\/[^ ]*\)$/\1/p' "$work/hubsim.out")"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "replay.sh: hubsim exited: $(cat "$work/hubsim.err")" >&2; exit 2; }
  sleep 0.02
done
[ -n "$url" ] || { echo "replay.sh: hubsim did not start" >&2; exit 2; }
start_ms=$(( ($(date +%s%N) - started) / 1000000 ))

export REQUESTS="$work/requests.tsv"
echo "warming up ${WARMUP}s, measuring ${DURATION}s..." >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$root/bench/lib/replay.lua" "$url" >/dev/null
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_before=$(cpu_ticks "$pid")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$root/bench/lib/replay.lua" "$url" >"$work/wrk.txt"
cpu_seconds=$(awk -v t=$(( $(cpu_ticks "$pid") - ticks_before )) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}')
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

echo "baseline: the mock answering a manifest GET..." >&2
printf 'images:\n  - reference: library/nginx:1.27\n    layers: [1KB]\n' >"$work/seed.yaml"
"$root/hubsim" serve --auth none --rate-limit unlimited --port 0 --seed "$work/seed.yaml" >"$work/mock.out" 2>&1 &
pid=$!
mock_url=""
for _ in $(seq 1 1500); do
  mock_url="$(sed -n 's/^hubsim listening on \(http:\/\/[^ ]*\)$/\1/p' "$work/mock.out")"
  [ -n "$mock_url" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "replay.sh: the mock exited: $(cat "$work/mock.out")" >&2; exit 2; }
  sleep 0.02
done
[ -n "$mock_url" ] || { echo "replay.sh: the mock did not start" >&2; exit 2; }
printf 'wrk.headers["Accept"] = "application/vnd.oci.image.manifest.v1+json"\n' >"$work/mock.lua"
manifest="$mock_url/v2/library/nginx/manifests/1.27"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$work/mock.lua" "$manifest" >/dev/null
mock_ticks=$(cpu_ticks "$pid")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$work/mock.lua" "$manifest" >"$work/mock-wrk.txt"
mock_cpu=$(awk -v t=$(( $(cpu_ticks "$pid") - mock_ticks )) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}')
mock_rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/mock-wrk.txt")"
mock_per_cpu=$(awk -v r="$(awk '/requests in/ {print $1}' "$work/mock-wrk.txt")" -v c="$mock_cpu" \
  'BEGIN {printf "%.0f", (c > 0 ? r / c : 0)}')
rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")"
non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/wrk.txt")"
p99="$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
errors="$(grep -c 'Socket errors' "$work/wrk.txt" || true)"
[ -n "$rps" ] || { echo "replay.sh: wrk failed: $(cat "$work/wrk.txt")" >&2; exit 2; }

verdict() { if awk "BEGIN {exit !($1)}"; then echo PASS; else echo FAIL; fi; }
load_verdict=$(verdict "$load_ms < 1000")
rps_verdict=$(verdict "$rps >= 5000")
answered="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
per_cpu=$(awk -v r="$answered" -v c="$cpu_seconds" 'BEGIN {printf "%.0f", (c > 0 ? r / c : 0)}')
printf '\nrecording: %s interactions, interactions.json %s bytes; wrk -t%s -c%s -d%ss\n\n' \
  "$interactions" "$json_bytes" "$THREADS" "$CONNECTIONS" "$DURATION"
printf '| %-44s | %14s | %10s | %-4s |\n' "measure" "result" "target" ""
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..12})" "------"
printf '| %-44s | %11s ms | %10s | %-4s |\n' "load 10k interactions (median of 7)" "$load_ms" "< 1000 ms" "$load_verdict"
printf '| %-44s | %11s ms | %10s | %-4s |\n' "  of which CPU time of the loading thread" "$load_cpu_ms" "-" ""
printf '| %-44s | %11s ms | %10s | %-4s |\n' "process start to listening (JVM included)" "$start_ms" "-" ""
printf '| %-44s | %10s r/s | %10s | %-4s |\n' "replay throughput" "$rps" ">= 5000/s" "$rps_verdict"
printf '| %-44s | %8s r/cpu-s | %10s | %-4s |\n' "requests per CPU-second of hubsim" "$per_cpu" "-" ""
printf '| %-44s | %14s | %10s | %-4s |\n' "latency p99" "$p99" "-" ""
printf '| %-44s | %10s r/s | %10s | %-4s |\n' "baseline: mock manifest GET" "$mock_rps" "-" ""
printf '| %-44s | %8s r/cpu-s | %10s | %-4s |\n' "baseline: mock per CPU-second" "$mock_per_cpu" "-" ""
answers_verdict=$([ -z "$non2xx" ] && [ "$errors" = 0 ] && echo PASS || echo FAIL)
printf '| %-44s | %14s | %10s | %-4s |\n' "answers other than 2xx, socket errors" "${non2xx:-0}, $errors" "0" "$answers_verdict"
[ "$answers_verdict" = PASS ] || exit 2
[ "$load_verdict" = PASS ] && [ "$rps_verdict" = PASS ] || exit 1
