-- The newest aggregate per (day, map, agent).
SELECT * EXCEPT (version)
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY day, map, agent ORDER BY written_at DESC) AS version
  FROM `${dataset}.metrics_daily`
)
WHERE version = 1
