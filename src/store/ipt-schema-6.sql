-- Casebook schema, version 6: the IPT work of a case, run in one transaction.
-- 1. The interpersonal inventory gets every field of clinical.md section 3 (what can and cannot
--    be talked about, arguments and whether they resolve, support and confiding), and the
--    case-level fields in inventory_notes.
-- 2. A course's secondary focus has its own fields (secondary_focus_fields), and a role
--    dispute's stage has a history, each change recorded at a session (dispute_stage_changes);
--    the current stage follows the latest change.
-- 3. Sessions keep their work by technique (session_techniques) and who from the inventory
--    attended a joint session (session_attendees).
-- 4. Ending a course keeps its reason and relapse-prevention plan (course_endings); a
--    maintenance contract may follow an ended course (maintenance_contracts).
-- Dates are checked as in ipt-schema-1.sql. Every new column and table may stay empty.

ALTER TABLE people ADD COLUMN talk_about TEXT;
ALTER TABLE people ADD COLUMN cannot_talk_about TEXT;
ALTER TABLE people ADD COLUMN arguments TEXT;
ALTER TABLE people ADD COLUMN arguments_resolve TEXT
  CHECK (arguments_resolve IS NULL OR arguments_resolve = 'usually'
         OR arguments_resolve = 'sometimes' OR arguments_resolve = 'rarely');
ALTER TABLE people ADD COLUMN supportive INTEGER NOT NULL DEFAULT 0 CHECK (supportive IN (0, 1));
ALTER TABLE people ADD COLUMN confidant INTEGER NOT NULL DEFAULT 0 CHECK (confidant IN (0, 1));

CREATE TABLE inventory_notes (
  client_id            INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  social_support       TEXT,
  confiding            TEXT,
  communication_style  TEXT,
  onset_changes        TEXT
);

CREATE TABLE secondary_focus_fields (
  episode_id     INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
  person_id      INTEGER REFERENCES people (id) ON DELETE SET NULL,
  focus_date     TEXT CHECK (focus_date IS NULL OR date(focus_date, '+0 days') IS focus_date),
  old_role       TEXT,
  new_role       TEXT,
  dispute_stage  TEXT CHECK (dispute_stage IS NULL OR dispute_stage IN
                   ('renegotiation', 'impasse', 'dissolution'))
);

-- focus_rank 1: the course's focus, 2: its secondary focus.
CREATE TABLE dispute_stage_changes (
  episode_id      INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  focus_rank      INTEGER NOT NULL CHECK (focus_rank IN (1, 2)),
  session_number  INTEGER NOT NULL CHECK (session_number BETWEEN 1 AND 99),
  stage           TEXT NOT NULL CHECK (stage IN ('renegotiation', 'impasse', 'dissolution')),
  PRIMARY KEY (episode_id, focus_rank, session_number)
) WITHOUT ROWID;

-- A stage belongs to a focus that is a role dispute.
CREATE TRIGGER dispute_stage_changes_focus BEFORE INSERT ON dispute_stage_changes
WHEN NOT EXISTS (SELECT 1 FROM episodes WHERE id = NEW.episode_id
                 AND CASE NEW.focus_rank WHEN 1 THEN focus ELSE secondary_focus END
                     = 'role-dispute')
BEGIN
  SELECT RAISE (ABORT, 'a dispute stage needs a focus that is a role dispute');
END;

-- The current stage is the latest change's (by session number).
CREATE TRIGGER dispute_stage_changes_insert AFTER INSERT ON dispute_stage_changes
BEGIN
  UPDATE episodes SET dispute_stage =
    (SELECT stage FROM dispute_stage_changes WHERE episode_id = NEW.episode_id AND focus_rank = 1
     ORDER BY session_number DESC LIMIT 1)
  WHERE id = NEW.episode_id AND NEW.focus_rank = 1;
  INSERT OR IGNORE INTO secondary_focus_fields (episode_id)
  SELECT NEW.episode_id WHERE NEW.focus_rank = 2;
  UPDATE secondary_focus_fields SET dispute_stage =
    (SELECT stage FROM dispute_stage_changes WHERE episode_id = NEW.episode_id AND focus_rank = 2
     ORDER BY session_number DESC LIMIT 1)
  WHERE episode_id = NEW.episode_id AND NEW.focus_rank = 2;
END;

CREATE TRIGGER dispute_stage_changes_update AFTER UPDATE ON dispute_stage_changes
BEGIN
  UPDATE episodes SET dispute_stage =
    (SELECT stage FROM dispute_stage_changes WHERE episode_id = NEW.episode_id AND focus_rank = 1
     ORDER BY session_number DESC LIMIT 1)
  WHERE id = NEW.episode_id AND NEW.focus_rank = 1;
  UPDATE secondary_focus_fields SET dispute_stage =
    (SELECT stage FROM dispute_stage_changes WHERE episode_id = NEW.episode_id AND focus_rank = 2
     ORDER BY session_number DESC LIMIT 1)
  WHERE episode_id = NEW.episode_id AND NEW.focus_rank = 2;
END;

