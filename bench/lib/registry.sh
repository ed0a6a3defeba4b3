#!/usr/bin/env bash
# Helpers to run the Debian "docker-registry" (CNCF distribution 2.8.x) by hand,
# without systemd, as a baseline to compare hubsim against.
# Usage:  source bench/lib/registry.sh
#         pid=$(start_docker_registry 5055 "$(mktemp -d)")
#         ...
#         stop_pid "$pid"
#
# Note: on hosts with systemd (e.g. CI runners) "apt-get install docker-registry"
# enables and starts a service on :5000 (with htpasswd auth). Stop it with
#   sudo systemctl disable --now docker-registry
# if port 5000 is needed; it does not interfere with other ports.

REGISTRY_BIN=${REGISTRY_BIN:-/usr/bin/docker-registry}

# start_docker_registry PORT DIR
# Writes DIR/config.yml (storage in DIR/storage, logs in DIR/registry.log),
# starts the registry bound to 127.0.0.1:PORT, waits until GET /v2/ answers 200,
# and echoes the PID. Returns non-zero if it does not come up within ~10 s.
start_docker_registry() {
  local port=$1 dir=$2
  [ -n "$port" ] && [ -n "$dir" ] || { echo "usage: start_docker_registry PORT DIR" >&2; return 2; }
  mkdir -p "$dir/storage"
  cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
  redirect:
    disable: true
http:
  addr: 127.0.0.1:$port
YAML
  "$REGISTRY_BIN" serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  local pid=$!
  local i
  for i in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null; then
      echo "$pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break   # died early (port in use, bad config)
    sleep 0.1
  done
  echo "docker-registry failed to start on 127.0.0.1:$port; log:" >&2
  cat "$dir/registry.log" >&2
  kill "$pid" 2>/dev/null
  return 1
}

# stop_pid PID : SIGTERM, wait up to ~5 s, then SIGKILL.
stop_pid() {
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
  return 0
}
