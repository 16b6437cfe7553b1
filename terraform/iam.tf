# One service account per service, each with only what it uses. The Pub/Sub consumers' grants on
# their subscriptions and dead-letter topics are in modules/pubsub-consumer (pubsub.tf).

locals {
  # drivenotes-<key> => display name
  service_accounts = {
    orchestrator = "DriveNotes orchestrator"
    reporter     = "DriveNotes reporter"
    carla-runner = "DriveNotes carla-runner (GPU VM)"
    dreamer      = "DriveNotes dreamer-service (Vertex AI)"
    scheduler    = "DriveNotes Cloud Scheduler caller"
  }

  # "<service account> <role>" on the project: the orchestrator keeps its state in Firestore, the
  # runners (carla-runner) call the Vertex endpoint, the reporter queries its BigQuery ledger, all
  # services write logs; the metrics collectors beside orchestrator, reporter and carla-runner write
  # their scrapes to Managed Service for Prometheus
  project_roles = toset([
    "orchestrator roles/datastore.user",
    "orchestrator roles/logging.logWriter",
    "carla-runner roles/aiplatform.user",
    # each runner creates its own cancellation subscription (runner-<instance id>) on start
    "carla-runner roles/pubsub.editor",
    "reporter roles/bigquery.jobUser",
    "reporter roles/logging.logWriter",
    "carla-runner roles/logging.logWriter",
    "orchestrator roles/monitoring.metricWriter",
    "reporter roles/monitoring.metricWriter",
    "carla-runner roles/monitoring.metricWriter",
    "dreamer roles/logging.logWriter",
  ])
}

resource "google_service_account" "service" {
  for_each     = local.service_accounts
  account_id   = "drivenotes-${each.key}"
  display_name = each.value
}

resource "google_project_iam_member" "service" {
  for_each = local.project_roles
  project  = var.project_id
  role     = split(" ", each.key)[1]
  member   = google_service_account.service[split(" ", each.key)[0]].member
}

# orchestrator, reporter and runners publish events (the reporter: ReportPublished; the runners:
# EpisodeCompleted, EpisodeFailed, a failed episode's next attempt, RunnerProgress)
resource "google_pubsub_topic_iam_member" "publishes_events" {
  for_each = toset(["orchestrator", "reporter", "carla-runner"])
  topic    = google_pubsub_topic.events.id
  role     = "roles/pubsub.publisher"
  member   = google_service_account.service[each.key].member
}

# the runners write trajectories, the reporter reads them and writes reports
resource "google_storage_bucket_iam_member" "artifacts" {
  for_each = toset(["carla-runner", "reporter"])
  bucket   = google_storage_bucket.artifacts.name
  role     = "roles/storage.objectUser"
  member   = google_service_account.service[each.key].member
}

# the reporter writes BigQuery rows
resource "google_bigquery_dataset_iam_member" "reporter_writes" {
  dataset_id = google_bigquery_dataset.drivenotes.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = google_service_account.service["reporter"].member
}

# the scheduler may only invoke the orchestrator
resource "google_cloud_run_v2_service_iam_member" "scheduler_invokes_orchestrator" {
  name     = module.orchestrator.name
  location = var.region
  role     = "roles/run.invoker"
  member   = google_service_account.service["scheduler"].member
}

# carla-runner VMs pull their image
resource "google_artifact_registry_repository_iam_member" "carla_pulls" {
  repository = google_artifact_registry_repository.images.name
  location   = var.region
  role       = "roles/artifactregistry.reader"
  member     = google_service_account.service["carla-runner"].member
}
