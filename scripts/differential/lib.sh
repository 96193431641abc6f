#!/usr/bin/env bash
# Shared by the differential suites: run a daemon's own parser on a system root as if the root were
# the machine, without touching the machine. The command runs in a private mount namespace where
# /etc is a fresh tmpfs holding the root's etc/ (plus the host's user and library-cache files the
# daemon needs only to start, when the root lacks them), /run is empty, and every other top folder
# the root carries (usr/, var/, srv/, opt/) is laid over the host's with overlayfs, the root's files
# winning. Nothing the daemon reads is rewritten, so what is compared is what the daemon reads.
# Needs root (CI runs as root); util-linux unshare and a kernel with overlayfs.
#
# IN_ROOT_LAYERS (optional): colon-separated directories laid between the root and the host, the
# root's files winning: for programs whose binaries live where the root's distribution puts them but
# this machine does not (Red Hat's httpd modules under /usr/lib64/httpd/modules; see apache.sh).

# in_root ROOT CMD [ARG...]: run CMD with ROOT seen as /.
in_root() {
  local root scratch rc
  root="$(cd "$1" && pwd)"
  shift
  scratch="$(mktemp -d /tmp/chuan-diff.XXXXXX)" # removed when the command is done
  unshare -m --propagation private -- bash -c '
    set -e
    root="$1"; scratch="$2"; shift 2
    mkdir -p "$scratch/host-etc"
    mount --bind /etc "$scratch/host-etc"
    mount -t tmpfs tmpfs /etc
    # only what a daemon needs to start at all; the root'\''s own copies win when it has them
    for f in passwd group shadow gshadow nsswitch.conf hosts ld.so.cache ld.so.conf localtime; do
      [ -e "$scratch/host-etc/$f" ] && cp -a "$scratch/host-etc/$f" /etc/
    done
    [ -d "$root/etc" ] && cp -a "$root/etc/." /etc/
    mount -t tmpfs tmpfs /run
    mkdir -p /run/sshd /run/nginx /run/apache2 /run/httpd /run/lock
    for top in usr var srv opt; do
      lower=""
      [ -d "$root/$top" ] && lower="$root/$top"
      IFS=: read -r -a layers <<< "${IN_ROOT_LAYERS:-}"
      for layer in "${layers[@]}"; do
        [ -n "$layer" ] && [ -d "$layer/$top" ] && lower="${lower:+$lower:}$layer/$top"
      done
      if [ -n "$lower" ]; then
        mount -t overlay overlay -o "lowerdir=$lower:/$top" "/$top"
      fi
    done
    exec "$@"
  ' in_root "$root" "$scratch" "$@"
  rc=$?
  rm -rf "$scratch"
  return $rc
}

# one summary line per daemon, the format CI greps: "DAEMON: N roots, K keys compared, M mismatches"
summary() {
  printf '%s: %d roots, %d files, %d keys compared, %d mismatches\n' "$1" "$2" "$3" "$4" "$5"
}
