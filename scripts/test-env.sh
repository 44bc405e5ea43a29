#!/usr/bin/env bash
# Slipway integration-test environment, loopback only:
#   - two podman API services (cheap extra "nodes", Docker-compatible API),
#   - one real Docker Engine (users run dockerd, so the client must be proven against it), on a bridge of its
#     own (name and subnet per env instance) so it can publish ports on 127.0.0.1 like the podman nodes,
#   - a CNCF distribution registry with TLS from its own CA and htpasswd auth (what Harbor runs underneath),
#   - a busybox base image pushed into that registry (nothing can be pulled from the internet).
#
# Usage: scripts/test-env.sh install|start|stop|status
#   start prints `export VAR=...` lines on stdout (meant for `eval`); progress goes to stderr.
#   State lives in $SLIPWAY_TESTENV_DIR (default /tmp/slipway-testenv): service logs, configs, storage.
#   The registry password is generated per start and only ever printed to stdout (the htpasswd file
#   holds the bcrypt hash only).
set -euo pipefail

STATE_DIR="${SLIPWAY_TESTENV_DIR:-/tmp/slipway-testenv}"
PODMAN_NODES=(n1 n2)
DOCKERD_NODE=d1
REG_USER=slipway-ci
BASE_REPO=slipway/base
BASE_TAG=1
READY_TIMEOUT=${SLIPWAY_TESTENV_READY_TIMEOUT:-90}   # seconds per service
PACKAGES=(podman runc docker-registry busybox-static apache2-utils openssl xvfb xauth libgtk-3-0 docker.io fakeroot)

