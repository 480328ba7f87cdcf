-- Casebook schema, version 1: the tables as the first release wrote them.
-- A new casebook is this file followed by every later step (ipt-schema-2.sql, ...), all in one
-- transaction; an older casebook runs the steps it lacks, each in its own transaction.
-- CHECK constraints mirror the model so that no path writes an impossible record.
-- Dates: date(x, '+0 days') normalises (2026-02-30 becomes 2026-03-02, garbage becomes NULL), so
-- comparing it with IS to the text accepts only real ISO 8601 calendar dates (a NULL CHECK passes).

CREATE TABLE clients (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE
                 CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^A-Za-z0-9_-]*'),
  given_name     TEXT,
  family_name    TEXT,
  preferred_name TEXT,
  birth_date     TEXT CHECK (birth_date IS NULL OR date(birth_date, '+0 days') IS birth_date),
  phone          TEXT,
  email          TEXT,
  referrer       TEXT,
  notes          TEXT,
  archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE people (
  id              INTEGER PRIMARY KEY,
  client_id       INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  name            TEXT NOT NULL CHECK (length(name) > 0),
  relationship    TEXT,
  ring            INTEGER NOT NULL CHECK (ring BETWEEN 1 AND 3),
  ideal_ring      INTEGER CHECK (ideal_ring IS NULL OR ideal_ring BETWEEN 1 AND 3),
  contact         TEXT,
  satisfying      TEXT,
  unsatisfying    TEXT,
  changes_wanted  TEXT,
  knows_about_mood INTEGER NOT NULL DEFAULT 0 CHECK (knows_about_mood IN (0, 1))
);
CREATE INDEX people_client ON people (client_id);

CREATE TABLE episodes (
  id               INTEGER PRIMARY KEY,
  client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  ordinal          INTEGER NOT NULL CHECK (ordinal >= 1),
  start_date       TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 8 AND 20),
  assessment_end   INTEGER NOT NULL,
  middle_end       INTEGER NOT NULL,
  focus            TEXT CHECK (focus IS NULL OR focus IN
                     ('grief', 'role-dispute', 'role-transition', 'interpersonal-sensitivity')),
  secondary_focus  TEXT CHECK (secondary_focus IS NULL OR secondary_focus IN
                     ('grief', 'role-dispute', 'role-transition', 'interpersonal-sensitivity')),
  dispute_stage    TEXT CHECK (dispute_stage IS NULL OR dispute_stage IN
                     ('renegotiation', 'impasse', 'dissolution')),
  focus_person_id  INTEGER REFERENCES people (id) ON DELETE SET NULL,
  focus_date       TEXT CHECK (focus_date IS NULL OR date(focus_date, '+0 days') IS focus_date),
  old_role         TEXT,
  new_role         TEXT,
  formulation      TEXT,
  agreed_on        TEXT CHECK (agreed_on IS NULL OR date(agreed_on, '+0 days') IS agreed_on),
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'dropped-out')),
  end_date         TEXT CHECK (end_date IS NULL OR date(end_date, '+0 days') IS end_date),
  end_reason       TEXT,
  UNIQUE (client_id, ordinal),
  CHECK (1 <= assessment_end AND assessment_end < middle_end AND middle_end < planned_sessions),
  CHECK (secondary_focus IS NULL OR secondary_focus IS NOT focus)
);

CREATE TABLE sessions (
  id          INTEGER PRIMARY KEY,
  episode_id  INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
  date        TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  attendance  TEXT NOT NULL DEFAULT 'attended' CHECK (attendance IN
                ('attended', 'cancelled-by-client', 'cancelled-by-practitioner', 'did-not-attend')),
  attendees   TEXT NOT NULL DEFAULT 'client-alone' CHECK (attendees IN
                ('client-alone', 'with-partner', 'with-family-member', 'other')),
  duration    INTEGER CHECK (duration IS NULL OR duration BETWEEN 1 AND 600),
  note_agenda  TEXT,
  note_events  TEXT,
  note_between TEXT,
  tasks_done   INTEGER NOT NULL DEFAULT 0 CHECK (tasks_done >= 0),
  UNIQUE (episode_id, number)
);

CREATE TABLE scores (
  id              INTEGER PRIMARY KEY,
  session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  measure         TEXT NOT NULL CHECK (measure IN ('phq9', 'gad7', 'wsas', 'hamd17', 'bdi2', 'epds')),
  measure_version TEXT NOT NULL,
  total           INTEGER CHECK (total IS NULL OR total >= 0 AND total <=
                    CASE measure WHEN 'phq9' THEN 27 WHEN 'gad7' THEN 21 WHEN 'wsas' THEN 40
                                 WHEN 'hamd17' THEN 52 WHEN 'bdi2' THEN 63 WHEN 'epds' THEN 30 END),
  risk            INTEGER NOT NULL DEFAULT 0 CHECK (risk IN (0, 1)),
  UNIQUE (session_id, measure)
);

CREATE TABLE score_items (
  score_id  INTEGER NOT NULL REFERENCES scores (id) ON DELETE CASCADE,
  item      INTEGER NOT NULL CHECK (item >= 1),
  value     INTEGER CHECK (value IS NULL OR value BETWEEN 0 AND 8),
  PRIMARY KEY (score_id, item)
) WITHOUT ROWID;

CREATE TABLE life_events (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  date       TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  title      TEXT NOT NULL CHECK (length(title) > 0),
  impact     INTEGER NOT NULL CHECK (impact BETWEEN -5 AND 5),
  person_id  INTEGER REFERENCES people (id) ON DELETE SET NULL
);
CREATE INDEX life_events_client ON life_events (client_id, date);

CREATE TABLE goals (
  id             INTEGER PRIMARY KEY,
  episode_id     INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  text           TEXT NOT NULL CHECK (length(text) > 0),
  first_rating   INTEGER CHECK (first_rating IS NULL OR first_rating BETWEEN 0 AND 10),
  latest_rating  INTEGER CHECK (latest_rating IS NULL OR latest_rating BETWEEN 0 AND 10)
);
CREATE INDEX goals_episode ON goals (episode_id);

CREATE TABLE comments (
  id              INTEGER PRIMARY KEY,
  episode_id      INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  session_number  INTEGER CHECK (session_number IS NULL OR session_number >= 1),
  author          TEXT,
  created_at      TEXT NOT NULL,
  text            TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE INDEX comments_episode ON comments (episode_id);
