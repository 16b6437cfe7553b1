# Alert when a daily run fails: the orchestrator logs "experiment <id> failed" (ExperimentService).
resource "google_logging_metric" "failed_experiments" {
  name   = "drivenotes/failed_experiments"
  filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"drivenotes-orchestrator\" AND severity>=ERROR AND textPayload:\"failed:\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}

resource "google_monitoring_notification_channel" "email" {
  count        = var.alert_email == "" ? 0 : 1
  display_name = "DriveNotes on-call"
  type         = "email"
  labels = {
    email_address = var.alert_email
  }
}

resource "google_monitoring_alert_policy" "failed_daily_run" {
  display_name = "DriveNotes: daily experiment failed"
  combiner     = "OR"

  conditions {
    display_name = "failed experiments > 0"
    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/drivenotes/failed_experiments\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_SUM"
      }
    }
  }

  # dead letters waiting are failed work too
  conditions {
    display_name = "dead letters held"
    condition_threshold {
      filter          = "metric.type=\"pubsub.googleapis.com/subscription/num_undelivered_messages\" AND resource.type=\"pubsub_subscription\" AND resource.label.subscription_id=monitoring.regex.full_match(\"drivenotes-events-.*-dead-letter-hold\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "300s"
      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }

  notification_channels = [for c in google_monitoring_notification_channel.email : c.id]
}
