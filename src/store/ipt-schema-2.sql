-- Casebook schema, version 2: the step from version 1, run in one transaction.
-- 1. Item answers are checked against their own measure's range (version 1 allowed 0 to 8 for
--    any item), from a table of item ranges a person can read with the sqlite3 shell.
-- 2. Goals are rated 0 to 10 at sessions (goal_ratings); a goal's first and latest ratings
--    follow its ratings.
-- 3. Each course's progress is kept in episode_series, so that a caseload of thousands of
--    clients is read with one short query.
-- Answers already stored are kept as they were: the new rules apply to what is written next.

CREATE TABLE measure_items (
  measure    TEXT NOT NULL,
  item       INTEGER NOT NULL CHECK (item >= 1),
  min_value  INTEGER NOT NULL,
  max_value  INTEGER NOT NULL,
  risk       INTEGER NOT NULL DEFAULT 0 CHECK (risk IN (0, 1)),
  PRIMARY KEY (measure, item),
  CHECK (min_value <= max_value)
) WITHOUT ROWID;

INSERT INTO measure_items (measure, item, min_value, max_value, risk) VALUES
  ('phq9', 1, 0, 3, 0), ('phq9', 2, 0, 3, 0), ('phq9', 3, 0, 3, 0), ('phq9', 4, 0, 3, 0),
  ('phq9', 5, 0, 3, 0), ('phq9', 6, 0, 3, 0), ('phq9', 7, 0, 3, 0), ('phq9', 8, 0, 3, 0),
  ('phq9', 9, 0, 3, 1),
  ('gad7', 1, 0, 3, 0), ('gad7', 2, 0, 3, 0), ('gad7', 3, 0, 3, 0), ('gad7', 4, 0, 3, 0),
  ('gad7', 5, 0, 3, 0), ('gad7', 6, 0, 3, 0), ('gad7', 7, 0, 3, 0),
  ('wsas', 1, 0, 8, 0), ('wsas', 2, 0, 8, 0), ('wsas', 3, 0, 8, 0), ('wsas', 4, 0, 8, 0),
  ('wsas', 5, 0, 8, 0),
  -- HAM-D 17: mood, guilt, suicide 0-4; insomnia early, middle, late 0-2; work and activities,
  -- retardation, agitation, psychic and somatic anxiety 0-4; gastro-intestinal, general somatic,
  -- genital symptoms 0-2; hypochondriasis 0-4; loss of weight, insight 0-2 (total 0-52).
  ('hamd17', 1, 0, 4, 0), ('hamd17', 2, 0, 4, 0), ('hamd17', 3, 0, 4, 0),
  ('hamd17', 4, 0, 2, 0), ('hamd17', 5, 0, 2, 0), ('hamd17', 6, 0, 2, 0),
  ('hamd17', 7, 0, 4, 0), ('hamd17', 8, 0, 4, 0), ('hamd17', 9, 0, 4, 0),
  ('hamd17', 10, 0, 4, 0), ('hamd17', 11, 0, 4, 0),
  ('hamd17', 12, 0, 2, 0), ('hamd17', 13, 0, 2, 0), ('hamd17', 14, 0, 2, 0),
  ('hamd17', 15, 0, 4, 0),
  ('hamd17', 16, 0, 2, 0), ('hamd17', 17, 0, 2, 0);
-- BDI-II and EPDS are stored as totals only: they have no rows here, so no item is accepted.

CREATE TRIGGER score_items_in_range_insert BEFORE INSERT ON score_items
WHEN EXISTS (SELECT 1 FROM scores WHERE id = NEW.score_id)
 AND NOT EXISTS (SELECT 1 FROM scores s JOIN measure_items m ON m.measure = s.measure
                 WHERE s.id = NEW.score_id AND m.item = NEW.item
                   AND (NEW.value IS NULL OR NEW.value BETWEEN m.min_value AND m.max_value))
BEGIN
  SELECT RAISE (ABORT, 'item answer outside the range of its measure');
