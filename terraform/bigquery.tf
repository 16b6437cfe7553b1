# Tables are defined once, in reporter/src/main/resources/bigquery/schema/*.json: the reporter
# builds its rows against the same files (BigQueryRowsTest), Terraform creates the tables from them.

locals {
  schema_dir = "${path.module}/../reporter/src/main/resources/bigquery/schema"
  views_dir  = "${path.module}/../bigquery/views"
}

resource "google_bigquery_dataset" "drivenotes" {
  dataset_id  = "drivenotes"
  location    = var.region
  description = "DriveNotes experiments, episodes, notes and daily metrics"
}

resource "google_bigquery_table" "experiments" {
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = "experiments"
  schema              = file("${local.schema_dir}/experiments.json")
  clustering          = ["map", "agent"]
  deletion_protection = true

  time_partitioning {
    type  = "DAY"
    field = "day"
  }
}

resource "google_bigquery_table" "episodes" {
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = "episodes"
  schema              = file("${local.schema_dir}/episodes.json")
  clustering          = ["map", "experiment_id"]
  deletion_protection = true

  time_partitioning {
    type  = "DAY"
    field = "written_at"
  }
}

resource "google_bigquery_table" "notes" {
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = "notes"
  schema              = file("${local.schema_dir}/notes.json")
  clustering          = ["experiment_id", "episode_id"]
  deletion_protection = true

  time_partitioning {
    type  = "DAY"
    field = "written_at"
  }
}

resource "google_bigquery_table" "metrics_daily" {
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = "metrics_daily"
  schema              = file("${local.schema_dir}/metrics_daily.json")
  clustering          = ["map", "agent"]
  deletion_protection = true

  time_partitioning {
    type  = "DAY"
    field = "day"
  }
}

resource "google_bigquery_table" "processed_events" {
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = "processed_events"
  schema              = file("${local.schema_dir}/processed_events.json")
  deletion_protection = true

  time_partitioning {
    type  = "DAY"
    field = "processed_at"
  }
}

# Views: bigquery/views/<name>.sql, with ${dataset} replaced by the dataset id. The *_latest views
# pick each key's newest row version; the dashboard views read them, so they are created after.
resource "google_bigquery_table" "latest_views" {
  for_each            = toset(["experiments_latest", "episodes_latest", "notes_latest", "metrics_daily_latest"])
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = each.key
  deletion_protection = false

  view {
    query          = templatefile("${local.views_dir}/${each.key}.sql", { dataset = "${var.project_id}.${google_bigquery_dataset.drivenotes.dataset_id}" })
    use_legacy_sql = false
  }

  depends_on = [google_bigquery_table.experiments, google_bigquery_table.episodes, google_bigquery_table.notes, google_bigquery_table.metrics_daily]
}

resource "google_bigquery_table" "dashboard_views" {
  for_each            = toset(["daily_note_accuracy", "accuracy_by_map_agent", "action_confusion"])
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = each.key
  deletion_protection = false

  view {
    query          = templatefile("${local.views_dir}/${each.key}.sql", { dataset = "${var.project_id}.${google_bigquery_dataset.drivenotes.dataset_id}" })
    use_legacy_sql = false
  }

  depends_on = [google_bigquery_table.latest_views]
}
