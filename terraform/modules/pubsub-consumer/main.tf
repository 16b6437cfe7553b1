# One consumer group of the events topic: its pull subscription (message ordering on), a
# dead-letter topic, a subscription holding the dead letters, and who may use them. The names
# follow dev.drivenotes.platform.gcp.pubsub.PubSubNames: <subscription>-dead-letter[-hold].

locals {
  dead_letter_topic        = "${var.subscription}-dead-letter"
  dead_letter_subscription = "${local.dead_letter_topic}-hold"

  # The consumer acks what it handled and dead-letters by publishing itself (docs/gcp.md);
  # Pub/Sub's service agent does the same when the subscription's dead-letter policy fires.
  members = {
    consumer     = var.consumer_member
    pubsub_agent = var.pubsub_agent_member
  }
}

resource "google_pubsub_topic" "dead_letter" {
  name = local.dead_letter_topic
}

resource "google_pubsub_subscription" "dead_letter_hold" {
  name                       = local.dead_letter_subscription
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = "1209600s"
  ack_deadline_seconds       = 60
}

resource "google_pubsub_subscription" "this" {
  name                    = var.subscription
  topic                   = var.topic
  ack_deadline_seconds    = 60
  enable_message_ordering = true
  filter                  = var.filter

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = "5s"
    maximum_backoff = "300s"
  }
}

resource "google_pubsub_subscription_iam_member" "subscriber" {
  for_each     = local.members
  subscription = google_pubsub_subscription.this.id
  role         = "roles/pubsub.subscriber"
  member       = each.value
}

resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  for_each = local.members
  topic    = google_pubsub_topic.dead_letter.id
  role     = "roles/pubsub.publisher"
  member   = each.value
}
