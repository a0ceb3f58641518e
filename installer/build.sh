#!/usr/bin/env bash
# Builds FaceCheck for installation: a self-contained application image with a jlinked Java runtime, the
# models and the default settings; optionally a Debian package of it.
#
#   installer/build.sh app-image   # -> target/installer/FaceCheck/            (bin/FaceCheck is the launcher)
#   installer/build.sh deb         # -> target/installer/facecheck_VERSION_ARCH.deb
#
# Needs: JDK 17+ with jlink, jdeps, jpackage and its jmods; for `deb` only dpkg-deb (no fakeroot, no root:
# the package is assembled here and built with `dpkg-deb --root-owner-group`). Uses target/facecheck.jar and
# target/lib/ (runs `mvn package -DskipTests` when the jar is missing). See docs/installer.md.
# FACECHECK_DEB_COMPRESSION: dpkg-deb compression options (default "-Zgzip -z9": the payload is mostly
# compressed jars already, on which xz saves little and takes minutes; the tests use "-Znone").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
type="${1:-app-image}"
case "$type" in
  app-image|deb) ;;
  *) echo "usage: installer/build.sh app-image|deb" >&2; exit 1 ;;
esac
cd "$root"
for tool in jlink jdeps jpackage; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found: a full JDK 17+ is needed" >&2; exit 1; }
done
if [ "$type" = deb ] && ! command -v dpkg-deb >/dev/null; then
  echo "build.sh: dpkg-deb not found (Debian/Ubuntu: it is part of dpkg)" >&2; exit 1
fi
[ -f target/facecheck.jar ] && [ -d target/lib ] || mvn -B -q package -DskipTests

version="$(sed -n '/<artifactId>facecheck<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)"
version="${version%-SNAPSHOT}"
out="target/installer"
work="$out/work"
rm -rf "$out" && mkdir -p "$work/input"
t0=$SECONDS
step() { echo "[$((SECONDS - t0)) s] $*"; }

# 1. The Java modules the jar and its libraries use (jdeps), plus those only reached by reflection or
#    service loading that jdeps cannot see: jdk.crypto.ec (EC keys and TLS), jdk.localedata (the kiosk's
#    date in the user's language), jdk.charsets (CSV in legacy encodings), jdk.zipfs (reading jars as file
#    systems), java.logging (java.util.logging of JavaFX and JavaCPP).
step "jdeps"
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path 'target/lib/*' target/facecheck.jar)"
modules="$(echo "$modules,jdk.unsupported,java.sql,java.naming,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,java.logging" \
  | tr ',' '\n' | sort -u | paste -sd, -)"
echo "modules: $modules"

# 2. A small runtime of only those modules.
step "jlink"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"

# 3. The icon, drawn with Java2D (installer/Icon.java).
step "icon"
java -Djava.awt.headless=true installer/Icon.java "$work/facecheck.png" 256
java -Djava.awt.headless=true installer/Icon.java "$work/facecheck-48.png" 48

# 4. The application image: launcher, jars, runtime, models, default settings.
cp target/facecheck.jar "$work/input/"
# hard links where the file system allows (jpackage copies them anyway), else a copy
cp -rl target/lib "$work/input/lib" 2>/dev/null || { rm -rf "$work/input/lib"; cp -r target/lib "$work/input/lib"; }
step "jpackage"
jpackage --type app-image --name FaceCheck --app-version "$version" \
  --description "Face-recognition attendance kiosk" --vendor "FaceCheck" \
  --input "$work/input" --main-jar facecheck.jar --main-class io.facecheck.Main \
  --runtime-image "$work/runtime" --icon "$work/facecheck.png" \
  --dest "$out"
# models and settings beside the jars (where JDK 18+'s --app-content puts them; JDK 17's jpackage lacks it):
# the app finds lib/models by walking up from lib/app/facecheck.jar
cp -r models config "$out/FaceCheck/lib/"
echo "app image: $out/FaceCheck ($(du -sh "$out/FaceCheck" | cut -f1), $((SECONDS - t0)) s)"
if [ "$type" = app-image ]; then
  rm -rf "$work"
  exit 0
fi

# 5. The Debian package, laid out here and built without root (files owned by root in the package).
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
pkg="$work/deb"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/256x256/apps" "$pkg/usr/share/icons/hicolor/48x48/apps" \
  "$pkg/usr/share/facecheck/autostart" "$pkg/usr/lib/systemd/user" "$pkg/usr/share/doc/facecheck"
step "deb"
mv "$out/FaceCheck" "$pkg/opt/facecheck"
# the command is a script, not a link: under the C locale it starts the program with a UTF-8 LC_CTYPE
cp installer/linux/facecheck "$pkg/usr/bin/facecheck" && chmod 755 "$pkg/usr/bin/facecheck"
cp "$work/facecheck.png" "$pkg/usr/share/icons/hicolor/256x256/apps/facecheck.png"
cp "$work/facecheck-48.png" "$pkg/usr/share/icons/hicolor/48x48/apps/facecheck.png"
cp installer/linux/facecheck.desktop "$pkg/usr/share/applications/facecheck.desktop"
# the kiosk autostart and the API service are opt-ins: no file is active until an administrator enables it (docs/installer.md)
cp installer/linux/facecheck-kiosk.desktop "$pkg/usr/share/facecheck/autostart/facecheck-kiosk.desktop"
cp installer/linux/facecheck-kiosk.service "$pkg/usr/lib/systemd/user/facecheck-kiosk.service"
cp installer/linux/facecheck-serve.service "$pkg/usr/lib/systemd/user/facecheck-serve.service"
cp LICENSE "$pkg/usr/share/doc/facecheck/copyright"
cp installer/linux/README.Debian "$pkg/usr/share/doc/facecheck/README.Debian"
chmod -R u+rwX,go+rX,go-w "$pkg"
installed_kb="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_kb/" \
  installer/linux/control > "$pkg/DEBIAN/control"
# No maintainer scripts: nothing runs at install or removal, so removing (even purging) the package never
# touches the users' data in ~/.local/share/facecheck and ~/.config/facecheck. Menus and icon caches are
# refreshed by the desktop-file-utils and hicolor-icon-theme triggers.
deb="$out/facecheck_${version}_${arch}.deb"
# shellcheck disable=SC2086
dpkg-deb --root-owner-group ${FACECHECK_DEB_COMPRESSION:--Zgzip -z9} --build "$pkg" "$deb"
rm -rf "$work"
echo "package: $deb ($(du -h "$deb" | cut -f1), installed $((installed_kb / 1024)) MiB, $((SECONDS - t0)) s)"
