-- Dashboard: accuracy and driving quality per map, agent and condition (common-model's Condition)
-- over the last 30 days; daily rows without a condition count as the default one.
SELECT
  map,
  agent,
  COALESCE(condition, 'gnss1m-drop0-npc0-aggr0.5-dt0.05') AS condition,
  SUM(experiments) AS experiments,
  SUM(note_count) AS notes,
  SAFE_DIVIDE(SUM(location_accuracy * note_count), SUM(note_count)) AS location_accuracy,
  SAFE_DIVIDE(SUM(action_accuracy * note_count), SUM(note_count)) AS action_accuracy,
  SAFE_DIVIDE(SUM(destination_accuracy * note_count), SUM(note_count)) AS destination_accuracy,
  SAFE_DIVIDE(SUM(all_three_accuracy * note_count), SUM(note_count)) AS all_three_accuracy,
  SAFE_DIVIDE(SUM(route_completion * episodes), SUM(episodes)) AS route_completion,
  SAFE_DIVIDE(SUM(driving_score * episodes), SUM(episodes)) AS driving_score
FROM `${dataset}.metrics_daily_latest`
WHERE day >= DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)
GROUP BY map, agent, COALESCE(condition, 'gnss1m-drop0-npc0-aggr0.5-dt0.05')
