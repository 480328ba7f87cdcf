-- Casebook schema, version 7: supervision (clinical.md section 7), run in one transaction.
-- 1. The casebook's own random identity, written into every review file made from it, so that
--    merging refuses a review file of another casebook.
-- 2. Supervision comments remember the review file entry they came from (review_uid), so that
--    merging the same file twice adds nothing, and whether the practitioner has seen them.
-- 3. session_reviews: a supervisor's rating of one session, each task of its phase 0 to 3 (one
--    character per task, '-' not rated), "kept to the agreed focus" and "IPT stance" 0 to 3.
-- 4. supervision_log: the supervision log of a course: date, sessions discussed ("3,4,7"),
--    recordings reviewed, action points.

CREATE TABLE casebook_identity (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  uid  TEXT NOT NULL CHECK (length (uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*')
);
INSERT INTO casebook_identity (id, uid) VALUES (1, lower (hex (randomblob (16))));

ALTER TABLE comments ADD COLUMN review_uid TEXT;
ALTER TABLE comments ADD COLUMN unread INTEGER NOT NULL DEFAULT 0 CHECK (unread IN (0, 1));
CREATE UNIQUE INDEX comments_review_uid ON comments (review_uid) WHERE review_uid IS NOT NULL;

CREATE TABLE session_reviews (
  id              INTEGER PRIMARY KEY,
  episode_id      INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  session_number  INTEGER NOT NULL CHECK (session_number BETWEEN 1 AND 99),
  phase           TEXT NOT NULL CHECK (phase = 'assessment' OR phase = 'middle' OR
                                       phase = 'end' OR phase = 'maintenance'),
  task_ratings    TEXT NOT NULL CHECK (length (task_ratings) <= 16 AND
                                       ltrim (task_ratings, '0123-') = ''),
  focus_rating    INTEGER CHECK (focus_rating IS NULL OR focus_rating BETWEEN 0 AND 3),
  stance_rating   INTEGER CHECK (stance_rating IS NULL OR stance_rating BETWEEN 0 AND 3),
  comment         TEXT,
  reviewer        TEXT,
  created_at      TEXT NOT NULL,
  review_uid      TEXT UNIQUE,
  unread          INTEGER NOT NULL DEFAULT 0 CHECK (unread IN (0, 1))
);
CREATE INDEX session_reviews_episode ON session_reviews (episode_id, session_number);

CREATE TABLE supervision_log (
  id                   INTEGER PRIMARY KEY,
  episode_id           INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  date                 TEXT NOT NULL CHECK (date (date, '+0 days') IS date),
  sessions_discussed   TEXT NOT NULL DEFAULT '' CHECK (sessions_discussed NOT GLOB '*[^0-9,]*'),
  recordings_reviewed  INTEGER NOT NULL DEFAULT 0 CHECK (recordings_reviewed >= 0),
  action_points        TEXT,
  author               TEXT,
  created_at           TEXT NOT NULL,
  review_uid           TEXT UNIQUE,
  unread               INTEGER NOT NULL DEFAULT 0 CHECK (unread IN (0, 1))
);
CREATE INDEX supervision_log_episode ON supervision_log (episode_id, date);
