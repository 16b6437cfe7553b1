# Tables are defined once, in reporter/src/main/resources/bigquery/schema/*.json: the reporter
# builds its rows against the same files (BigQueryRowsTest), Terraform creates the tables from them.
# BigQueryTerraformTest checks the names, partition and clustering columns and the views.

locals {
  schema_dir = "${path.module}/../reporter/src/main/resources/bigquery/schema"
  views_dir  = "${path.module}/../bigquery/views"

  # table (BigQueryTables.ALL) => its day-partitioning column and clustering columns
  tables = {
    experiments      = { partition = "day", clustering = ["map", "agent"] }
    episodes         = { partition = "written_at", clustering = ["map", "experiment_id"] }
    notes            = { partition = "written_at", clustering = ["experiment_id", "episode_id"] }
    metrics_daily    = { partition = "day", clustering = ["map", "agent"] }
    processed_events = { partition = "processed_at", clustering = null }
  }

  # Views: bigquery/views/<name>.sql, with ${dataset} replaced by the dataset id. The *_latest views
  # pick each key's newest row version; the dashboard views read them, so they are created after.
  latest_views    = ["experiments_latest", "episodes_latest", "notes_latest", "metrics_daily_latest"]
  dashboard_views = ["daily_note_accuracy", "accuracy_by_map_agent", "action_confusion"]
  views_dataset   = "${var.project_id}.${google_bigquery_dataset.drivenotes.dataset_id}"
}

resource "google_bigquery_dataset" "drivenotes" {
  dataset_id  = "drivenotes"
  location    = var.region
  description = "DriveNotes experiments, episodes, notes and daily metrics"
}

resource "google_bigquery_table" "tables" {
  for_each            = local.tables
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = each.key
  schema              = file("${local.schema_dir}/${each.key}.json")
  clustering          = each.value.clustering
  deletion_protection = true

  time_partitioning {
    type  = "DAY"
    field = each.value.partition
  }
}

resource "google_bigquery_table" "latest_views" {
  for_each            = toset(local.latest_views)
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = each.key
  deletion_protection = false

  view {
    query          = templatefile("${local.views_dir}/${each.key}.sql", { dataset = local.views_dataset })
    use_legacy_sql = false
  }

  depends_on = [google_bigquery_table.tables]
}

resource "google_bigquery_table" "dashboard_views" {
  for_each            = toset(local.dashboard_views)
  dataset_id          = google_bigquery_dataset.drivenotes.dataset_id
  table_id            = each.key
  deletion_protection = false

  view {
    query          = templatefile("${local.views_dir}/${each.key}.sql", { dataset = local.views_dataset })
    use_legacy_sql = false
  }

  depends_on = [google_bigquery_table.latest_views]
}
