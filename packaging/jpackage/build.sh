#!/usr/bin/env bash
# Builds the Slipway app-image and/or .deb with jpackage from target/slipway.jar + target/lib.
# Usage: packaging/jpackage/build.sh [app-image|deb|all] [OUT_DIR]   (default: all, target/jpackage)
# Runs `mvn package` first when the jar is missing. The launcher is the plain io.slipway.Main class.
# The runtime keeps bin/java: jlink needs it to write the base CDS archive the application archive sits on.
# The app-image ships an AppCDS archive (lib/app/slipway.jsa) of the classes one start of the image loads up to its
# first frame under Xvfb, which its launcher maps at every start (-XX:SharedArchiveFile=$APPDIR/slipway.jsa); the
# .deb is packaged from that image and dumps the archive again where it is installed. SLIPWAY_NO_CDS=1 skips it.
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

app_image() {
  rm -rf "$out/Slipway"
  echo "jpackage --type app-image -> $out" >&2
  jpackage --type app-image --dest "$out" --input "$stage" --app-version "$app_version" \
    --add-modules "$(tr -d '\n' < "$here/modules.txt")" @"$here/common.args" @"$here/image.args" \
    --icon "$root/src/main/resources/icons/slipway-256.png"
  [ "${SLIPWAY_NO_CDS:-0}" = 1 ] || archive_classes "$out/Slipway"
  desktop_files "$out/Slipway/lib/share"
}

# What the .deb's postinst installs outside /opt/slipway: the PATH command, desktop entry, icon, SBOM file types,
# and the bash/zsh completion and man pages generated from the command tree (picocli, picocli-codegen, asciidoctor).
desktop_files() {
  local share=$1 gen
  gen=$(mktemp -d)
  mkdir -p "$share/man" "$share/completion"
  cp "$here"/desktop/* "$share/"
  cp "$root/src/main/resources/icons/slipway-256.png" "$share/slipway.png"
  (cd "$root" && mvn -q -ntp dependency:copy -Dartifact=info.picocli:picocli-codegen:4.7.7 -DoutputDirectory="$gen/lib")
  java -cp "$build/classes:$build/lib/*:$gen/lib/*" io.slipway.cli.ShellDocs "$gen/out"
  cp "$gen/out/completion/slipway" "$share/completion/slipway"
  command -v asciidoctor >/dev/null || { apt-get update -q >&2 && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends asciidoctor >&2; }
  asciidoctor -b manpage -D "$share/man" "$gen"/out/man/*.adoc
  rm -rf "$gen"
  echo "desktop files: $(ls "$share" | tr '\n' ' '); $(ls "$share/man" | wc -l) man pages" >&2
}

# One start to the first frame (under Xvfb) lists the classes it loads (lib/app/slipway.classlist, independent of
# where the image lies); the launcher's configuration names the archive ($APPDIR/slipway.jsa), which a dump from
# that list writes: here for the image, and again by the .deb's postinst at the installed path (an archive only
# maps classes from the paths it was dumped at).
archive_classes() {
  local img=$1 ws
  ws=$(mktemp -d)
  (
    . "$root/scripts/xvfb-lib.sh"
    xvfb_install
    xvfb_start "${SLIPWAY_DISPLAY:-:96}"
    SLIPWAY_EXIT_AFTER_FIRST_FRAME=1 JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$img/lib/app/slipway.classlist" \
      "$img/bin/Slipway" --workspace "$ws/ws" >/dev/null 2>"$ws/err" \
      || { echo "training start of $img failed:" >&2; cat "$ws/err" >&2; exit 1; }
  )
  rm -rf "$ws"
  [ -s "$img/lib/app/slipway.classlist" ] || { echo "no class list written" >&2; return 1; }
  # jpackage expands $APPDIR at launch
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/slipway.jsa\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off|' \
    "$img/lib/app/Slipway.cfg"
  "$here/resources/dump-classes" "$img"
  echo "AppCDS archive: $(du -h "$img/lib/app/slipway.jsa" | cut -f1)" >&2
}

deb() {
  [ -x "$out/Slipway/bin/Slipway" ] || app_image
  echo "jpackage --type deb -> $out" >&2
  # the image's archive holds its own paths; postinst dumps one for /opt/slipway
  local keep
  keep=$(mktemp -d)
  [ ! -f "$out/Slipway/lib/app/slipway.jsa" ] || mv "$out/Slipway/lib/app/slipway.jsa" "$keep/"
  cp "$here/resources/dump-classes" "$out/Slipway/lib/share/dump-classes"
  jpackage --type deb --dest "$out" --app-image "$out/Slipway" --app-version "$app_version" \
    @"$here/common.args" @"$here/deb.args" --resource-dir "$here/resources"
  [ ! -f "$keep/slipway.jsa" ] || mv "$keep/slipway.jsa" "$out/Slipway/lib/app/"
  rm -rf "$keep"
}

case "$what" in
  app-image) app_image ;;
  deb) deb ;;
  all) app_image; deb ;;
  *) echo "usage: $0 [app-image|deb|all] [OUT_DIR]" >&2; exit 2 ;;
esac
ls -1 "$out" >&2
