output "orchestrator_url" {
  value = module.orchestrator.uri
}

output "reporter_url" {
  value = module.reporter.uri
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
