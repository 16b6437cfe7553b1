-- The notes of each episode's newest write: the positions of the latest batch, newest version each.
WITH latest_batch AS (
  SELECT episode_id, ARRAY_AGG(note_count ORDER BY written_at DESC LIMIT 1)[OFFSET(0)] AS note_count
  FROM `${dataset}.notes`
  GROUP BY episode_id
)
SELECT n.* EXCEPT (version)
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY episode_id, seq ORDER BY written_at DESC) AS version
  FROM `${dataset}.notes`
) AS n
JOIN latest_batch AS b USING (episode_id)
WHERE n.version = 1 AND n.seq < b.note_count
