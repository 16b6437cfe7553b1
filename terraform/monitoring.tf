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

# Alert when a daily accuracy (or the driving score) regresses: the reporter logs one line per
# regression, "accuracy_regression metric=<name> agent=<agent> day=... value=... threshold=..."
# (RegressionAlerts.LOG_MARKER), when it also publishes AccuracyRegression. RegressionTerraformTest
# checks the marker and the service name against the code and services.tf.
resource "google_logging_metric" "accuracy_regressions" {
  name   = "drivenotes/accuracy_regressions"
  filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"drivenotes-reporter\" AND textPayload:\"accuracy_regression metric=\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    labels {
      key         = "metric"
      value_type  = "STRING"
      description = "the regressed metric, as report.json names it"
    }
    labels {
      key         = "agent"
      value_type  = "STRING"
      description = "the configuration's agent"
    }
  }

  label_extractors = {
    "metric" = "REGEXP_EXTRACT(textPayload, \"accuracy_regression metric=(\\\\S+)\")"
    "agent"  = "REGEXP_EXTRACT(textPayload, \"agent=(\\\\S+)\")"
  }
}

resource "google_monitoring_alert_policy" "accuracy_regression" {
  display_name = "DriveNotes: daily accuracy regression"
  combiner     = "OR"

  conditions {
    display_name = "a daily metric below its trailing band"
    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/drivenotes/accuracy_regressions\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.label.metric", "metric.label.agent"]
      }
    }
  }

  documentation {
    content   = "A daily metric of a configuration (map and agent) fell below its trailing mean less the rule's standard deviations. The day's daily report (reports/daily/YYYY-MM-DD.html in the artifacts bucket) shows the trend and the experiments; the AccuracyRegression event names the experiment."
    mime_type = "text/markdown"
  }

  notification_channels = [for c in google_monitoring_notification_channel.email : c.id]
}
