# carla-runner next to CARLA 0.9.15 on one GPU VM, in a managed instance group so that a failed or
# updated VM is recreated from the template.
#
# The orchestrator and reporter call it at one reserved internal address. The address belongs to
# the group's one VM through a stateful per-instance config: repairs and updates recreate that
# VM with the same name and address. No internal load balancer in front of the address: each
# simulation lives in the memory of the VM that created it, so once there are several VMs a
# balancer would spread one experiment's calls over them; with one VM it would only add a
# forwarding rule, a health-check firewall rule and their cost. More runners means one address
# and one per-instance config each, and callers that pick a runner per experiment.

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
  # No target_size: the group holds the VMs of its per-instance configs (one). A target_size would
  # make it create further VMs, with addresses of their own, beside the one that holds the address.

  version {
    instance_template = google_compute_instance_template.carla_runner.id
  }

  # A VM that keeps its address cannot be replaced by a new one started beside it: stop it, then
  # recreate it from the new template.
  update_policy {
    type                  = "PROACTIVE"
    minimal_action        = "REPLACE"
    replacement_method    = "RECREATE"
    max_surge_fixed       = 0
    max_unavailable_fixed = 1
  }
}

resource "google_compute_per_instance_config" "carla_runner" {
  zone                       = var.zone
  instance_group_manager     = google_compute_instance_group_manager.carla_runner.name
  name                       = "carla-runner-0"
  remove_instance_on_destroy = true

  preserved_state {
    internal_ip {
      interface_name = "nic0"
      auto_delete    = "NEVER"
      ip_address {
        address = google_compute_address.carla_runner.self_link
      }
    }
  }
}