END;

CREATE TRIGGER score_items_in_range_update BEFORE UPDATE OF score_id, item, value ON score_items
WHEN NOT EXISTS (SELECT 1 FROM scores s JOIN measure_items m ON m.measure = s.measure
                 WHERE s.id = NEW.score_id AND m.item = NEW.item
                   AND (NEW.value IS NULL OR NEW.value BETWEEN m.min_value AND m.max_value))
BEGIN
  SELECT RAISE (ABORT, 'item answer outside the range of its measure');
END;

-- A score keeps its measure once it has item answers: they would not fit another one.
CREATE TRIGGER scores_measure_fixed BEFORE UPDATE OF measure ON scores
WHEN NEW.measure IS NOT OLD.measure AND EXISTS (SELECT 1 FROM score_items WHERE score_id = OLD.id)
BEGIN
  SELECT RAISE (ABORT, 'a score with item answers cannot change its measure');
END;

CREATE TABLE goal_ratings (
  goal_id         INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  session_number  INTEGER NOT NULL CHECK (session_number BETWEEN 1 AND 99),
  rating          INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
  PRIMARY KEY (goal_id, session_number)
) WITHOUT ROWID;

CREATE TRIGGER goal_ratings_insert AFTER INSERT ON goal_ratings
BEGIN
  UPDATE goals SET
    first_rating = (SELECT rating FROM goal_ratings WHERE goal_id = NEW.goal_id
                    ORDER BY session_number LIMIT 1),
    latest_rating = (SELECT rating FROM goal_ratings WHERE goal_id = NEW.goal_id
                     ORDER BY session_number DESC LIMIT 1)
  WHERE id = NEW.goal_id;
END;

CREATE TRIGGER goal_ratings_update AFTER UPDATE ON goal_ratings
BEGIN
  UPDATE goals SET
    first_rating = (SELECT rating FROM goal_ratings WHERE goal_id = NEW.goal_id
                    ORDER BY session_number LIMIT 1),
    latest_rating = (SELECT rating FROM goal_ratings WHERE goal_id = NEW.goal_id
                     ORDER BY session_number DESC LIMIT 1)
  WHERE id = NEW.goal_id;
END;

CREATE TRIGGER goal_ratings_delete AFTER DELETE ON goal_ratings
BEGIN
  UPDATE goals SET
    first_rating = (SELECT rating FROM goal_ratings WHERE goal_id = OLD.goal_id
                    ORDER BY session_number LIMIT 1),
    latest_rating = (SELECT rating FROM goal_ratings WHERE goal_id = OLD.goal_id
                     ORDER BY session_number DESC LIMIT 1)
  WHERE id = OLD.goal_id;
END;

-- Progress of each course: attended sessions, the latest attended one, and the PHQ-9 and GAD-7
-- series of its attended sessions. A series is "number:total:risk item answer" for each attended
-- session with the measure, by number, joined with ','; a NULL total or answer is left empty.
-- The view computes it from the records. The table keeps the view's rows: triggers mark a
-- course stale when one of its records changes, and the store recomputes the stale courses just
-- before each transaction commits (ipt-store.c), so a bulk import recomputes each course once.
-- Readers take the view for a course still marked stale (written by hand, say).
CREATE VIEW episode_series_view AS
SELECT e.id AS episode_id,
  (SELECT count(*) FROM sessions s
   WHERE s.episode_id = e.id AND s.attendance = 'attended') AS sessions_attended,
  (SELECT coalesce (max (s.number), 0) FROM sessions s
   WHERE s.episode_id = e.id AND s.attendance = 'attended') AS current_session,
  (SELECT coalesce (group_concat (point, ','), '') FROM
     (SELECT s.number || ':' || coalesce (sc.total, '') || ':' ||
             coalesce ((SELECT si.value FROM score_items si
                        JOIN measure_items m ON m.measure = sc.measure AND m.item = si.item
                        WHERE si.score_id = sc.id AND m.risk = 1), '') AS point
      FROM sessions s JOIN scores sc ON sc.session_id = s.id AND sc.measure = 'phq9'
      WHERE s.episode_id = e.id AND s.attendance = 'attended' ORDER BY s.number)) AS phq9,
  (SELECT coalesce (group_concat (point, ','), '') FROM
     (SELECT s.number || ':' || coalesce (sc.total, '') || ':' AS point
      FROM sessions s JOIN scores sc ON sc.session_id = s.id AND sc.measure = 'gad7'
      WHERE s.episode_id = e.id AND s.attendance = 'attended' ORDER BY s.number)) AS gad7
