# One service account per service, each with only what it uses.

resource "google_service_account" "orchestrator" {
  account_id   = "drivenotes-orchestrator"
  display_name = "DriveNotes orchestrator"
}

resource "google_service_account" "reporter" {
  account_id   = "drivenotes-reporter"
  display_name = "DriveNotes reporter"
}

resource "google_service_account" "carla_runner" {
  account_id   = "drivenotes-carla-runner"
  display_name = "DriveNotes carla-runner (GPU VM)"
}

resource "google_service_account" "dreamer" {
  account_id   = "drivenotes-dreamer"
  display_name = "DriveNotes dreamer-service (Vertex AI)"
}

resource "google_service_account" "scheduler" {
  account_id   = "drivenotes-scheduler"
  display_name = "DriveNotes Cloud Scheduler caller"
}

# orchestrator: state in Firestore, publishes events, reads report events, writes trajectories,
# calls the Vertex endpoint
resource "google_project_iam_member" "orchestrator_firestore" {
  project = var.project_id
  role    = "roles/datastore.user"
  member  = "serviceAccount:${google_service_account.orchestrator.email}"
}

resource "google_pubsub_topic_iam_member" "orchestrator_publishes" {
  topic  = google_pubsub_topic.events.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.orchestrator.email}"
}

resource "google_pubsub_subscription_iam_member" "orchestrator_subscribes" {
  subscription = google_pubsub_subscription.orchestrator.id
  role         = "roles/pubsub.subscriber"
  member       = "serviceAccount:${google_service_account.orchestrator.email}"
}

resource "google_pubsub_topic_iam_member" "orchestrator_dead_letters" {
  topic  = google_pubsub_topic.orchestrator_dead_letter.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.orchestrator.email}"
}

resource "google_storage_bucket_iam_member" "orchestrator_artifacts" {
  bucket = google_storage_bucket.artifacts.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.orchestrator.email}"
}

resource "google_project_iam_member" "orchestrator_vertex" {
  project = var.project_id
  role    = "roles/aiplatform.user"
  member  = "serviceAccount:${google_service_account.orchestrator.email}"
}

# reporter: consumes events, publishes ReportPublished, reads trajectories and writes reports,
# writes BigQuery rows and reads its ledger
resource "google_pubsub_topic_iam_member" "reporter_publishes" {
  topic  = google_pubsub_topic.events.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.reporter.email}"
}

resource "google_pubsub_subscription_iam_member" "reporter_subscribes" {
  subscription = google_pubsub_subscription.reporter.id
  role         = "roles/pubsub.subscriber"
  member       = "serviceAccount:${google_service_account.reporter.email}"
}

resource "google_pubsub_topic_iam_member" "reporter_dead_letters" {
  topic  = google_pubsub_topic.reporter_dead_letter.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.reporter.email}"
}

resource "google_storage_bucket_iam_member" "reporter_artifacts" {
  bucket = google_storage_bucket.artifacts.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.reporter.email}"
}

resource "google_bigquery_dataset_iam_member" "reporter_writes" {
  dataset_id = google_bigquery_dataset.drivenotes.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.reporter.email}"
}

resource "google_project_iam_member" "reporter_queries" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = "serviceAccount:${google_service_account.reporter.email}"
}

# scheduler: may only invoke the orchestrator
resource "google_cloud_run_v2_service_iam_member" "scheduler_invokes_orchestrator" {
  name     = google_cloud_run_v2_service.orchestrator.name
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.scheduler.email}"
}

# all services write logs and metrics
resource "google_project_iam_member" "log_writers" {
  for_each = {
    orchestrator = google_service_account.orchestrator.email
    reporter     = google_service_account.reporter.email
    carla_runner = google_service_account.carla_runner.email
    dreamer      = google_service_account.dreamer.email
  }
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${each.value}"
}

# carla-runner VMs pull their image
resource "google_artifact_registry_repository_iam_member" "carla_pulls" {
  repository = google_artifact_registry_repository.images.name
  location   = var.region
  role       = "roles/artifactregistry.reader"
  member     = "serviceAccount:${google_service_account.carla_runner.email}"
}
