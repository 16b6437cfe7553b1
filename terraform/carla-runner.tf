# The runners: carla-runner next to CARLA 0.9.15, one per GPU VM, in a managed instance group that
# autoscales on the backlog of the work subscription (episodes waiting to be driven). Each VM pulls
# work items itself (one episode at a time: a CARLA server runs one world), so nobody needs to reach
# a particular VM. The orchestrator and reporter only read carla-runner's map API (map summary,
# routes, geometry: the same on every VM), which they reach at one reserved internal address in
# front of the group: an internal passthrough load balancer over the VMs that pass the health check.

locals {
  # the runner's settings (see carla-runner/README.md#runner): the Pub/Sub bus and Cloud Storage of
  # profile gcp, the dreamer-service endpoint, one episode at a time; it creates its own
  # cancellation subscription (runner-<instance id>)
  runner_env = merge(local.shared_env, {
    DRIVENOTES_SERVICES_DREAMER_SERVICE      = local.dreamer_endpoint
    DRIVENOTES_RUNNER_MAX_EPISODES_IN_FLIGHT = "1"
    DRIVENOTES_GCP_PUBSUB_CREATE_RESOURCES   = "true"
  })
}

# the load balancer's address: what DRIVENOTES_SERVICES_CARLA_RUNNER names (services.tf)
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
    email  = google_service_account.service["carla-runner"].email
    scopes = ["cloud-platform"]
  }

  metadata = {
    # cloud-init starts CARLA (-RenderOffScreen) and carla-runner side by side (docker/CARLA.md), and
    # Managed Service for Prometheus' collector scraping carla-runner (docs/observability.md)
    user-data = templatefile("${path.module}/carla-cloud-init.yaml", {
      image            = "${local.registry}/carla-runner:${var.image_tag}"
      env              = local.runner_env
      port             = local.service_ports["carla-runner"]
      metrics_interval = "30s"
      collector_image  = var.metrics_collector_image
      project_id       = var.project_id
      zone             = var.zone
    })
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "google_compute_instance_group_manager" "carla_runner" {
  name               = "drivenotes-carla-runner"
  zone               = var.zone
  base_instance_name = "carla-runner"
  # No target_size: the autoscaler below sets the group's size.

  version {
    instance_template = google_compute_instance_template.carla_runner.id
  }

  named_port {
    name = "http"
    port = local.service_ports["carla-runner"]
  }

  auto_healing_policies {
    health_check      = google_compute_health_check.carla_runner.id
    initial_delay_sec = 600 # the image pulls and CARLA's start take minutes
  }

  # GPUs are scarce: replace a VM by stopping it first rather than starting a new one beside it.
  # A VM stopped mid-episode leaves its work item unacknowledged; another runner drives it again.
  update_policy {
    type                  = "PROACTIVE"
    minimal_action        = "REPLACE"
    replacement_method    = "SUBSTITUTE"
    max_surge_fixed       = 0
    max_unavailable_fixed = 1
  }
}

# One runner per waiting episode, between carla_runners_min and carla_runners_max VMs. At least one
# stays up so that the map API answers submissions (and the first episode of a day starts without
# waiting for a GPU VM to boot).
resource "google_compute_autoscaler" "carla_runner" {
  name   = "drivenotes-carla-runner"
  zone   = var.zone
  target = google_compute_instance_group_manager.carla_runner.id

  autoscaling_policy {
    min_replicas    = var.carla_runners_min
    max_replicas    = var.carla_runners_max
    cooldown_period = 600

    metric {
      name                       = "pubsub.googleapis.com/subscription/num_undelivered_messages"
      filter                     = "resource.type = pubsub_subscription AND resource.labels.subscription_id = \"${local.events_topic}-runner-work\""
      single_instance_assignment = 1
    }

    # scale in slowly: a VM removed mid-episode costs that episode's attempt
    scale_in_control {
      max_scaled_in_replicas {
        fixed = 1
      }
      time_window_sec = 900
    }
  }
}

resource "google_compute_health_check" "carla_runner" {
  name               = "drivenotes-carla-runner"
  check_interval_sec = 10
  timeout_sec        = 5

  http_health_check {
    port         = local.service_ports["carla-runner"]
    request_path = "/actuator/health/readiness"
  }
}

# Google's health checkers reach the VMs (130.211.0.0/22 and 35.191.0.0/16 are their sources).
resource "google_compute_firewall" "carla_runner_health" {
  name          = "drivenotes-carla-runner-health"
  network       = "default"
  direction     = "INGRESS"
  source_ranges = ["130.211.0.0/22", "35.191.0.0/16"]

  allow {
    protocol = "tcp"
    ports    = [tostring(local.service_ports["carla-runner"])]
  }
}

resource "google_compute_region_backend_service" "carla_runner" {
  name                  = "drivenotes-carla-runner"
  region                = var.region
  load_balancing_scheme = "INTERNAL"
  protocol              = "TCP"
  health_checks         = [google_compute_health_check.carla_runner.id]

  backend {
    group          = google_compute_instance_group_manager.carla_runner.instance_group
    balancing_mode = "CONNECTION"
  }
}

resource "google_compute_forwarding_rule" "carla_runner" {
  name                  = "drivenotes-carla-runner"
  region                = var.region
  load_balancing_scheme = "INTERNAL"
  ip_address            = google_compute_address.carla_runner.id
  ip_protocol           = "TCP"
  ports                 = [tostring(local.service_ports["carla-runner"])]
  backend_service       = google_compute_region_backend_service.carla_runner.id
  network               = "default"
}