FROM episodes e;

CREATE TABLE episode_series (
  episode_id         INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
  sessions_attended  INTEGER NOT NULL CHECK (sessions_attended >= 0),
  current_session    INTEGER NOT NULL CHECK (current_session >= 0),
  phq9               TEXT NOT NULL,
  gad7               TEXT NOT NULL
);

-- Ids of courses whose row above is out of date (or missing); no foreign key: a deleted course
-- is simply dropped from here at the next recomputation.
CREATE TABLE episode_series_stale (
  episode_id  INTEGER PRIMARY KEY
);

INSERT INTO episode_series SELECT * FROM episode_series_view;

CREATE TRIGGER episode_series_episode_insert AFTER INSERT ON episodes
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id) VALUES (NEW.id);
END;

CREATE TRIGGER episode_series_session_insert AFTER INSERT ON sessions
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id) VALUES (NEW.episode_id);
END;

CREATE TRIGGER episode_series_session_update AFTER UPDATE ON sessions
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id) VALUES (OLD.episode_id);
  INSERT OR IGNORE INTO episode_series_stale (episode_id) VALUES (NEW.episode_id);
END;

CREATE TRIGGER episode_series_session_delete AFTER DELETE ON sessions
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id) VALUES (OLD.episode_id);
END;

CREATE TRIGGER episode_series_score_insert AFTER INSERT ON scores
WHEN NEW.measure IN ('phq9', 'gad7')
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id)
  SELECT episode_id FROM sessions WHERE id = NEW.session_id;
END;

CREATE TRIGGER episode_series_score_update AFTER UPDATE ON scores
WHEN NEW.measure IN ('phq9', 'gad7') OR OLD.measure IN ('phq9', 'gad7')
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id)
  SELECT episode_id FROM sessions WHERE id IN (OLD.session_id, NEW.session_id);
END;

CREATE TRIGGER episode_series_score_delete AFTER DELETE ON scores
WHEN OLD.measure IN ('phq9', 'gad7')
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id)
  SELECT episode_id FROM sessions WHERE id = OLD.session_id;
END;

-- Only the risk item's answer is part of a series.
CREATE TRIGGER episode_series_item_insert AFTER INSERT ON score_items
WHEN EXISTS (SELECT 1 FROM scores s JOIN measure_items m ON m.measure = s.measure
             WHERE s.id = NEW.score_id AND m.item = NEW.item AND m.risk = 1)
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id)
  SELECT episode_id FROM sessions
  WHERE id = (SELECT session_id FROM scores WHERE id = NEW.score_id);
END;

CREATE TRIGGER episode_series_item_update AFTER UPDATE ON score_items
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id)
  SELECT episode_id FROM sessions
  WHERE id IN (SELECT session_id FROM scores WHERE id IN (OLD.score_id, NEW.score_id));
END;

CREATE TRIGGER episode_series_item_delete AFTER DELETE ON score_items
WHEN EXISTS (SELECT 1 FROM scores s JOIN measure_items m ON m.measure = s.measure
             WHERE s.id = OLD.score_id AND m.item = OLD.item AND m.risk = 1)
BEGIN
  INSERT OR IGNORE INTO episode_series_stale (episode_id)
  SELECT episode_id FROM sessions
  WHERE id = (SELECT session_id FROM scores WHERE id = OLD.score_id);
END;
