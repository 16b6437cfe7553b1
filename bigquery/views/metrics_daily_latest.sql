-- The newest aggregate per (day, map, agent, condition); rows written before daily rows had a
-- condition (NULL) count as the default condition (common-model's Condition.DEFAULT).
SELECT * EXCEPT (version, condition), COALESCE(condition, 'gnss1m-drop0-npc0-aggr0.5-dt0.05') AS condition
FROM (
  SELECT *, ROW_NUMBER() OVER (
    PARTITION BY day, map, agent, COALESCE(condition, 'gnss1m-drop0-npc0-aggr0.5-dt0.05') ORDER BY written_at DESC
  ) AS version
  FROM `${dataset}.metrics_daily`
)
WHERE version = 1