-- Removing a change goes back to the one before; removing the last leaves the stage as it was.
CREATE TRIGGER dispute_stage_changes_delete AFTER DELETE ON dispute_stage_changes
BEGIN
  UPDATE episodes SET dispute_stage =
    (SELECT stage FROM dispute_stage_changes WHERE episode_id = OLD.episode_id AND focus_rank = 1
     ORDER BY session_number DESC LIMIT 1)
  WHERE id = OLD.episode_id AND OLD.focus_rank = 1
    AND EXISTS (SELECT 1 FROM dispute_stage_changes
                WHERE episode_id = OLD.episode_id AND focus_rank = 1);
  UPDATE secondary_focus_fields SET dispute_stage =
    (SELECT stage FROM dispute_stage_changes WHERE episode_id = OLD.episode_id AND focus_rank = 2
     ORDER BY session_number DESC LIMIT 1)
  WHERE episode_id = OLD.episode_id AND OLD.focus_rank = 2
    AND EXISTS (SELECT 1 FROM dispute_stage_changes
                WHERE episode_id = OLD.episode_id AND focus_rank = 2);
END;

-- A focus person is one of the client's own people.
CREATE TRIGGER secondary_focus_fields_person_insert BEFORE INSERT ON secondary_focus_fields
WHEN NEW.person_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM people p JOIN episodes e ON e.client_id = p.client_id
                 WHERE p.id = NEW.person_id AND e.id = NEW.episode_id)
BEGIN
  SELECT RAISE (ABORT, 'the focus person is not in this client''s inventory');
END;

CREATE TRIGGER secondary_focus_fields_person_update BEFORE UPDATE OF person_id ON secondary_focus_fields
WHEN NEW.person_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM people p JOIN episodes e ON e.client_id = p.client_id
                 WHERE p.id = NEW.person_id AND e.id = NEW.episode_id)
BEGIN
  SELECT RAISE (ABORT, 'the focus person is not in this client''s inventory');
END;

CREATE TABLE session_techniques (
  session_id    INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  interaction   TEXT,    -- communication analysis
  said          TEXT,
  meant         TEXT,
  alternatives  TEXT,
  options       TEXT,    -- decision analysis
  pros_cons     TEXT,
  choice        TEXT,
  rehearsed     TEXT,    -- role play
  how_it_went   TEXT
);

-- Who attended a joint session with the client: a person of the inventory, or someone in words.
-- When a person leaves the inventory, the row keeps who they were in words.
CREATE TABLE session_attendees (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  person_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
  description  TEXT,
  CHECK (person_id IS NOT NULL OR length (description) > 0),
  UNIQUE (session_id, person_id)
);
CREATE INDEX session_attendees_person ON session_attendees (person_id);

CREATE TRIGGER session_attendees_person_insert BEFORE INSERT ON session_attendees
WHEN NEW.person_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM people p JOIN episodes e ON e.client_id = p.client_id
                 JOIN sessions s ON s.episode_id = e.id
                 WHERE p.id = NEW.person_id AND s.id = NEW.session_id)
BEGIN
  SELECT RAISE (ABORT, 'the person attending is not in this client''s inventory');
END;

CREATE TRIGGER session_attendees_alone BEFORE INSERT ON session_attendees
WHEN (SELECT attendees FROM sessions WHERE id = NEW.session_id) = 'client-alone'
BEGIN
  SELECT RAISE (ABORT, 'a session with the client alone has no one else attending');
END;

-- A session changed to "client alone" had nobody else attending.
CREATE TRIGGER sessions_alone_no_attendees AFTER UPDATE OF attendees ON sessions
WHEN NEW.attendees = 'client-alone'
BEGIN
  DELETE FROM session_attendees WHERE session_id = NEW.id;
END;

CREATE TRIGGER people_delete_keep_attendees BEFORE DELETE ON people
BEGIN
  UPDATE session_attendees
  SET description = coalesce (nullif (description, ''),
                              OLD.name || coalesce (', ' || nullif (OLD.relationship, ''), ''))
  WHERE person_id = OLD.id;
END;

CREATE TABLE course_endings (
  episode_id           INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
  reason               TEXT NOT NULL CHECK (reason IN ('completed', 'dropped-out', 'referred-on')),
  warning_signs        TEXT,
  what_helped          TEXT,
  people_to_turn_to    TEXT,
  if_signs_return      TEXT,
  maintenance_offered  INTEGER NOT NULL DEFAULT 0 CHECK (maintenance_offered IN (0, 1))
);

-- An ending belongs to a course that has ended, with the status its reason gives.
CREATE TRIGGER course_endings_insert BEFORE INSERT ON course_endings
WHEN NOT EXISTS (SELECT 1 FROM episodes WHERE id = NEW.episode_id AND end_date IS NOT NULL
                 AND status = CASE NEW.reason WHEN 'dropped-out' THEN 'dropped-out'
                                              ELSE 'ended' END)
BEGIN
  SELECT RAISE (ABORT, 'an ending needs a course with an end date and the status of its reason');
END;

CREATE TABLE maintenance_contracts (
  episode_id        INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
  start_date        TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  planned_sessions  INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 24),
  interval_weeks    INTEGER NOT NULL DEFAULT 4 CHECK (interval_weeks BETWEEN 1 AND 12)
);

-- Maintenance follows a course that ended (not one dropped out), from its end date on.
CREATE TRIGGER maintenance_contracts_insert BEFORE INSERT ON maintenance_contracts
WHEN NOT EXISTS (SELECT 1 FROM episodes WHERE id = NEW.episode_id AND status = 'ended'
                 AND end_date IS NOT NULL AND end_date <= NEW.start_date)
BEGIN
  SELECT RAISE (ABORT, 'maintenance needs a course that ended, and starts after its end');
END;
