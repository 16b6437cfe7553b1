-- Dashboard: note accuracy per day, all maps and agents together, weighted by note count (NULL on a
-- day without notes, never 0).
SELECT
  day,
  SUM(note_count) AS notes,
  SAFE_DIVIDE(SUM(location_accuracy * note_count), SUM(note_count)) AS location_accuracy,
  SAFE_DIVIDE(SUM(action_accuracy * note_count), SUM(note_count)) AS action_accuracy,
  SAFE_DIVIDE(SUM(destination_accuracy * note_count), SUM(note_count)) AS destination_accuracy,
  SAFE_DIVIDE(SUM(all_three_accuracy * note_count), SUM(note_count)) AS all_three_accuracy,
  SAFE_DIVIDE(SUM(validation_rate * note_count), SUM(note_count)) AS validation_rate,
  SAFE_DIVIDE(SUM(mean_confidence * note_count), SUM(note_count)) AS mean_confidence,
  SUM(experiments) AS experiments
FROM `${dataset}.metrics_daily_latest`
GROUP BY day
