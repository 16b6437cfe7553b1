-- Dashboard: note accuracy per day, map, agent and condition (GNSS noise, dropouts, traffic, NPC
-- aggressiveness, time step: see common-model's Condition) over the last 30 days, from the notes
-- themselves; notes written before conditions existed count as the default condition. The mean
-- localisation error (metres between the agent's own localisation and its true position where its notes
-- place it) counts only notes that recorded it (NULL when none did).
WITH scored AS (
  SELECT
    e.day AS day,
    e.map AS map,
    e.agent AS agent,
    COALESCE(n.condition, 'gnss1m-drop0-npc0-aggr0.5-dt0.05') AS condition,
    n.experiment_id AS experiment_id,
    CASE WHEN n.location_correct THEN 1.0 ELSE 0.0 END AS location_hit,
    CASE WHEN n.action_correct THEN 1.0 ELSE 0.0 END AS action_hit,
    CASE WHEN n.destination_correct THEN 1.0 ELSE 0.0 END AS destination_hit,
    CASE WHEN n.all_correct THEN 1.0 ELSE 0.0 END AS all_hit,
    n.location_error_m AS location_error_m
  FROM `${dataset}.notes_latest` AS n
  JOIN `${dataset}.experiments_latest` AS e ON n.experiment_id = e.experiment_id
  WHERE e.day >= DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)
)
SELECT
  day,
  map,
  agent,
  condition,
  COUNT(DISTINCT experiment_id) AS experiments,
  COUNT(*) AS notes,
  AVG(location_hit) AS location_accuracy,
  AVG(action_hit) AS action_accuracy,
  AVG(destination_hit) AS destination_accuracy,
  AVG(all_hit) AS all_three_accuracy,
  AVG(location_error_m) AS mean_location_error_m
FROM scored
GROUP BY day, map, agent, condition
