# The daily trigger: POST /v1/schedules/daily:run with a Google-signed OIDC token (audience and
# caller are checked by the orchestrator; a retried call never starts a second run).
# Timing, checked against the orchestrator's claim lease (45 s, ScheduleService.CLAIM_LEASE) by
# TerraformCrossCheckTest: an attempt is given up after attempt_deadline (shorter than the lease),
# and the first retry comes after min_backoff_duration (longer than the lease), so a retry after a
# crashed attempt always finds its claim's lease run out and takes it over.
resource "google_cloud_scheduler_job" "daily" {
  name             = "drivenotes-daily"
  region           = var.region
  schedule         = var.schedule_cron
  time_zone        = "Etc/UTC"
  attempt_deadline = "30s"

  retry_config {
    retry_count          = 3
    min_backoff_duration = "60s"
  }

  http_target {
    http_method = "POST"
    uri         = "${module.orchestrator.uri}/v1/schedules/daily:run"

    oidc_token {
      service_account_email = google_service_account.service["scheduler"].email
      audience              = local.orchestrator_audience
    }
  }
}
