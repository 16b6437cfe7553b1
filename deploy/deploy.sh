#!/usr/bin/env bash
# Deploys one version: images (build-images.sh), infrastructure and Cloud Run revisions
# (apply.sh), and dreamer-service as a Vertex AI model on the Terraform-made endpoint.
#   deploy/deploy.sh PROJECT_ID REGION [TAG]
set -euo pipefail
PROJECT_ID="${1:?project id}"; REGION="${2:?region}"
HERE="$(cd "$(dirname "$0")" && pwd)"
TAG="${3:-$("$HERE/build-images.sh" "$PROJECT_ID" "$REGION" | tail -n 1)}"
"$HERE/apply.sh" "$PROJECT_ID" "$REGION" "$TAG"

REGISTRY="${REGION}-docker.pkg.dev/${PROJECT_ID}/drivenotes"
ENDPOINT="$(cd "$HERE/../terraform" && terraform output -raw dreamer_endpoint_id)"
MODEL_ID="$(gcloud ai models upload --project "$PROJECT_ID" --region "$REGION" \
  --display-name "drivenotes-dreamer-${TAG}" \
  --container-image-uri "${REGISTRY}/dreamer-service:${TAG}" \
  --container-ports 8082 --container-predict-route /v1/predict --container-health-route /v1/health \
  --format 'value(model)')"
gcloud ai endpoints deploy-model "$ENDPOINT" --project "$PROJECT_ID" --region "$REGION" \
  --model "$MODEL_ID" --display-name "dreamer-${TAG}" --machine-type n1-standard-4 \
  --min-replica-count 1 --max-replica-count 4 --traffic-split 0=100
echo "deployed ${TAG}"
