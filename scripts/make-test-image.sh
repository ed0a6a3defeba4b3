#!/usr/bin/env bash
# make-test-image.sh DIR [TAG]: writes a small one-layer OCI image layout into DIR (for the README tour and the
# benchmarks) and prints its manifest digest. Needs only tar, gzip and sha256sum.
set -euo pipefail
dir=$1
tag=${2:-latest}
rm -rf "$dir"
mkdir -p "$dir/blobs/sha256"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# add_blob FILE: stores FILE as a blob and prints "<hex> <size>"
add_blob() {
  local hex size
  hex=$(sha256sum "$1" | cut -d' ' -f1)
  size=$(stat -c%s "$1")
  cp "$1" "$dir/blobs/sha256/$hex"
  echo "$hex $size"
}

echo "hello from hubsim" > "$work/hello.txt"
tar -C "$work" -cf "$work/layer.tar" hello.txt
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -c "$work/layer.tar" > "$work/layer.tar.gz"
read -r layer layer_size < <(add_blob "$work/layer.tar.gz")

printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
  "$diff_id" > "$work/config.json"
read -r config config_size < <(add_blob "$work/config.json")

printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%d}]}' \
  "$config" "$config_size" "$layer" "$layer_size" > "$work/manifest.json"
read -r manifest manifest_size < <(add_blob "$work/manifest.json")

echo '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci-layout"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}' \
  "$manifest" "$manifest_size" "$tag" > "$dir/index.json"
echo "sha256:$manifest"
