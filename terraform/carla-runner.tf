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
    email  = google_service_account.service["carla-runner"].email
    scopes = ["cloud-platform"]
  }

  metadata = {
    # cloud-init starts CARLA (-RenderOffScreen) and carla-runner side by side: docker/CARLA.md
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
