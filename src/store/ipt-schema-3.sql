-- Casebook schema, version 3: the step from version 2, run in one transaction.
-- A score's item answers are kept in its own row, scores.answers: one character per item in the
-- order of the questionnaire, the digit of the answer or '-' for an item left unanswered
-- ("2231-0112" for a PHQ-9 with item 5 unanswered), NULL for a total without answers. Every item
-- range of our measures is a single digit, so a CHECK refuses an answer outside its item's range
-- (or a wrong number of answers) with no trigger to run for each answer.
-- score_items stays as a view (score_id, item, value) for a person reading the casebook with the
-- sqlite3 shell: one row per item of each score with answers, value NULL when unanswered.

-- Version 2 kept the answers written before it as they were; an answer that does not fit its
-- measure cannot be packed, so the step stops (nothing changes) and says so.
CREATE TEMP TABLE ipt_unfit_answers (score_id INTEGER);
CREATE TEMP TRIGGER ipt_unfit_answers_refuse BEFORE INSERT ON ipt_unfit_answers
BEGIN
  SELECT RAISE (ABORT, 'an item answer in score_items does not fit its measure: correct it with the sqlite3 shell, then open the casebook again');
END;
INSERT INTO ipt_unfit_answers (score_id)
SELECT si.score_id FROM score_items si JOIN scores s ON s.id = si.score_id
WHERE NOT EXISTS (SELECT 1 FROM measure_items m
                  WHERE m.measure = s.measure AND m.item = si.item
                    AND (si.value IS NULL OR
                         (typeof (si.value) = 'integer' AND si.value BETWEEN m.min_value AND m.max_value
                          AND m.max_value <= 9)));
DROP TRIGGER ipt_unfit_answers_refuse;
DROP TABLE ipt_unfit_answers;

-- The CHECKs of sessions and scores that list their values with IN are written as comparisons
-- joined by OR, which mean the same: SQLite 3.40 builds a temporary b-tree for an IN list of
-- more than two values at every row it checks, the most costly part of writing a score. Only the
-- text of the constraints changes (no row is rewritten), as SQLite's documentation allows for
-- CHECK constraints (lang_altertable.html, "other kinds of table schema changes"); RESET reloads
-- the schema at once.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace (replace (sql,
    'CHECK (attendance IN' || char (10) ||
    '                (''attended'', ''cancelled-by-client'', ''cancelled-by-practitioner'', ''did-not-attend''))',
    'CHECK (attendance = ''attended'' OR attendance = ''cancelled-by-client'' OR' || char (10) ||
    '                attendance = ''cancelled-by-practitioner'' OR attendance = ''did-not-attend'')'),
    'CHECK (attendees IN' || char (10) ||
    '                (''client-alone'', ''with-partner'', ''with-family-member'', ''other''))',
    'CHECK (attendees = ''client-alone'' OR attendees = ''with-partner'' OR' || char (10) ||
    '                attendees = ''with-family-member'' OR attendees = ''other'')')
WHERE type = 'table' AND name = 'sessions';
UPDATE sqlite_master SET sql = replace (sql,
    'CHECK (measure IN (''phq9'', ''gad7'', ''wsas'', ''hamd17'', ''bdi2'', ''epds''))',
    'CHECK (measure = ''phq9'' OR measure = ''gad7'' OR measure = ''wsas'' OR' || char (10) ||
    '                  measure = ''hamd17'' OR measure = ''bdi2'' OR measure = ''epds'')')
WHERE type = 'table' AND name = 'scores';
PRAGMA writable_schema = RESET;

-- Item numbers 1 to 17 (the longest questionnaire, HAM-D 17) for the score_items view.
CREATE TABLE item_numbers (
  item  INTEGER PRIMARY KEY CHECK (item BETWEEN 1 AND 17)
);
INSERT INTO item_numbers (item) VALUES
  (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17);

DROP VIEW episode_series_view;
DROP TRIGGER scores_measure_fixed;

-- The ranges are those of measure_items (ipt-schema-2.sql); a measure stored as totals only has
-- no answers. The length of a measure's answers is fixed, so a score with answers cannot change
-- its measure either. Where every item has the same range, "ltrim (answers, '0123-') = ''" says
-- that the answers are made of those characters only (the quickest test SQLite has for it);
-- HAM-D 17 has a range for each position.
ALTER TABLE scores ADD COLUMN answers TEXT CONSTRAINT answers_fit_measure CHECK (answers IS NULL OR (typeof (answers) = 'text' AND
  CASE measure
    WHEN 'phq9' THEN length (answers) = 9 AND ltrim (answers, '0123-') = ''
    WHEN 'gad7' THEN length (answers) = 7 AND ltrim (answers, '0123-') = ''
    WHEN 'wsas' THEN length (answers) = 5 AND ltrim (answers, '012345678-') = ''
    WHEN 'hamd17' THEN answers GLOB
      '[0-4-][0-4-][0-4-][0-2-][0-2-][0-2-][0-4-][0-4-][0-4-][0-4-][0-4-][0-2-][0-2-][0-2-][0-4-][0-2-][0-2-]'
    ELSE 0
  END));

UPDATE scores SET answers =
  (SELECT group_concat (answer, '') FROM
     (SELECT coalesce ((SELECT si.value FROM score_items si
                        WHERE si.score_id = scores.id AND si.item = n.item), '-') AS answer
      FROM item_numbers n
      WHERE n.item <= (SELECT count(*) FROM measure_items m WHERE m.measure = scores.measure)
      ORDER BY n.item))
WHERE id IN (SELECT score_id FROM score_items);

-- Its triggers (ranges, course progress) go with it: the CHECK above and the scores triggers of
-- episode_series do their work now.
DROP TABLE score_items;

CREATE VIEW score_items AS
SELECT s.id AS score_id, n.item AS item,
       CAST (nullif (substr (s.answers, n.item, 1), '-') AS INTEGER) AS value
FROM scores s JOIN item_numbers n ON n.item <= length (s.answers)
WHERE s.answers IS NOT NULL;

-- As in version 2, with the risk item's answer read from the score's row.
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
      WHERE s.episode_id = e.id AND s.attendance = 'attended' ORDER BY s.number)) AS gad7
FROM episodes e;
