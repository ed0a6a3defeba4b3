#!/usr/bin/env bash
# build-docker-image.sh [TAG]: builds the hubsim image (default tag hubsim:local) without pulling anything: a jlink'ed
# Java runtime, the shared libraries it needs copied from this machine, and simulator/target/hubsim.jar, given to
# `docker import` as a root file system. For machines with a network, the Dockerfile at the repository root is the
# conventional way. Needs jdeps, jlink, ldd and a running Docker engine.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tag=${1:-hubsim:local}
jar=$root/simulator/target/hubsim.jar
if [[ ! -f $jar ]]; then
  echo "build-docker-image: $jar is missing: run mvn -pl simulator -am package first" >&2
  exit 2
fi
# The image is labelled with the jar's digest: an image built from the same jar is reused.
jar_sha=$(sha256sum "$jar" | cut -d' ' -f1)
if [[ $(docker image inspect --format '{{ index .Config.Labels "dev.hubsim.jar-sha256" }}' "$tag" 2>/dev/null) == "$jar_sha" ]]; then
  echo "$tag"
  exit 0
fi
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

# The Java modules the jar uses, plus elliptic-curve crypto (token signatures) and the DNS provider.
modules=$("$java_home/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar")
"$java_home/bin/jlink" --add-modules "$modules,jdk.crypto.ec,jdk.naming.dns" --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$rootfs/opt/java"
mkdir -p "$rootfs/opt/hubsim" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
cp "$jar" "$rootfs/opt/hubsim/hubsim.jar"
echo "hubsim:x:1000:1000:hubsim:/tmp:/sbin/nologin" > "$rootfs/etc/passwd"
echo "hubsim:x:1000:" > "$rootfs/etc/group"

# The C libraries the runtime links against (and the dynamic loader), as found on this machine.
{
  echo "$rootfs/opt/java/bin/java"
  find "$rootfs/opt/java/lib" -name '*.so'
} | while read -r binary; do
  LD_LIBRARY_PATH="$rootfs/opt/java/lib:$rootfs/opt/java/lib/server" ldd "$binary" 2>/dev/null || true
done | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | grep -v "^$rootfs" | sort -u |
  while read -r library; do
    cp --parents -L "$library" "$rootfs"
  done

# A class-data-sharing archive of the JDK classes, so the JVM in the image starts faster.
"$rootfs/opt/java/bin/java" -Xshare:dump >/dev/null 2>&1 || true

tar -C "$rootfs" -cf "$work/rootfs.tar" .
docker import "$work/rootfs.tar" "$tag" >/dev/null

# A class-data-sharing archive of what a start and the first requests load (`hubsim warm-up`), recorded in a
# container so that its paths are the image's: the simulator then answers in about half the time.
entrypoint='["/opt/java/bin/java", "-XX:SharedArchiveFile=/opt/hubsim/hubsim.jsa", "-Xlog:cds=off", "-XX:CompileThresholdScaling=4", "-jar", "/opt/hubsim/hubsim.jar"]'
container=$(docker create --user 0:0 --entrypoint /opt/java/bin/java "$tag" \
  -XX:ArchiveClassesAtExit=/opt/hubsim/hubsim.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar /opt/hubsim/hubsim.jar warm-up)
trap 'docker rm -f "$container" >/dev/null 2>&1; rm -rf "$work"' EXIT
docker start --attach "$container" >/dev/null
docker commit \
  --change "ENTRYPOINT $entrypoint" \
  --change 'CMD ["serve", "--host", "0.0.0.0", "--port", "5000"]' \
  --change 'EXPOSE 5000' \
  --change 'USER 1000:1000' \
  --change 'WORKDIR /tmp' \
  --change "LABEL dev.hubsim.jar-sha256=$jar_sha" \
  "$container" "$tag" >/dev/null
echo "$tag"
