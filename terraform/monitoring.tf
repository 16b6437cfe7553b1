# Alert when a daily run fails: the orchestrator logs "experiment <id> failed: ..." (ExperimentService),
# in Cloud Logging's JSON under the gcp profile (CloudLoggingFormat), so the text is jsonPayload.message.
resource "google_logging_metric" "failed_experiments" {
  name   = "drivenotes/failed_experiments"
  filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"drivenotes-orchestrator\" AND severity>=ERROR AND jsonPayload.message:\"failed:\""

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

# The services' own meters (drivenotes_*, scraped from /actuator/prometheus into Managed Service for
# Prometheus): the panels of deploy/grafana/dashboards/drivenotes.json, as a Cloud Monitoring dashboard.
resource "google_monitoring_dashboard" "drivenotes" {
  dashboard_json = file("${path.module}/dashboards/drivenotes.json")
}

# Alerts on the services' meters, one policy each (PromQL over Managed Service for Prometheus).
locals {
  promql_alerts = {
    failed_experiments_metric = {
      display_name = "DriveNotes: experiment FAILED (meter)"
      condition    = "drivenotes_experiments_total{status=FAILED} increased"
      query        = "sum(increase(drivenotes_experiments_total{status=\"FAILED\"}[30m])) > 0"
      duration     = "0s"
    }
    dead_letters = {
      display_name = "DriveNotes: events dead-lettered"
      condition    = "drivenotes_events_dead_letters_total increased"
      query        = "sum by (subscription) (increase(drivenotes_events_dead_letters_total[10m])) > 0"
      duration     = "0s"
    }
    predict_p99 = {
      display_name = "DriveNotes: predict p99 latency high"
      condition    = "predict p99 above ${var.predict_p99_alert_seconds} s for 5 minutes"
      query        = "histogram_quantile(0.99, sum by (le) (rate(drivenotes_predict_latency_seconds_bucket[5m]))) > ${var.predict_p99_alert_seconds}"
      duration     = "300s"
    }
    # a day's all-three note accuracy falling well below the week before's
    accuracy_regression = {
      display_name = "DriveNotes: note accuracy regressed"
      condition    = "all-three accuracy below ${var.accuracy_regression_ratio} x last week's"
      query        = "avg(max_over_time(drivenotes_notes_accuracy{kind=\"all-three\"}[1d])) < ${var.accuracy_regression_ratio} * avg(max_over_time(drivenotes_notes_accuracy{kind=\"all-three\"}[7d] offset 1d))"
      duration     = "0s"
    }
  }
}

resource "google_monitoring_alert_policy" "promql" {
  for_each     = local.promql_alerts
  display_name = each.value.display_name
  combiner     = "OR"

  conditions {
    display_name = each.value.condition
    condition_prometheus_query_language {
      query    = each.value.query
      duration = each.value.duration
    }
  }

  notification_channels = [for c in google_monitoring_notification_channel.email : c.id]
}
