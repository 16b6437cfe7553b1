-- Dashboard: declared action (agent) against executed action (ground truth), per map and agent.
SELECT
  e.map,
  e.agent,
  n.truth_action,
  n.action AS declared_action,
  COUNT(*) AS notes
FROM `${dataset}.notes_latest` AS n
JOIN `${dataset}.experiments_latest` AS e USING (experiment_id)
GROUP BY e.map, e.agent, n.truth_action, declared_action
