# One topic carries every event envelope (ordering key = experiment id; a work item's is its episode
# id, so that runners take one experiment's episodes at once). Each consumer group gets
# modules/pubsub-consumer: a pull subscription with message ordering, a dead-letter topic and a
# subscription holding the dead letters. Names must match
# dev.drivenotes.platform.gcp.pubsub.PubSubNames (TerraformCrossCheckTest).

locals {
  events_topic = "drivenotes-events"
  # the message attribute naming an event's type (PubSubNames.ATTRIBUTE_TYPE)
  type_attribute = "type"

  # consumer group (PubSubNames.CONSUMERS) => the service account that pulls its subscription
  consumers = {
    orchestrator = google_service_account.service["orchestrator"].member
    reporter     = google_service_account.service["reporter"].member
    # the episodes' work items (EpisodeRequested), shared by every carla-runner VM; its backlog
    # (num_undelivered_messages) is what the runner group autoscales on (carla-runner.tf)
    runner-work = google_service_account.service["carla-runner"].member
  }

  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

data "google_project" "this" {}

resource "google_pubsub_topic" "events" {
  name                       = local.events_topic
  message_retention_duration = "604800s"
}

module "consumer" {
  source   = "./modules/pubsub-consumer"
  for_each = local.consumers

  topic        = google_pubsub_topic.events.id
  subscription = "${local.events_topic}-${each.key}"
  # the runners' subscription holds only work items, so that its backlog counts waiting episodes
  filter                = each.key == "runner-work" ? "attributes.${local.type_attribute} = \"EpisodeRequested\"" : ""
  max_delivery_attempts = var.max_delivery_attempts
  consumer_member       = each.value
  pubsub_agent_member   = local.pubsub_agent
}
