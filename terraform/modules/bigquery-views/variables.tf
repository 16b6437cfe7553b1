variable "project_id" {
  description = "Project of the dataset"
  type        = string
}

variable "dataset_id" {
  description = "Dataset the views are created in and read from"
  type        = string
}

variable "sql_dir" {
  description = "Folder of the <view>.sql files"
  type        = string
}

variable "views" {
  description = "Names of the views to create"
  type        = list(string)
}
