output "orchestrator_url" {
  value = google_cloud_run_v2_service.orchestrator.uri
}

output "reporter_url" {
  value = google_cloud_run_v2_service.reporter.uri
}

output "artifacts_bucket" {
  value = google_storage_bucket.artifacts.name
}

output "registry" {
  value = local.registry
}

output "dreamer_endpoint_id" {
  value = google_vertex_ai_endpoint.dreamer.name
}
