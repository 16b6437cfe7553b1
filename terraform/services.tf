# Cloud Run: orchestrator and reporter, each an instance of modules/cloud-run-service. Their env
# var names are checked against the code by TerraformCrossCheckTest (orchestrator) and
# BigQueryTerraformTest (reporter); the ports by TerraformCrossCheckTest.

locals {
  registry              = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
  orchestrator_audience = "drivenotes-orchestrator"

  # The port each service listens on: server.port in <service>/src/main/resources/<service>.properties,
  # and the PORT docker/services.env bakes into its image as SERVER_PORT.
  service_ports = {
    orchestrator    = 8080
    carla-runner    = 8081
    dreamer-service = 8082
    reporter        = 8083
  }

  # the Vertex AI endpoint the runners predict with (carla-runner.tf)
  dreamer_endpoint = "https://${var.region}-aiplatform.googleapis.com/v1/projects/${var.project_id}/locations/${var.region}/endpoints/${google_vertex_ai_endpoint.dreamer.name}"

  # settings both Cloud Run services get
  shared_env = {
    SPRING_PROFILES_ACTIVE                                    = "gcp"
    SPRING_CLOUD_GCP_PROJECT_ID                               = var.project_id
    SPRING_CLOUD_GCP_PUBSUB_PUBLISHER_ENABLE_MESSAGE_ORDERING = "true"
    DRIVENOTES_GCP_PUBSUB_MAX_DELIVERY_ATTEMPTS               = var.max_delivery_attempts
    DRIVENOTES_GCP_STORAGE_ARTIFACTS_BUCKET                   = google_storage_bucket.artifacts.name
    DRIVENOTES_SERVICES_CARLA_RUNNER                          = "http://${google_compute_address.carla_runner.address}:${local.service_ports["carla-runner"]}"
    DRIVENOTES_DATA_DIR                                       = "/tmp/drivenotes"
  }
}

module "orchestrator" {
  source           = "./modules/cloud-run-service"
  name             = "drivenotes-orchestrator"
  region           = var.region
  image            = "${local.registry}/orchestrator:${var.image_tag}"
  port             = local.service_ports["orchestrator"]
  service_account  = google_service_account.service["orchestrator"].email
  custom_audiences = [local.orchestrator_audience]
  # experiments are coordinated through Firestore and the bus: any instance records any outcome
  max_instances = 3
  shared_env    = local.shared_env

  env = {
    DRIVENOTES_GCP_FIRESTORE_DATABASE                   = google_firestore_database.state.name
    DRIVENOTES_SCHEDULES_ID_TOKEN_AUDIENCE              = local.orchestrator_audience
    DRIVENOTES_SCHEDULES_ID_TOKEN_SERVICE_ACCOUNT_EMAIL = google_service_account.service["scheduler"].email
    DRIVENOTES_SERVICES_DREAMER_SERVICE                 = local.dreamer_endpoint
    DRIVENOTES_SERVICES_REPORTER                        = module.reporter.uri
  }
}

module "reporter" {
  source          = "./modules/cloud-run-service"
  name            = "drivenotes-reporter"
  region          = var.region
  image           = "${local.registry}/reporter:${var.image_tag}"
  port            = local.service_ports["reporter"]
  service_account = google_service_account.service["reporter"].email
  shared_env      = local.shared_env

  env = {
    DRIVENOTES_GCP_BIGQUERY_DATASET = google_bigquery_dataset.drivenotes.dataset_id
  }
}

# dreamer-service on Vertex AI: Terraform owns the endpoint; deploy/deploy.sh uploads the model
# (the dreamer-service image, Vertex custom-container contract) and deploys it to this endpoint.
resource "google_vertex_ai_endpoint" "dreamer" {
  name         = "drivenotes-dreamer"
  display_name = "drivenotes-dreamer"
  location     = var.region
}
