-- Dashboard: declared action (agent) against executed action (ground truth), per day, map and agent,
-- over completed experiments (report.json's actionConfusion, one row per non-empty cell).
SELECT
  e.day,
  e.map,
  e.agent,
  n.truth_action,
  n.action AS declared_action,
  COUNT(*) AS notes
FROM `${dataset}.notes_latest` AS n
JOIN `${dataset}.experiments_latest` AS e USING (experiment_id)
WHERE e.status = 'COMPLETED'
GROUP BY e.day, e.map, e.agent, n.truth_action, declared_action
