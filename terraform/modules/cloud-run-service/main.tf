# One DriveNotes service on Cloud Run, pulling from Pub/Sub with CPU always allocated (docs/gcp.md).
# At least one instance runs; at most max_instances: the orchestrator keeps nothing that matters in
# memory (experiments in Firestore, events through its outbox), so several instances may share its
# subscription; a service with instance-local state stays at one.

resource "google_cloud_run_v2_service" "this" {
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
