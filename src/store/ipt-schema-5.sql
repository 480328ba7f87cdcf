-- Casebook schema, version 5: the step from version 4, run in one transaction.
-- Risk reviews (clinical.md section 6): a PHQ-9 item 9 above 0 raises a risk flag that stays
-- until the practitioner records a review of it: the day of the review, what was asked, what was
-- done and the plan. A review covers the sessions of its course dated on or before its own date;
-- a later item 9 above 0 raises the flag again.
-- The texts are limited to 4000 characters each (IPT_RISK_REVIEW_TEXT_MAX); what was asked and
-- the plan must say something (not only spaces, tabs or line breaks).

CREATE TABLE risk_reviews (
  id          INTEGER PRIMARY KEY,
  episode_id  INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  date        TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  asked       TEXT NOT NULL CHECK (typeof (asked) = 'text' AND length (asked) <= 4000
                AND length (trim (asked, ' ' || char (9, 10, 11, 12, 13))) > 0),
  done        TEXT NOT NULL DEFAULT '' CHECK (typeof (done) = 'text' AND length (done) <= 4000),
  plan        TEXT NOT NULL CHECK (typeof (plan) = 'text' AND length (plan) <= 4000
                AND length (trim (plan, ' ' || char (9, 10, 11, 12, 13))) > 0)
);
CREATE INDEX risk_reviews_episode ON risk_reviews (episode_id, date);

-- What the latest review of each course covers, kept by triggers so that the caseload reads it
-- with one lookup per course: the highest session number dated on or before the latest review
-- (ipt_risk_reviewed_through () in the model says the same). A course without reviews has no
-- row. No foreign key: a course's row goes with its last review, also when the course is deleted.
CREATE TABLE risk_review_cover (
  episode_id        INTEGER PRIMARY KEY,
  reviewed_through  INTEGER NOT NULL CHECK (reviewed_through >= 0)
);

CREATE TRIGGER risk_review_cover_review_insert AFTER INSERT ON risk_reviews
BEGIN
  INSERT OR REPLACE INTO risk_review_cover (episode_id, reviewed_through)
  SELECT NEW.episode_id, coalesce ((SELECT max (s.number) FROM sessions s
                                    WHERE s.episode_id = NEW.episode_id AND s.date <= r.latest), 0)
  FROM (SELECT max (date) AS latest FROM risk_reviews WHERE episode_id = NEW.episode_id) r;
END;

CREATE TRIGGER risk_review_cover_review_update AFTER UPDATE ON risk_reviews
BEGIN
  DELETE FROM risk_review_cover WHERE episode_id = OLD.episode_id OR episode_id = NEW.episode_id;
  INSERT INTO risk_review_cover (episode_id, reviewed_through)
  SELECT r.episode_id, coalesce ((SELECT max (s.number) FROM sessions s
                                  WHERE s.episode_id = r.episode_id AND s.date <= r.latest), 0)
  FROM (SELECT episode_id, max (date) AS latest FROM risk_reviews
        WHERE episode_id = OLD.episode_id OR episode_id = NEW.episode_id GROUP BY episode_id) r;
END;

CREATE TRIGGER risk_review_cover_review_delete AFTER DELETE ON risk_reviews
BEGIN
  DELETE FROM risk_review_cover WHERE episode_id = OLD.episode_id;
  INSERT INTO risk_review_cover (episode_id, reviewed_through)
  SELECT OLD.episode_id, coalesce ((SELECT max (s.number) FROM sessions s
                                    WHERE s.episode_id = OLD.episode_id AND s.date <= r.latest), 0)
  FROM (SELECT max (date) AS latest FROM risk_reviews WHERE episode_id = OLD.episode_id) r
  WHERE r.latest IS NOT NULL;
END;

-- A session added, moved to another date or number, or deleted changes what a review covers.
CREATE TRIGGER risk_review_cover_session_insert AFTER INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM risk_review_cover WHERE episode_id = NEW.episode_id)
BEGIN
  UPDATE risk_review_cover SET reviewed_through =
    coalesce ((SELECT max (s.number) FROM sessions s
               WHERE s.episode_id = NEW.episode_id
                 AND s.date <= (SELECT max (date) FROM risk_reviews
                                WHERE episode_id = NEW.episode_id)), 0)
  WHERE episode_id = NEW.episode_id;
END;

CREATE TRIGGER risk_review_cover_session_update AFTER UPDATE OF episode_id, number, date ON sessions
WHEN EXISTS (SELECT 1 FROM risk_review_cover
             WHERE episode_id = OLD.episode_id OR episode_id = NEW.episode_id)
BEGIN
  UPDATE risk_review_cover SET reviewed_through =
    coalesce ((SELECT max (s.number) FROM sessions s
               WHERE s.episode_id = risk_review_cover.episode_id
                 AND s.date <= (SELECT max (date) FROM risk_reviews
                                WHERE episode_id = risk_review_cover.episode_id)), 0)
  WHERE episode_id = OLD.episode_id OR episode_id = NEW.episode_id;
END;

CREATE TRIGGER risk_review_cover_session_delete AFTER DELETE ON sessions
WHEN EXISTS (SELECT 1 FROM risk_review_cover WHERE episode_id = OLD.episode_id)
BEGIN
  UPDATE risk_review_cover SET reviewed_through =
    coalesce ((SELECT max (s.number) FROM sessions s
               WHERE s.episode_id = OLD.episode_id
                 AND s.date <= (SELECT max (date) FROM risk_reviews
                                WHERE episode_id = OLD.episode_id)), 0)
  WHERE episode_id = OLD.episode_id;
END;
