variable "project_id" {
  description = "Google Cloud project that hosts DriveNotes"
  type        = string
}

variable "region" {
  description = "Region for Cloud Run, Artifact Registry, Vertex AI and the buckets"
  type        = string
  default     = "europe-west4"
}

variable "zone" {
  description = "Zone of the carla-runner GPU instance group"
  type        = string
  default     = "europe-west4-a"
}

variable "image_tag" {
  description = "Tag of the service images in Artifact Registry (deploy/ sets it to the git revision)"
  type        = string
  default     = "latest"
}

variable "schedule_cron" {
  description = "When the daily experiment set starts (Cloud Scheduler cron, UTC)"
  type        = string
  default     = "0 6 * * *"
}

variable "max_delivery_attempts" {
  description = "Deliveries of one event to a subscription before it is dead-lettered (code default: 5)"
  type        = number
  default     = 5
}

variable "alert_email" {
  description = "Where the failed-daily-run alert goes; empty for no e-mail channel"
  type        = string
  default     = ""
}

variable "carla_gpu_type" {
  description = "GPU attached to each carla-runner + CARLA VM"
  type        = string
  default     = "nvidia-l4"
}

variable "carla_runners_min" {
  description = "Fewest carla-runner + CARLA GPU VMs (at least 1: the map API answers submissions)"
  type        = number
  default     = 1

  validation {
    condition     = var.carla_runners_min >= 1
    error_message = "carla_runners_min must be at least 1: the orchestrator checks submissions against a runner's map API."
  }
}

variable "carla_runners_max" {
  description = "Most carla-runner + CARLA GPU VMs the group autoscales to (one per episode waiting)"
  type        = number
  default     = 4
}

variable "predict_p99_alert_seconds" {
  description = "Alert when dreamer-service's predict p99 latency stays above this many seconds for 5 minutes"
  type        = number
  default     = 0.5
}

variable "metrics_collector_image" {
  description = "Managed Service for Prometheus' self-deployed collector on the carla-runner VM"
  type        = string
  default     = "gke.gcr.io/prometheus-engine/prometheus:v2.45.3-gmp.9-gke.0"
}
