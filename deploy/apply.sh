#!/usr/bin/env bash
# Creates or updates the infrastructure (terraform/) for a given image tag.
#   deploy/apply.sh PROJECT_ID REGION TAG
set -euo pipefail
PROJECT_ID="${1:?project id}"; REGION="${2:?region}"; TAG="${3:?image tag}"
cd "$(dirname "$0")/../terraform"
terraform init -input=false
terraform apply -input=false -var "project_id=${PROJECT_ID}" -var "region=${REGION}" -var "image_tag=${TAG}"
