#!/usr/bin/env bash
# Rolls back to an earlier image tag: Cloud Run services back to the images of TAG (terraform
# apply with that tag), and the Vertex endpoint's traffic back to the model deployed for TAG.
#   deploy/rollback.sh PROJECT_ID REGION TAG
set -euo pipefail
PROJECT_ID="${1:?project id}"; REGION="${2:?region}"; TAG="${3:?tag to roll back to}"
HERE="$(cd "$(dirname "$0")" && pwd)"
"$HERE/apply.sh" "$PROJECT_ID" "$REGION" "$TAG"

ENDPOINT="$(cd "$HERE/../terraform" && terraform output -raw dreamer_endpoint_id)"
DEPLOYED="$(gcloud ai endpoints describe "$ENDPOINT" --project "$PROJECT_ID" --region "$REGION" \
  --format json | python3 -c "import json,sys; d=json.load(sys.stdin)
print(next(m['id'] for m in d.get('deployedModels', []) if m['displayName']=='dreamer-${TAG}'))")"
gcloud ai endpoints update "$ENDPOINT" --project "$PROJECT_ID" --region "$REGION" \
  --traffic-split "${DEPLOYED}=100"
echo "rolled back to ${TAG}"