log() { printf '[test-env] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Print the end of a service log to stderr, so a failure explains itself without digging.
log_tail() {
  local f=$1
  if [[ -s $f ]]; then
    log "---- last lines of $f ----"
    tail -n 40 "$f" | sed 's/^/    /' >&2
    log "---- end of $f ----"
  fi
}

# ----------------------------------------------------------------------------------------------- install

cmd_install() {
  [[ $(id -u) -eq 0 ]] || die "install must run as root"
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # The build itself needs a JDK 17 and Maven; only add them when absent (never replace a JDK in use).
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  if ((${#missing[@]})); then
    log "installing packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The lock timeout lets us queue behind another apt run instead of failing.
    apt-get -o DPkg::Lock::Timeout=600 update -q >&2
    apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >&2
  else
    log "all packages present"
  fi

  # crun fails in this kind of sandbox (hybrid cgroups) and podman's default ulimits exceed what the
  # sandbox may set: both settings are needed for containers to start.
  local conf=/etc/containers/containers.conf want
  want='[containers]
default_ulimits = ["nofile=1024:1024","nproc=1024:1024"]
[engine]
runtime = "runc"'
  if [[ ! -f $conf || "$(cat "$conf")" != "$want" ]]; then
    mkdir -p /etc/containers
    printf '%s\n' "$want" >"$conf"
    log "wrote $conf"
  fi
}

# ----------------------------------------------------------------------------------------------- helpers

# Start a long-running service in its own session (Ctrl-C on the caller's terminal must not kill it
# half-way; `stop` does the shutdown), logging to a file, and record its pid.
spawn() {
  local name=$1 logfile=$2
  shift 2
  setsid "$@" </dev/null >>"$logfile" 2>&1 &
  local pid=$!
  echo "$name $pid $logfile" >>"$STATE_DIR/pids"
  log "started $name (pid $pid), log: $logfile"
}

# True when pid is alive and really one of ours (guards against pid reuse after a reboot/crash).
ours() {
  local pid=$1
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$STATE_DIR/"
}

# Poll `check` (a command) until it succeeds, at most READY_TIMEOUT seconds; on timeout, or when the
# service process died, fail with its log tail.
wait_ready() {
  local name=$1 pid=$2 logfile=$3
  shift 3
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail "$logfile"
      die "$name (pid $pid) exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      log_tail "$logfile"
      die "$name not ready after ${READY_TIMEOUT}s"
    fi
    sleep 0.2
  done
  log "$name ready"
}

# ----------------------------------------------------------------------------------------------- dockerd bridge
# dockerd may own only one bridge per name, and the machine's docker0 (if any) is not ours: each env instance
# creates its own bridge, named and addressed from a hash of its state dir so instances never share one.
# Port publishing then goes through docker-proxy (no iptables), bound to 127.0.0.1 only.

# Interface name (<= 15 chars, the kernel's IFNAMSIZ-1): "slwbr-" + 8 hex of the state dir's hash.
bridge_name() { printf 'slwbr-%s' "$(printf '%s' "$STATE_DIR" | sha256sum | cut -c1-8)"; }

ip4_to_int() {
  local IFS=. a b c d
  read -r a b c d <<<"$1"
  echo $(((a << 24) | (b << 16) | (c << 8) | d))
}

# True when a.b.c.0/24 overlaps any IPv4 address or route on this machine, or podman's default 10.88.0.0/16.
subnet_taken() {
  local net=$1 lo hi cidr addr len start end
  lo=$(ip4_to_int "$net")
  hi=$((lo + 255))
  for cidr in 10.88.0.0/16 $(ip -4 -o addr show | awk '{print $4}') $(ip -4 route show | awk '$1 ~ /\// {print $1}'); do
    addr=${cidr%/*}
    len=${cidr#*/}
    start=$(( $(ip4_to_int "$addr") & ~((1 << (32 - len)) - 1) & 0xffffffff ))
    end=$((start + (1 << (32 - len)) - 1))
    ((start <= hi && end >= lo)) && return 0
  done
  return 1
}

# A free /24 in 10.152.0.0-10.183.255.0 (clear of podman's 10.88/16 and docker's 172.17+/192.168 pools), starting
# at a point picked from the state dir's hash; prints its network address (a.b.c.0).
pick_subnet() {
  local h i n net
  h=$((16#$(printf '%s' "$STATE_DIR" | sha256sum | cut -c9-12)))
  for ((i = 0; i < 8192; i++)); do
    n=$(((h + i) % 8192))
    net="10.$((152 + n / 256)).$((n % 256)).0"
    subnet_taken "$net" || { echo "$net"; return 0; }
  done
  die "no free /24 for the dockerd bridge in 10.152.0.0/11"
}

# Idempotent: a leftover bridge of this instance (a crashed run) is deleted and made again.
create_bridge() {
  local br net
  br=$(bridge_name)
  delete_bridge
  net=$(pick_subnet)
  ip link add "$br" type bridge
  ip addr add "${net%.0}.1/24" dev "$br"
  ip link set "$br" up
  printf '%s %s/24\n' "$br" "$net" >"$STATE_DIR/$DOCKERD_NODE/bridge"
  log "bridge $br on $net/24 for dockerd-$DOCKERD_NODE"
}

delete_bridge() {
  local br
  br=$(bridge_name)
  if ip link show "$br" >/dev/null 2>&1; then
    ip link delete "$br" type bridge
    log "deleted bridge $br"
  fi
}

docker_api_up() { timeout 5 docker -H "unix://$1" version --format '{{.Server.APIVersion}}'; }

pmn() { # podman CLI on a node's own storage (the service of that node shares it)
  local node=$1
  shift
  podman --root "$STATE_DIR/$node/root" --runroot "$STATE_DIR/$node/run" "$@"
}

# A free TCP port on loopback: random in a high range, free when nothing accepts a connection on it
# (bash's /dev/tcp, so no extra tool is needed). The registry start retries if someone races us.
free_port() {
  local p i
  for i in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  die "no free port found"
}

# Unmount whatever our storage left mounted under the state dir (overlay layers, container shm),
# deepest first, so the directory can be removed.
unmount_state() {
  local m
  awk -v d="$STATE_DIR/" 'index($5, d) == 1 { print $5 }' /proc/self/mountinfo | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
}

# ----------------------------------------------------------------------------------------------- stop

cmd_stop() {
  local pidfile="$STATE_DIR/pids"
  if [[ ! -f $pidfile ]]; then
    log "nothing running (no $pidfile)"
    cleanup_trust
    delete_bridge
    return 0
  fi

  # Remove containers first: podman's containers live on under conmon after the API service stops,
  # and dockerd would otherwise have to stop them during its own shutdown.
  local n
  for n in "${PODMAN_NODES[@]}"; do
    [[ -d $STATE_DIR/$n/root ]] || continue
    timeout 60 podman --root "$STATE_DIR/$n/root" --runroot "$STATE_DIR/$n/run" pod rm -af -t 0 >/dev/null 2>&1 || true
    timeout 60 podman --root "$STATE_DIR/$n/root" --runroot "$STATE_DIR/$n/run" rm -af -t 0 >/dev/null 2>&1 || true
  done
  local dsock="$STATE_DIR/$DOCKERD_NODE/docker.sock"
  if [[ -S $dsock ]] && timeout 5 docker -H "unix://$dsock" info >/dev/null 2>&1; then
    timeout 30 docker -H "unix://$dsock" swarm leave --force >/dev/null 2>&1 || true
    local ids
    ids=$(timeout 30 docker -H "unix://$dsock" ps -aq 2>/dev/null || true)
    if [[ -n $ids ]]; then
      timeout 60 docker -H "unix://$dsock" rm -f $ids >/dev/null 2>&1 || true
    fi
  fi

  # TERM every recorded service, then wait (bounded) and KILL what is left.
  local name pid logfile
  while read -r name pid logfile; do
    if ours "$pid"; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done <"$pidfile"
  local deadline=$((SECONDS + 30))
  while read -r name pid logfile; do
    while ours "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if ours "$pid"; then
      log "$name (pid $pid) ignored TERM, killing its process group"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  done <"$pidfile"

  # Leftover helpers started by our services (conmon for podman exec sessions lingers ~300 s,
  # dockerd's containerd shims): match by our state dir in their command line, kill by pid.
  local p comm
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    comm=$(cat "/proc/$p/comm" 2>/dev/null) || continue
    case $comm in
      conmon | containerd* | podman | dockerd | docker-registry | docker-proxy) ;;
      *) continue ;;
    esac
    if ours "$p"; then
      log "killing leftover $comm (pid $p)"
      kill -KILL "$p" 2>/dev/null || true
    fi
  done

  unmount_state
  cleanup_trust
  delete_bridge
  # Storage goes; logs and configs stay for post-mortem.
  for n in "${PODMAN_NODES[@]}"; do rm -rf "${STATE_DIR:?}/$n/root" "${STATE_DIR:?}/$n/run"; done
  rm -rf "${STATE_DIR:?}/$DOCKERD_NODE/data" "${STATE_DIR:?}/$DOCKERD_NODE/exec" "${STATE_DIR:?}/registry/data" \
    "${STATE_DIR:?}/base"
  rm -f "$pidfile"
  log "stopped"
}

# Drop the CA trust we installed for this env's registry port.
cleanup_trust() {
  local portfile="$STATE_DIR/registry/port" port
  [[ -f $portfile ]] || return 0
  port=$(cat "$portfile")
  rm -rf "/etc/containers/certs.d/127.0.0.1:$port" "/etc/docker/certs.d/127.0.0.1:$port"
  rm -f "$portfile"
}

# ----------------------------------------------------------------------------------------------- start

start_podman_node() {
  local n=$1 d="$STATE_DIR/$1"
  mkdir -p "$d/root" "$d/run"
  # --time=0: the service never exits on idle.
  spawn "podman-$n" "$d/service.log" \
    podman --root "$d/root" --runroot "$d/run" system service --time=0 "unix://$d/api.sock"
}

start_dockerd_node() {
  local n=$1 d="$STATE_DIR/$1"
  mkdir -p "$d/data" "$d/exec"
  create_bridge
  # Own (empty) daemon.json so a host /etc/docker/daemon.json cannot leak in; no iptables (sandbox), so
  # docker-proxy forwards published ports; --ip=127.0.0.1: a port published without a host IP stays on
  # loopback too; --ip-forward=false: loopback -> bridge needs no forwarding, and the host's sysctl stays
  # as it is; vfs works on any filesystem; own bridge (see create_bridge) instead of docker0; own containerd
  # namespaces in case this dockerd ends up sharing a system containerd.
  echo '{}' >"$d/daemon.json"
  spawn "dockerd-$n" "$d/dockerd.log" \
    dockerd --config-file "$d/daemon.json" --host "unix://$d/docker.sock" \
    --data-root "$d/data" --exec-root "$d/exec" --pidfile "$d/dockerd.pid" \
    --iptables=false --ip6tables=false --ip-forward=false --bridge="$(bridge_name)" --ip=127.0.0.1 \
    --storage-driver=vfs \
    --containerd-namespace "slipway-$n" --containerd-plugins-namespace "slipway-$n-plugins"
}

# CA -> server cert (SAN IP:127.0.0.1, DNS:localhost). The CA key is deleted once it has signed: nothing
# else should ever be signed by it.
make_registry_tls() {
  local t="$STATE_DIR/registry/tls"
  mkdir -p "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 7 -keyout "$t/ca.key" -out "$t/ca.crt" \
    -subj "/CN=Slipway Test Registry CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$t/server.key" -out "$t/server.csr" \
    -subj "/CN=127.0.0.1" 2>/dev/null
  cat >"$t/server.ext" <<'EOF'
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
EOF
  openssl x509 -req -sha256 -days 7 -in "$t/server.csr" -CA "$t/ca.crt" -CAkey "$t/ca.key" \
    -CAcreateserial -out "$t/server.crt" -extfile "$t/server.ext" 2>/dev/null
  openssl verify -CAfile "$t/ca.crt" "$t/server.crt" >/dev/null
  rm -f "$t/ca.key" "$t/server.csr" "$t/ca.srl"
  chmod 600 "$t/server.key"
}

write_registry_config() {
  local r="$STATE_DIR/registry" port=$1
  cat >"$r/config.yml" <<EOF
version: 0.1
log:
  level: info
  fields:
    service: slipway-test-registry
storage:
  filesystem:
    rootdirectory: $r/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: $(openssl rand -hex 16)
  tls:
    certificate: $r/tls/server.crt
    key: $r/tls/server.key
auth:
  htpasswd:
    realm: slipway-test-registry
    path: $r/htpasswd
EOF
}

# GET /v2/ over TLS verified against our CA only; an auth-enforcing registry answers 401.
registry_up() {
  local port=$1
  printf 'GET /v2/ HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" |
    timeout 5 openssl s_client -quiet -connect "127.0.0.1:$port" -CAfile "$STATE_DIR/registry/tls/ca.crt" \
      -verify_return_error -verify_ip 127.0.0.1 2>/dev/null | head -n1 | grep -q ' 401 '
}

# The registry binds a port we chose; another process could grab it in between, so retry a few times.
start_registry() {
  local r="$STATE_DIR/registry" port attempt pid
  mkdir -p "$r/data"
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    write_registry_config "$port"
    : >"$r/registry.log"
    spawn registry "$r/registry.log" docker-registry serve "$r/config.yml"
    pid=$(awk '$1 == "registry" { p = $2 } END { print p }' "$STATE_DIR/pids")
    local deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
      registry_up "$port" && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if registry_up "$port"; then
      echo "$port" >"$r/port"
      REG_PORT=$port
      log "registry ready on 127.0.0.1:$port"
      return 0
    fi
    if kill -0 "$pid" 2>/dev/null; then
      log_tail "$r/registry.log"
      die "registry not ready after ${READY_TIMEOUT}s"
    fi
    if grep -q 'address already in use' "$r/registry.log"; then
      log "port $port taken meanwhile, retrying"
      continue
    fi
    log_tail "$r/registry.log"
    die "registry exited during startup"
  done
  die "registry could not bind a port"
}

# Make both engine kinds trust the registry's CA (looked up per host:port at pull/push time).
install_trust() {
  local port=$1 dir
  for dir in "/etc/containers/certs.d/127.0.0.1:$port" "/etc/docker/certs.d/127.0.0.1:$port"; do
    mkdir -p "$dir"
    cp "$STATE_DIR/registry/tls/ca.crt" "$dir/ca.crt"
  done
}

# A minimal busybox rootfs: every busybox applet as a link, plus the few files tools expect.
build_base_rootfs() {
  local b="$STATE_DIR/base" fs="$STATE_DIR/base/rootfs" a
  rm -rf "$b"
  mkdir -p "$fs"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,proc,sys,dev,var/tmp,home}
  chmod 1777 "$fs/tmp" "$fs/var/tmp"
  cp /bin/busybox "$fs/bin/busybox"
  for a in $(busybox --list); do
    [[ -e $fs/bin/$a ]] || ln -s busybox "$fs/bin/$a"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$fs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$fs/etc/group"
  tar --numeric-owner --owner=0 --group=0 -C "$fs" -cf "$b/rootfs.tar" .
}

cmd_start() {
  [[ $(id -u) -eq 0 ]] || die "start must run as root (engines, /etc/*/certs.d)"
  local t0=$SECONDS tool
  for tool in podman dockerd docker docker-registry busybox htpasswd openssl setsid timeout ip sha256sum; do
    command -v "$tool" >/dev/null || die "$tool missing: run scripts/test-env.sh install"
  done
  # A unix socket path must fit in 108 bytes (dockerd's containerd socket is the deepest one).
  ((${#STATE_DIR} <= 60)) || die "SLIPWAY_TESTENV_DIR too long for unix socket paths: $STATE_DIR"

  # idempotent-ish: a previous env (ours, same state dir) is stopped and wiped first.
  if [[ -f $STATE_DIR/pids ]]; then
    log "previous environment found in $STATE_DIR, stopping it"
    cmd_stop
  fi
  unmount_state
  rm -rf "${STATE_DIR:?}"
  mkdir -p "$STATE_DIR"
  chmod 700 "$STATE_DIR"
  : >"$STATE_DIR/pids"

  # On any failure, tear down what was already started; the logs stay in the state dir.
  trap 'rc=$?; if ((rc != 0)); then log "start failed (exit $rc), stopping what was started; logs in $STATE_DIR"; cmd_stop || true; fi' EXIT

  # Launch everything first, then wait: the services come up in parallel.
  local n
  for n in "${PODMAN_NODES[@]}"; do start_podman_node "$n"; done
  start_dockerd_node "$DOCKERD_NODE"

  make_registry_tls
  local password
  password=$(openssl rand -hex 18)
  # -i: the password comes from stdin, never on a command line; the file holds only the bcrypt hash.
  printf '%s' "$password" | htpasswd -niB "$REG_USER" >"$STATE_DIR/registry/htpasswd" 2>/dev/null
  chmod 600 "$STATE_DIR/registry/htpasswd"
  REG_PORT=
  start_registry
  install_trust "$REG_PORT"
  build_base_rootfs

  local name pid logfile
  while read -r name pid logfile; do
    case $name in
      podman-*) wait_ready "$name" "$pid" "$logfile" docker_api_up "$STATE_DIR/${name#podman-}/api.sock" ;;
      dockerd-*) wait_ready "$name" "$pid" "$logfile" docker_api_up "$STATE_DIR/${name#dockerd-}/docker.sock" ;;
    esac
  done <"$STATE_DIR/pids"

  # Base image: import on node n1's storage, push with the credentials. --creds keeps the password
  # out of any auth file (a `login` would write it, base64 only, to auth.json).
  local first=${PODMAN_NODES[0]} image="127.0.0.1:$REG_PORT/$BASE_REPO:$BASE_TAG"
  pmn "$first" import --quiet \
    --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["/bin/sh"]' \
    --change 'LABEL io.slipway.testenv=base' \
    "$STATE_DIR/base/rootfs.tar" "$image" >/dev/null
  pmn "$first" push --quiet --creds "$REG_USER:$password" "$image" >&2 ||
    { log_tail "$STATE_DIR/registry/registry.log"; die "push of $image failed"; }
  log "pushed $image"

  trap - EXIT
  local nodes="" node_list=()
  for n in "${PODMAN_NODES[@]}"; do node_list+=("unix://$STATE_DIR/$n/api.sock"); done
  node_list+=("unix://$STATE_DIR/$DOCKERD_NODE/docker.sock")
  nodes=$(IFS=,; echo "${node_list[*]}")
  local podman_nodes
  podman_nodes=$(IFS=,; echo "${node_list[*]:0:${#PODMAN_NODES[@]}}")

  emit SLIPWAY_TESTENV_DIR "$STATE_DIR"
  emit SLIPWAY_TEST_NODES "$nodes"
  emit SLIPWAY_TEST_PODMAN_NODES "$podman_nodes"
  emit SLIPWAY_TEST_DOCKERD_NODE "unix://$STATE_DIR/$DOCKERD_NODE/docker.sock"
  emit SLIPWAY_TEST_DOCKER_API_VERSION "1.41"
  emit SLIPWAY_TEST_REGISTRY "127.0.0.1:$REG_PORT"
  emit SLIPWAY_TEST_REGISTRY_CA "$STATE_DIR/registry/tls/ca.crt"
  emit SLIPWAY_TEST_REGISTRY_USER "$REG_USER"
  emit SLIPWAY_TEST_REGISTRY_PASSWORD "$password"
  emit SLIPWAY_TEST_BASE_IMAGE "$image"
  log "environment up in $((SECONDS - t0))s"
}

# Single-quoted so the output stays readable and eval-safe.
emit() { printf "export %s='%s'\n" "$1" "${2//\'/\'\\\'\'}"; }

cmd_status() {
  [[ -f $STATE_DIR/pids ]] || { echo "not running"; return 1; }
  local name pid logfile rc=0
  while read -r name pid logfile; do
    if ours "$pid"; then echo "$name pid $pid running"; else echo "$name pid $pid DEAD (log: $logfile)"; rc=1; fi
  done <"$STATE_DIR/pids"
  return $rc
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 install|start|stop|status" >&2
    exit 2
    ;;
esac
