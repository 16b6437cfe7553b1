# Tables are defined once, in reporter/src/main/resources/bigquery/schema/*.json: the reporter
# builds its rows against the same files (BigQueryRowsTest), Terraform creates the tables from them.
# BigQueryTerraformTest checks the names, partition and clustering columns and the views.

locals {
  schema_dir = "${path.module}/../reporter/src/main/resources/bigquery/schema"
  views_dir  = "${path.module}/../bigquery/views"

  # table (BigQueryTables.ALL) => its day-partitioning column and clustering columns (metrics_daily's are
# its key after the day; the provider changes a table's clustering in place, without recreating it,
# and BigQuery clusters the data written from then on by the new columns)
  tables = {
    experiments      = { partition = "day", clustering = ["map", "agent"] }
    episodes         = { partition = "written_at", clustering = ["map", "experiment_id"] }
    notes            = { partition = "written_at", clustering = ["experiment_id", "episode_id"] }
    metrics_daily    = { partition = "day", clustering = ["map", "agent", "condition"] }
    processed_events = { partition = "processed_at", clustering = null }
  }
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

# Views: bigquery/views/<name>.sql. The *_latest views pick each key's newest row version; the
# dashboard views read them, and BigQuery checks a view's tables when it is created, so the
# dashboard views come after.
module "latest_views" {
  source     = "./modules/bigquery-views"
  project_id = var.project_id
  dataset_id = google_bigquery_dataset.drivenotes.dataset_id
  sql_dir    = local.views_dir
  views      = ["experiments_latest", "episodes_latest", "notes_latest", "metrics_daily_latest"]
  depends_on = [google_bigquery_table.tables]
}

module "dashboard_views" {
  source     = "./modules/bigquery-views"
  project_id = var.project_id
  dataset_id = google_bigquery_dataset.drivenotes.dataset_id
  sql_dir    = local.views_dir
  views      = ["daily_note_accuracy", "accuracy_by_map_agent", "action_confusion", "calibration", "driving_score", "accuracy_by_condition"]
  depends_on = [module.latest_views]
}
