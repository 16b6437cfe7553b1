variable "name" {
  description = "Cloud Run service name"
  type        = string
}

variable "region" {
  description = "Region of the service"
  type        = string
}

variable "image" {
  description = "Container image, with its tag"
  type        = string
}

variable "port" {
  description = "Port the container listens on: the service's server.port (docker/services.env)"
  type        = number
}

variable "service_account" {
  description = "E-mail of the service account the service runs as"
  type        = string
}

variable "custom_audiences" {
  description = "Extra audiences accepted in ID tokens of callers"
  type        = list(string)
  default     = []
}

variable "shared_env" {
  description = "Environment every DriveNotes service on Cloud Run gets"
  type        = map(string)
}

variable "env" {
  description = "This service's own environment (wins over shared_env)"
  type        = map(string)
  default     = {}
}

variable "metrics_path" {
  description = "Where the service exports its Prometheus metrics (Spring Boot actuator)"
  type        = string
  default     = "/actuator/prometheus"
}

variable "metrics_interval" {
  description = "How often Managed Service for Prometheus scrapes the service"
  type        = string
  default     = "30s"
}

variable "metrics_collector_image" {
  description = "Managed Service for Prometheus' Cloud Run sidecar"
  type        = string
  default     = "us-docker.pkg.dev/cloud-ops-agents-artifacts/cloud-run-gmp-sidecar/cloud-run-gmp-sidecar:1.2.0"
}

variable "max_instances" {
  description = "Most instances at once (1 for a service with instance-local state)"
  type        = number
  default     = 1
}
