# Where resources lived before each concept was written once (for_each, modules/): these blocks
# let `terraform apply` on an existing deployment rename them in its state instead of destroying
# and recreating them. Keep them until every deployment has applied this version once.

# iam.tf: one google_service_account.service per service, project roles keyed "<account> <role>"
moved {
  from = google_service_account.orchestrator
  to   = google_service_account.service["orchestrator"]
}
moved {
  from = google_service_account.reporter
  to   = google_service_account.service["reporter"]
}
moved {
  from = google_service_account.carla_runner
  to   = google_service_account.service["carla-runner"]
}
moved {
  from = google_service_account.dreamer
  to   = google_service_account.service["dreamer"]
}
moved {
  from = google_service_account.scheduler
  to   = google_service_account.service["scheduler"]
}
moved {
  from = google_project_iam_member.orchestrator_firestore
  to   = google_project_iam_member.service["orchestrator roles/datastore.user"]
}
moved {
  from = google_project_iam_member.orchestrator_vertex
  to   = google_project_iam_member.service["orchestrator roles/aiplatform.user"]
}
moved {
  from = google_project_iam_member.reporter_queries
  to   = google_project_iam_member.service["reporter roles/bigquery.jobUser"]
}
moved {
  from = google_project_iam_member.log_writers["orchestrator"]
  to   = google_project_iam_member.service["orchestrator roles/logging.logWriter"]
}
moved {
  from = google_project_iam_member.log_writers["reporter"]
  to   = google_project_iam_member.service["reporter roles/logging.logWriter"]
}
moved {
  from = google_project_iam_member.log_writers["carla_runner"]
  to   = google_project_iam_member.service["carla-runner roles/logging.logWriter"]
}
moved {
  from = google_project_iam_member.log_writers["dreamer"]
  to   = google_project_iam_member.service["dreamer roles/logging.logWriter"]
}
moved {
  from = google_pubsub_topic_iam_member.orchestrator_publishes
  to   = google_pubsub_topic_iam_member.publishes_events["orchestrator"]
}
moved {
  from = google_pubsub_topic_iam_member.reporter_publishes
  to   = google_pubsub_topic_iam_member.publishes_events["reporter"]
}
moved {
  from = google_storage_bucket_iam_member.orchestrator_artifacts
  to   = google_storage_bucket_iam_member.artifacts["orchestrator"]
}
moved {
  from = google_storage_bucket_iam_member.reporter_artifacts
  to   = google_storage_bucket_iam_member.artifacts["reporter"]
}

# pubsub.tf: one module.consumer per consumer group, with its dead-letter topic and grants
moved {
  from = google_pubsub_subscription.orchestrator
  to   = module.consumer["orchestrator"].google_pubsub_subscription.this
}
moved {
  from = google_pubsub_topic.orchestrator_dead_letter
  to   = module.consumer["orchestrator"].google_pubsub_topic.dead_letter
}
moved {
  from = google_pubsub_subscription.orchestrator_dead_letter_hold
  to   = module.consumer["orchestrator"].google_pubsub_subscription.dead_letter_hold
}
moved {
  from = google_pubsub_subscription_iam_member.orchestrator_subscribes
  to   = module.consumer["orchestrator"].google_pubsub_subscription_iam_member.subscriber["consumer"]
}
moved {
  from = google_pubsub_subscription_iam_member.orchestrator_dead_letter_subscriber
  to   = module.consumer["orchestrator"].google_pubsub_subscription_iam_member.subscriber["pubsub_agent"]
}
moved {
  from = google_pubsub_topic_iam_member.orchestrator_dead_letters
  to   = module.consumer["orchestrator"].google_pubsub_topic_iam_member.dead_letter_publisher["consumer"]
}
moved {
  from = google_pubsub_topic_iam_member.orchestrator_dead_letter_publisher
  to   = module.consumer["orchestrator"].google_pubsub_topic_iam_member.dead_letter_publisher["pubsub_agent"]
}
moved {
  from = google_pubsub_subscription.reporter
  to   = module.consumer["reporter"].google_pubsub_subscription.this
}
moved {
  from = google_pubsub_topic.reporter_dead_letter
  to   = module.consumer["reporter"].google_pubsub_topic.dead_letter
}
moved {
  from = google_pubsub_subscription.reporter_dead_letter_hold
  to   = module.consumer["reporter"].google_pubsub_subscription.dead_letter_hold
}
moved {
  from = google_pubsub_subscription_iam_member.reporter_subscribes
  to   = module.consumer["reporter"].google_pubsub_subscription_iam_member.subscriber["consumer"]
}
moved {
  from = google_pubsub_subscription_iam_member.reporter_dead_letter_subscriber
  to   = module.consumer["reporter"].google_pubsub_subscription_iam_member.subscriber["pubsub_agent"]
}
moved {
  from = google_pubsub_topic_iam_member.reporter_dead_letters
  to   = module.consumer["reporter"].google_pubsub_topic_iam_member.dead_letter_publisher["consumer"]
}
moved {
  from = google_pubsub_topic_iam_member.reporter_dead_letter_publisher
  to   = module.consumer["reporter"].google_pubsub_topic_iam_member.dead_letter_publisher["pubsub_agent"]
}

# bigquery.tf: one google_bigquery_table.tables per table
moved {
  from = google_bigquery_table.experiments
  to   = google_bigquery_table.tables["experiments"]
}
moved {
  from = google_bigquery_table.episodes
  to   = google_bigquery_table.tables["episodes"]
}
moved {
  from = google_bigquery_table.notes
  to   = google_bigquery_table.tables["notes"]
}
moved {
  from = google_bigquery_table.metrics_daily
  to   = google_bigquery_table.tables["metrics_daily"]
}
moved {
  from = google_bigquery_table.processed_events
  to   = google_bigquery_table.tables["processed_events"]
}

# bigquery.tf: the two layers of views are calls of modules/bigquery-views
moved {
  from = google_bigquery_table.latest_views
  to   = module.latest_views.google_bigquery_table.view
}
moved {
  from = google_bigquery_table.dashboard_views
  to   = module.dashboard_views.google_bigquery_table.view
}

# services.tf: one modules/cloud-run-service per Cloud Run service
moved {
  from = google_cloud_run_v2_service.orchestrator
  to   = module.orchestrator.google_cloud_run_v2_service.this
}
moved {
  from = google_cloud_run_v2_service.reporter
  to   = module.reporter.google_cloud_run_v2_service.this
}
