SELECT import_id, table_name, file, field, count(*) AS notes, min(noted_at) AS noted_at,
  min(row) AS first_row, arg_min(problem, note_no) AS example
FROM import_notes
GROUP BY ALL
ORDER BY noted_at DESC, import_id, notes DESC, field