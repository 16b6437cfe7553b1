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

# Alert when a daily accuracy (or the driving score) regresses: the reporter logs one line per
# regression, "accuracy_regression metric=<name> agent=<agent> condition=<condition> day=... value=..."
# (RegressionAlerts.LOG_MARKER; under gcp the message of a Cloud Logging JSON line), when it also
# publishes AccuracyRegression. RegressionTerraformTest
# checks the marker and the service name against the code and services.tf.
resource "google_logging_metric" "accuracy_regressions" {
  name   = "drivenotes/accuracy_regressions"
  filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"drivenotes-reporter\" AND jsonPayload.message:\"accuracy_regression metric=\""

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
    labels {
      key         = "condition"
      value_type  = "STRING"
      description = "the configuration's condition (common-model Condition, e.g. gnss5m-drop0-npc20-aggr0.5-dt0.05)"
    }
  }

  label_extractors = {
    "metric"    = "REGEXP_EXTRACT(jsonPayload.message, \"accuracy_regression metric=(\\\\S+)\")"
    "agent"     = "REGEXP_EXTRACT(jsonPayload.message, \"agent=(\\\\S+)\")"
    "condition" = "REGEXP_EXTRACT(jsonPayload.message, \"condition=(\\\\S+)\")"
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
        group_by_fields      = ["metric.label.metric", "metric.label.agent", "metric.label.condition"]
      }
    }
  }

  documentation {
    content   = "A daily metric of a configuration (map, agent and condition) fell below its trailing mean less the rule's standard deviations. The day's daily report (reports/daily/YYYY-MM-DD.html in the artifacts bucket) shows the trend and the experiments; the AccuracyRegression event names the experiment."
    mime_type = "text/markdown"
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
