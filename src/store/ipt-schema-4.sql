-- Casebook schema, version 4: the step from version 3, run in one transaction.
-- Clinical rules, second edition (clinical.md section 1): a course counts its attended
-- sessions, not its appointments, and attended sessions after the contract or after the course
-- was ended are maintenance. The model decides where each session stands (src/model/
-- ipt-course-map.c); the progress kept for each course gains what it needs for that:
-- episode_series.attended lists the course's attended sessions by number, joined with ',', each
-- followed by '+' when it is dated after the course's end date ("1,2,4,5,17+").
-- No record changes: the rows of episode_series are a cache, rebuilt here from the records, so
-- that a casebook of the previous version opens with the new numbers.

DROP VIEW episode_series_view;

-- As in version 3, with the attended sessions as the last column.
CREATE VIEW episode_series_view AS
SELECT e.id AS episode_id,
  (SELECT count(*) FROM sessions s
   WHERE s.episode_id = e.id AND s.attendance = 'attended') AS sessions_attended,
  (SELECT coalesce (max (s.number), 0) FROM sessions s
   WHERE s.episode_id = e.id AND s.attendance = 'attended') AS current_session,
  (SELECT coalesce (group_concat (point, ','), '') FROM
     (SELECT s.number || ':' || coalesce (sc.total, '') || ':' ||
             coalesce ((SELECT nullif (substr (sc.answers, m.item, 1), '-') FROM measure_items m
                        WHERE m.measure = sc.measure AND m.risk = 1), '') AS point
      FROM sessions s JOIN scores sc ON sc.session_id = s.id AND sc.measure = 'phq9'
      WHERE s.episode_id = e.id AND s.attendance = 'attended' ORDER BY s.number)) AS phq9,
  (SELECT coalesce (group_concat (point, ','), '') FROM
     (SELECT s.number || ':' || coalesce (sc.total, '') || ':' AS point
      FROM sessions s JOIN scores sc ON sc.session_id = s.id AND sc.measure = 'gad7'
      WHERE s.episode_id = e.id AND s.attendance = 'attended' ORDER BY s.number)) AS gad7,
  (SELECT coalesce (group_concat (point, ','), '') FROM
     (SELECT s.number || CASE WHEN e.end_date IS NOT NULL AND s.date > e.end_date
                              THEN '+' ELSE '' END AS point
      FROM sessions s
      WHERE s.episode_id = e.id AND s.attendance = 'attended' ORDER BY s.number)) AS attended
FROM episodes e;

ALTER TABLE episode_series ADD COLUMN attended TEXT NOT NULL DEFAULT '';

-- Rebuilt from the records, every course.
DELETE FROM episode_series;
INSERT INTO episode_series SELECT * FROM episode_series_view;
DELETE FROM episode_series_stale;

-- Ending a course (or changing its end date) changes which sessions are maintenance.
CREATE TRIGGER episode_series_episode_update AFTER UPDATE OF end_date ON episodes
WHEN NEW.end_date IS NOT OLD.end_date
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id) VALUES (NEW.id);
END;
