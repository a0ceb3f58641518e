#!/usr/bin/env bash
# Builds a self-contained FaceCheck application image (bundled Java runtime, models, config) with jpackage.
#   installer/build-app-image.sh            # -> target/installer/FaceCheck/
#   installer/build-app-image.sh deb        # -> a .deb (needs fakeroot/dpkg on Linux)
# Needs: JDK 17+ (jpackage), Maven. The app finds models/ by walking up from its jar (io.facecheck.models.Models).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
type="${1:-app-image}"
cd "$root"
[ -f target/facecheck.jar ] || mvn -B -q package -DskipTests
stage="target/installer/input"
rm -rf target/installer && mkdir -p "$stage"
cp target/facecheck.jar "$stage/"
cp -r target/lib "$stage/lib"
jpackage --type "$type" --name FaceCheck --app-version 0.1.0 \
  --input "$stage" --main-jar facecheck.jar --main-class io.facecheck.Main \
  --app-content models --app-content config \
  --dest target/installer
echo "written under target/installer/"
