# Views of one dataset, each from <sql_dir>/<view>.sql with ${dataset} replaced by the dataset's
# full id.

resource "google_bigquery_table" "view" {
  for_each            = toset(var.views)
  dataset_id          = var.dataset_id
  table_id            = each.key
  deletion_protection = false

  view {
    query          = templatefile("${var.sql_dir}/${each.key}.sql", { dataset = "${var.project_id}.${var.dataset_id}" })
    use_legacy_sql = false
  }
}
