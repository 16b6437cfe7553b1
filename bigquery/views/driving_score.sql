-- Dashboard: driving per day, map, agent and condition (common-model's Condition; experiments
-- without one count as the default) over completed experiments' episodes: mean driving score and
-- route completion, infractions by kind (report.json's metrics and episodes[].infractions).
SELECT
  e.day,
  e.map,
  e.agent,
  COALESCE(e.condition, 'gnss1m-drop0-npc0-aggr0.5-dt0.05') AS condition,
  COUNT(*) AS episodes,
  AVG(p.driving_score) AS driving_score,
  AVG(p.route_completion) AS route_completion,
  SUM(p.collisions) AS collisions,
  SUM(p.collisions_pedestrian) AS collisions_pedestrian,
  SUM(p.collisions_vehicle) AS collisions_vehicle,
  SUM(p.collisions_static) AS collisions_static,
  SUM(p.red_light_runs) AS red_light_runs,
  SUM(p.stop_sign_runs) AS stop_sign_runs,
  SUM(p.lane_invasions) AS lane_invasions,
  SUM(CASE WHEN p.off_road THEN 1 ELSE 0 END) AS off_road_episodes
FROM `${dataset}.episodes_latest` AS p
JOIN `${dataset}.experiments_latest` AS e USING (experiment_id)
WHERE e.status = 'COMPLETED'
GROUP BY e.day, e.map, e.agent, COALESCE(e.condition, 'gnss1m-drop0-npc0-aggr0.5-dt0.05')
