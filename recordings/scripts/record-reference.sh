#!/usr/bin/env bash
# Re-makes the shipped recording recordings/shipped/distribution-<version>/ against the Debian docker-registry
# package (the CNCF reference registry): starts it on a free loopback port, puts hubsim in record mode in front of
# it, and drives our client through push and pull of a three-layer image and a two-platform index, tag listing with
# a page size, a chunked upload, a cross-repository mount, a delete, manifest and blob errors, then raw protocol
# corners (catalog pages, ranged GET, upload status and cancel, wrong digest, unknown blob, invalid name).
# The recording's metadata names the server, its version and the date; session-notes.txt beside it says what each
# call got, and ShippedRecordingTest replays the recording and compares.
#
# Usage: recordings/scripts/record-reference.sh            (needs java, mvn and docker-registry)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
registry="${REGISTRY_BIN:-/usr/bin/docker-registry}"
[ -x "$registry" ] || { echo "record-reference: $registry not found: apt-get install docker-registry" >&2; exit 2; }
version="$("$registry" --version | awk '{print $NF}')"          # e.g. 2.8.2+ds1
out="$root/recordings/shipped/distribution-${version%%+*}"

rm -rf "$out"
cd "$root"
mvn -B -q -pl simulator -am -Ptest-main test-compile \
  -Dhubsim.main=dev.hubsim.simulator.replay.ReferenceRecording -Dhubsim.arg="$out"
du -sh "$out"
