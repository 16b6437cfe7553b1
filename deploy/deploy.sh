#!/usr/bin/env bash
# Deploys one version: images (build-images.sh), infrastructure and Cloud Run revisions
# (apply.sh), and dreamer-service as a Vertex AI model on the Terraform-made endpoint.
#   [DREAMER_ARTIFACT_URI=gs://BUCKET/dreamer/RUN/] deploy/deploy.sh PROJECT_ID REGION [TAG]
# DREAMER_ARTIFACT_URI: a Cloud Storage folder with a checkpoint (checkpoint.json, params.ndlist);
# Vertex AI hands it to dreamer-service as AIP_STORAGE_URI. Unset: the checkpoint bundled in the image.
set -euo pipefail
PROJECT_ID="${1:?project id}"; REGION="${2:?region}"
HERE="$(cd "$(dirname "$0")" && pwd)"
TAG="${3:-$("$HERE/build-images.sh" "$PROJECT_ID" "$REGION" | tail -n 1)}"
"$HERE/apply.sh" "$PROJECT_ID" "$REGION" "$TAG"

REGISTRY="${REGION}-docker.pkg.dev/${PROJECT_ID}/drivenotes"
# the port the image listens on (docker/services.env, baked in as SERVER_PORT by build-images.sh)
PORT="$(awk '$1 == "dreamer-service" {print $2}' "$HERE/../docker/services.env")"
ENDPOINT="$(cd "$HERE/../terraform" && terraform output -raw dreamer_endpoint_id)"
MODEL_ID="$(gcloud ai models upload --project "$PROJECT_ID" --region "$REGION" \
  --display-name "drivenotes-dreamer-${TAG}" \
  --container-image-uri "${REGISTRY}/dreamer-service:${TAG}" \
  --container-ports "$PORT" --container-predict-route /v1/predict --container-health-route /v1/health \
  ${DREAMER_ARTIFACT_URI:+--artifact-uri "$DREAMER_ARTIFACT_URI"} \
  --format 'value(model)')"
gcloud ai endpoints deploy-model "$ENDPOINT" --project "$PROJECT_ID" --region "$REGION" \
  --model "$MODEL_ID" --display-name "dreamer-${TAG}" --machine-type n1-standard-4 \
  --min-replica-count 1 --max-replica-count 4 --traffic-split 0=100
echo "deployed ${TAG}"
