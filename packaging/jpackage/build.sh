#!/usr/bin/env bash
# Builds the Slipway app-image and/or .deb with jpackage from target/slipway.jar + target/lib.
# Usage: packaging/jpackage/build.sh [app-image|deb|all] [OUT_DIR]   (default: all, target/jpackage)
# Runs `mvn package` first when the jar is missing. The launcher is the plain io.slipway.Main class.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
what=${1:-all}
build=${SLIPWAY_BUILD_DIR:-$root/target}
out=${2:-$build/jpackage}

if [ ! -f "$build/slipway.jar" ]; then
  (cd "$root" && mvn -q -ntp -DskipTests package)
fi
version=$(sed -n 's/^version=//p' "$build/classes/slipway-version.properties")
# jpackage wants a plain numeric version; drop any -SNAPSHOT style suffix.
app_version=${version%%-*}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$build/slipway.jar" "$stage/"
cp -r "$build/lib" "$stage/lib"
mkdir -p "$out"

run_jpackage() {
  local type=$1; shift
  echo "jpackage --type $type -> $out" >&2
  jpackage --type "$type" --dest "$out" --input "$stage" --app-version "$app_version" \
    --add-modules "$(tr -d '\n' < "$here/modules.txt")" @"$here/common.args" "$@"
}

case "$what" in
  app-image) rm -rf "$out/Slipway"; run_jpackage app-image ;;
  deb) run_jpackage deb @"$here/deb.args" ;;
  all) rm -rf "$out/Slipway"; run_jpackage app-image; run_jpackage deb @"$here/deb.args" ;;
  *) echo "usage: $0 [app-image|deb|all] [OUT_DIR]" >&2; exit 2 ;;
esac
ls -1 "$out" >&2
