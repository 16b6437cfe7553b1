-- The newest version of each experiment row (rows are appended; writes are idempotent by insert id).
SELECT * EXCEPT (version)
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY experiment_id ORDER BY written_at DESC) AS version
  FROM `${dataset}.experiments`
)
WHERE version = 1
