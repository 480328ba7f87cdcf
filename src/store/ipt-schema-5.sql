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
