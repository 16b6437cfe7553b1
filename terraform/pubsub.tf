# One topic carries every event envelope (ordering key = experiment id). Each consumer group has a
# pull subscription with message ordering, a dead-letter topic and a subscription holding the dead
# letters. Names must match dev.drivenotes.platform.gcp.pubsub.PubSubNames (TerraformCrossCheckTest).

resource "google_pubsub_topic" "events" {
  name                       = "drivenotes-events"
  message_retention_duration = "604800s"
}

resource "google_pubsub_topic" "orchestrator_dead_letter" {
  name = "drivenotes-events-orchestrator-dead-letter"
}

resource "google_pubsub_subscription" "orchestrator_dead_letter_hold" {
  name                       = "drivenotes-events-orchestrator-dead-letter-hold"
  topic                      = google_pubsub_topic.orchestrator_dead_letter.id
  message_retention_duration = "1209600s"
  ack_deadline_seconds       = 60
}

resource "google_pubsub_subscription" "orchestrator" {
  name                    = "drivenotes-events-orchestrator"
  topic                   = google_pubsub_topic.events.id
  ack_deadline_seconds    = 60
  enable_message_ordering = true

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.orchestrator_dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = "5s"
    maximum_backoff = "300s"
  }
}

resource "google_pubsub_topic" "reporter_dead_letter" {
  name = "drivenotes-events-reporter-dead-letter"
}

resource "google_pubsub_subscription" "reporter_dead_letter_hold" {
  name                       = "drivenotes-events-reporter-dead-letter-hold"
  topic                      = google_pubsub_topic.reporter_dead_letter.id
  message_retention_duration = "1209600s"
  ack_deadline_seconds       = 60
}

resource "google_pubsub_subscription" "reporter" {
  name                    = "drivenotes-events-reporter"
  topic                   = google_pubsub_topic.events.id
  ack_deadline_seconds    = 60
  enable_message_ordering = true

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.reporter_dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = "5s"
    maximum_backoff = "300s"
  }
}

# Pub/Sub's own service agent moves dead letters: it must publish to the dead-letter topics and
# subscribe (ack) on the source subscriptions.
data "google_project" "this" {}

locals {
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_topic_iam_member" "orchestrator_dead_letter_publisher" {
  topic  = google_pubsub_topic.orchestrator_dead_letter.id
  role   = "roles/pubsub.publisher"
  member = local.pubsub_agent
}

resource "google_pubsub_topic_iam_member" "reporter_dead_letter_publisher" {
  topic  = google_pubsub_topic.reporter_dead_letter.id
  role   = "roles/pubsub.publisher"
  member = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "orchestrator_dead_letter_subscriber" {
  subscription = google_pubsub_subscription.orchestrator.id
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "reporter_dead_letter_subscriber" {
  subscription = google_pubsub_subscription.reporter.id
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}
