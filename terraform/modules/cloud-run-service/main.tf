# One DriveNotes service on Cloud Run, pulling from Pub/Sub with CPU always allocated (docs/gcp.md).
# At least one instance runs; at most max_instances: the orchestrator keeps nothing that matters in
# memory (experiments in Firestore, events through its outbox), so several instances may share its
# subscription; a service with instance-local state stays at one. Beside it, Managed Service for
# Prometheus' Cloud Run sidecar scrapes the service's /actuator/prometheus into Cloud Monitoring
# (docs/observability.md).

# The sidecar's scrape configuration (its RunMonitoring resource), mounted from Secret Manager at
# /etc/rungmp/config.yaml as the sidecar expects it.
resource "google_secret_manager_secret" "metrics_scrape" {
  secret_id = "${var.name}-rungmp-config"
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "metrics_scrape" {
  secret = google_secret_manager_secret.metrics_scrape.id
  secret_data = yamlencode({
    apiVersion = "monitoring.googleapis.com/v1beta"
    kind       = "RunMonitoring"
    metadata   = { name = var.name }
    spec = {
      endpoints = [{
        port     = var.port
        path     = var.metrics_path
        interval = var.metrics_interval
      }]
    }
  })
}

resource "google_secret_manager_secret_iam_member" "metrics_scrape" {
  secret_id = google_secret_manager_secret.metrics_scrape.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${var.service_account}"
}

resource "google_cloud_run_v2_service" "this" {
  # the sidecar reads its configuration when it starts
  depends_on = [google_secret_manager_secret_version.metrics_scrape, google_secret_manager_secret_iam_member.metrics_scrape]

  name                = var.name
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_ALL"
  custom_audiences    = var.custom_audiences
  deletion_protection = false

  template {
    service_account = var.service_account

    scaling {
      min_instance_count = 1
      max_instance_count = var.max_instances
    }

    containers {
      name  = "service"
      image = var.image

      # where Cloud Run sends requests; the image listens on the same port (SERVER_PORT)
      ports {
        container_port = var.port
      }

      resources {
        limits = {
          cpu    = "2"
          memory = "2Gi"
        }
        cpu_idle = false
      }

      dynamic "env" {
        for_each = merge(var.shared_env, var.env)
        content {
          name  = env.key
          value = env.value
        }
      }

      startup_probe {
        http_get {
          path = "/actuator/health"
          port = var.port
        }
        initial_delay_seconds = 10
        period_seconds        = 5
        failure_threshold     = 24
      }
    }

    # Managed Service for Prometheus: scrapes the service (config above) and writes to Cloud
    # Monitoring as prometheus_target series, the ones terraform/dashboards/drivenotes.json queries
    containers {
      name       = "metrics-collector"
      image      = var.metrics_collector_image
      depends_on = ["service"]

      resources {
        limits = {
          cpu    = "1"
          memory = "512Mi"
        }
        cpu_idle = false
      }

      volume_mounts {
        name       = "rungmp-config"
        mount_path = "/etc/rungmp"
      }
    }

    volumes {
      name = "rungmp-config"
      secret {
        secret = google_secret_manager_secret.metrics_scrape.secret_id
        items {
          version = "latest"
          path    = "config.yaml"
        }
      }
    }

    # direct VPC egress: reaches the carla-runner VM's internal address
    vpc_access {
      network_interfaces {
        network    = "default"
        subnetwork = "default"
      }
      egress = "PRIVATE_RANGES_ONLY"
    }
  }
}
