-- Dashboard: confidence calibration per day, map and agent: the reliability diagram's bins (width
-- 0.2, the last one holding 1.0) with their all-three accuracy and mean confidence, and the expected
-- calibration error of all the group's notes on every bin row (report.json's calibration).
WITH bins AS (
  SELECT
    e.day,
    e.map,
    e.agent,
    LEAST(4, CAST(FLOOR(n.confidence / 0.2) AS INT64)) AS bin,
    COUNT(*) AS notes,
    AVG(CASE WHEN n.all_correct THEN 1.0 ELSE 0.0 END) AS all_three_accuracy,
    AVG(n.confidence) AS mean_confidence
  FROM `${dataset}.notes_latest` AS n
  JOIN `${dataset}.experiments_latest` AS e USING (experiment_id)
  WHERE e.status = 'COMPLETED'
  GROUP BY e.day, e.map, e.agent, bin
)
SELECT
  day,
  map,
  agent,
  bin,
  ROUND(bin * 0.2, 1) AS min_confidence,
  ROUND((bin + 1) * 0.2, 1) AS max_confidence,
  notes,
  all_three_accuracy,
  mean_confidence,
  SUM(notes * ABS(all_three_accuracy - mean_confidence)) OVER (PARTITION BY day, map, agent)
    / SUM(notes) OVER (PARTITION BY day, map, agent) AS expected_calibration_error
FROM bins
