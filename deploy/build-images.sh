#!/usr/bin/env bash
# Builds the service jars and images and pushes them to Artifact Registry.
#   deploy/build-images.sh PROJECT_ID REGION [TAG]   (TAG defaults to the git revision)
set -euo pipefail
PROJECT_ID="${1:?project id}"; REGION="${2:?region}"; TAG="${3:-$(git rev-parse --short HEAD)}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REGISTRY="${REGION}-docker.pkg.dev/${PROJECT_ID}/drivenotes"

cd "$ROOT"
./mvnw -B -q -DskipTests package
gcloud auth configure-docker "${REGION}-docker.pkg.dev" --quiet
while read -r service port; do
  [[ -z "$service" || "$service" == \#* ]] && continue
  docker build -f docker/Dockerfile --build-arg SERVICE="$service" --build-arg PORT="$port" \
    -t "${REGISTRY}/${service}:${TAG}" .
  docker push "${REGISTRY}/${service}:${TAG}"
done < docker/services.env
echo "$TAG"
