# Cloud Run: orchestrator and reporter. Both pull from Pub/Sub (see docs/gcp.md), so CPU stays
# allocated and one instance stays warm. Env var names are checked against the code by
# TerraformCrossCheckTest (orchestrator) and BigQueryTerraformTest (reporter).

locals {
  registry              = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
  orchestrator_audience = "drivenotes-orchestrator"
}

resource "google_cloud_run_v2_service" "orchestrator" {
  name                = "drivenotes-orchestrator"
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_ALL"
  custom_audiences    = ["drivenotes-orchestrator"]
  deletion_protection = false

  template {
    service_account = google_service_account.orchestrator.email

    scaling {
      # experiments are driven in-process: exactly one instance owns them (see docs/gcp.md)
      min_instance_count = 1
      max_instance_count = 1
    }

    containers {
      image = "${local.registry}/orchestrator:${var.image_tag}"

      resources {
        limits = {
          cpu    = "2"
          memory = "2Gi"
        }
        cpu_idle = false
      }

      env {
        name  = "SPRING_PROFILES_ACTIVE"
        value = "gcp"
      }
      env {
        name  = "SPRING_CLOUD_GCP_PROJECT_ID"
        value = var.project_id
      }
      env {
        name  = "SPRING_CLOUD_GCP_PUBSUB_PUBLISHER_ENABLE_MESSAGE_ORDERING"
        value = "true"
      }
      env {
        name  = "DRIVENOTES_GCP_PUBSUB_MAX_DELIVERY_ATTEMPTS"
        value = var.max_delivery_attempts
      }
      env {
        name  = "DRIVENOTES_GCP_STORAGE_ARTIFACTS_BUCKET"
        value = google_storage_bucket.artifacts.name
      }
      env {
        name  = "DRIVENOTES_GCP_FIRESTORE_DATABASE"
        value = google_firestore_database.state.name
      }
      env {
        name  = "DRIVENOTES_SCHEDULES_ID_TOKEN_AUDIENCE"
        value = "drivenotes-orchestrator"
      }
      env {
        name  = "DRIVENOTES_SCHEDULES_ID_TOKEN_SERVICE_ACCOUNT_EMAIL"
        value = google_service_account.scheduler.email
      }
      env {
        name  = "DRIVENOTES_SERVICES_CARLA_RUNNER"
        value = "http://${google_compute_address.carla_runner.address}:8081"
      }
      env {
        name  = "DRIVENOTES_SERVICES_DREAMER_SERVICE"
        value = "https://${var.region}-aiplatform.googleapis.com/v1/projects/${var.project_id}/locations/${var.region}/endpoints/${google_vertex_ai_endpoint.dreamer.name}"
      }
      env {
        name  = "DRIVENOTES_SERVICES_REPORTER"
        value = google_cloud_run_v2_service.reporter.uri
      }
      env {
        name  = "DRIVENOTES_DATA_DIR"
        value = "/tmp/drivenotes"
      }

      startup_probe {
        http_get {
          path = "/actuator/health"
          port = 8080
        }
        initial_delay_seconds = 10
        period_seconds        = 5
        failure_threshold     = 24
      }
    }

    vpc_access {
      network_interfaces {
        network    = "default"
        subnetwork = "default"
      }
      egress = "PRIVATE_RANGES_ONLY"
    }
  }
}

resource "google_cloud_run_v2_service" "reporter" {
  name                = "drivenotes-reporter"
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_ALL"
  deletion_protection = false

  template {
    service_account = google_service_account.reporter.email

    scaling {
      min_instance_count = 1
      max_instance_count = 1
    }

    containers {
      image = "${local.registry}/reporter:${var.image_tag}"

      resources {
        limits = {
          cpu    = "2"
          memory = "2Gi"
        }
        cpu_idle = false
      }

      env {
        name  = "SPRING_PROFILES_ACTIVE"
        value = "gcp"
      }
      env {
        name  = "SPRING_CLOUD_GCP_PROJECT_ID"
        value = var.project_id
      }
      env {
        name  = "SPRING_CLOUD_GCP_PUBSUB_PUBLISHER_ENABLE_MESSAGE_ORDERING"
        value = "true"
      }
      env {
        name  = "DRIVENOTES_GCP_PUBSUB_MAX_DELIVERY_ATTEMPTS"
        value = var.max_delivery_attempts
      }
      env {
        name  = "DRIVENOTES_GCP_STORAGE_ARTIFACTS_BUCKET"
        value = google_storage_bucket.artifacts.name
      }
      env {
        name  = "DRIVENOTES_GCP_BIGQUERY_DATASET"
        value = google_bigquery_dataset.drivenotes.dataset_id
      }
      env {
        name  = "DRIVENOTES_SERVICES_CARLA_RUNNER"
        value = "http://${google_compute_address.carla_runner.address}:8081"
      }
      env {
        name  = "DRIVENOTES_DATA_DIR"
        value = "/tmp/drivenotes"
      }

      startup_probe {
        http_get {
          path = "/actuator/health"
          port = 8083
        }
        initial_delay_seconds = 10
        period_seconds        = 5
        failure_threshold     = 24
      }
    }

    vpc_access {
      network_interfaces {
        network    = "default"
        subnetwork = "default"
      }
      egress = "PRIVATE_RANGES_ONLY"
    }
  }
}

# dreamer-service on Vertex AI: Terraform owns the endpoint; deploy/deploy.sh uploads the model
# (the dreamer-service image, Vertex custom-container contract) and deploys it to this endpoint.
resource "google_vertex_ai_endpoint" "dreamer" {
  name         = "drivenotes-dreamer"
  display_name = "drivenotes-dreamer"
  location     = var.region
}

# carla-runner next to CARLA 0.9.15 on a GPU VM (managed instance group of one; more for scale).
resource "google_compute_address" "carla_runner" {
  name         = "drivenotes-carla-runner"
  address_type = "INTERNAL"
  region       = var.region
}

resource "google_compute_instance_template" "carla_runner" {
  name_prefix  = "drivenotes-carla-runner-"
  machine_type = "g2-standard-8"

  disk {
    source_image = "projects/cos-cloud/global/images/family/cos-stable"
    disk_size_gb = 100
    boot         = true
  }

  guest_accelerator {
    type  = var.carla_gpu_type
    count = 1
  }

  scheduling {
    on_host_maintenance = "TERMINATE"
  }

  network_interface {
    network = "default"
  }

  service_account {
    email  = google_service_account.carla_runner.email
    scopes = ["cloud-platform"]
  }

  metadata = {
    # cloud-init starts CARLA (-RenderOffScreen) and carla-runner side by side: docker/carla-runner/README.md
    user-data = templatefile("${path.module}/carla-cloud-init.yaml", { image = "${local.registry}/carla-runner:${var.image_tag}" })
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "google_compute_instance_group_manager" "carla_runner" {
  name               = "drivenotes-carla-runner"
  zone               = var.zone
  base_instance_name = "carla-runner"
  target_size        = 1

  version {
    instance_template = google_compute_instance_template.carla_runner.id
  }

  stateful_internal_ip {
    interface_name = "nic0"
    delete_rule    = "NEVER"
  }
}
