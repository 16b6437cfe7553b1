resource "google_storage_bucket" "artifacts" {
  name                        = "${var.project_id}-drivenotes-artifacts"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = false
  }

  # trajectories are bulky and re-creatable from the seeds: cool them after 30 days, drop after 180
  lifecycle_rule {
    condition {
      age            = 30
      matches_prefix = ["trajectories/"]
    }
    action {
      type          = "SetStorageClass"
      storage_class = "NEARLINE"
    }
  }

  lifecycle_rule {
    condition {
      age            = 180
      matches_prefix = ["trajectories/"]
    }
    action {
      type = "Delete"
    }
  }

  # reports are small and what reviewers open: keep them a year, with the reporter's state
  # (episodes, notes, completed days) they are built from
  lifecycle_rule {
    condition {
      age            = 365
      matches_prefix = ["reports/", "reporter/"]
    }
    action {
      type = "Delete"
    }
  }

  # the reporter's ledger of handled events only has to outlive a redelivery (Pub/Sub keeps an
  # unacknowledged message 7 days)
  lifecycle_rule {
    condition {
      age            = 31
      matches_prefix = ["reporter/processed/"]
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_artifact_registry_repository" "images" {
  repository_id = "drivenotes"
  location      = var.region
  format        = "DOCKER"
  description   = "DriveNotes service images"
}

resource "google_firestore_database" "state" {
  name        = "(default)"
  location_id = var.region
  type        = "FIRESTORE_NATIVE"
}
