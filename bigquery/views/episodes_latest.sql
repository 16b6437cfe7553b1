-- The newest version of each episode row.
SELECT * EXCEPT (version)
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY written_at DESC) AS version
  FROM `${dataset}.episodes`
)
WHERE version = 1
