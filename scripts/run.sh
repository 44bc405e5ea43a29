#!/usr/bin/env bash
# The README's run command on a fresh Debian 12 machine: installs what is missing (JDK 17, Maven, GTK 3 for the
# window; apt-get, as root or through sudo), builds target/slipway.jar when missing or older than the sources,
# and starts Slipway with its arguments (none: the console; e.g. `scripts/run.sh --help`, `scripts/run.sh audit
# verify`).
# Start-up: the JVM maps the console's classes from an AppCDS archive (target/slipway.jsa): the first console start
# after a build writes it (-XX:ArchiveClassesAtExit), later starts map it (-XX:SharedArchiveFile).
# SLIPWAY_NO_CDS=1 starts without the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${SLIPWAY_BUILD_DIR:-target}

install_missing() {
  local missing=()
  command -v javac >/dev/null && javac -version 2>&1 | grep -q ' 17\.' || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  [ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || missing+=(libgtk-3-0)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

stale_jar() {
  [ ! -f "$build/slipway.jar" ] || [ -n "$(find src pom.xml sample -newer "$build/slipway.jar" -type f -print -quit)" ]
}

install_missing
if stale_jar; then
  mvn -B -q -ntp -DskipTests -Dslipway.buildDir="$(realpath -m "$build")" package >&2
fi

opens_console() { # no subcommand among the arguments
  local a
  for a in "$@"; do
    case "$a" in workspace|audit|nodes|deploy|registry|sbom|help|-h|--help|-V|--version) return 1 ;; esac
  done
}

java=(java -Xlog:cds=off -Xlog:cds+dynamic=off)
jsa="$build/slipway.jsa"
if [ "${SLIPWAY_NO_CDS:-0}" != 1 ]; then
  if [ -f "$jsa" ] && [ "$jsa" -nt "$build/slipway.jar" ]; then
    java+=("-XX:SharedArchiveFile=$jsa")
  elif opens_console "$@"; then # an archive of the console's classes, not of one command's
    rm -f "$jsa"
    java+=("-XX:ArchiveClassesAtExit=$jsa")
  fi
fi
exec "${java[@]}" -Dorg.spdx.useJARLicenseInfoOnly=true -jar "$build/slipway.jar" "$@"
