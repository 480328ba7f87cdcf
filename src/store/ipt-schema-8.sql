-- Casebook schema, version 8: the step from version 7, run in one transaction.
-- The caseload's order kept for each client, so that a window reads the top of its list, and
-- the counts of its header, from an index instead of working out every client's signals first.
-- The order (clinical.md section 6): clients whose current course runs, most urgent signal
-- first, then everyone else; by case code within each. The signals are worked out by the model
-- (src/model/ipt-signal.c), so the rows are written by the store, in C, just before each
-- transaction commits (ipt-store-caseload.c), for the clients that triggers below have
-- marked as changed since; no record changes here.

-- rank: the first signal of the client's current course while it runs (the value of
-- IptSignalKind: 0 risk, 1 deterioration, 2 not on track, 3 on track, 5 no scores yet), 6 when
-- no course of theirs runs. attention: that course asks for attention (risk, deterioration or
-- not on track). code and archived are the client's own, copied for the index.
-- No foreign key: a client's row goes with them (trigger below), also when a person deletes
-- them with the sqlite3 shell, where foreign keys are off.
CREATE TABLE caseload_order (
  client_id  INTEGER PRIMARY KEY,
  rank       INTEGER NOT NULL CHECK (rank BETWEEN 0 AND 6),
  code       TEXT NOT NULL,
  archived   INTEGER NOT NULL CHECK (archived IN (0, 1)),
  attention  INTEGER NOT NULL CHECK (attention IN (0, 1))
);
CREATE INDEX caseload_order_rank ON caseload_order (rank, code);
CREATE INDEX caseload_order_counts ON caseload_order (archived, rank, attention);

-- Clients whose row above is out of date (or missing). Readers work those clients out from their
-- records instead (ipt_store_load_caseload_head).
CREATE TABLE caseload_order_stale (
  client_id  INTEGER PRIMARY KEY
);

-- Every client of an older casebook: their rows are written when it is next opened for writing.
INSERT INTO caseload_order_stale (client_id) SELECT id FROM clients;

-- The triggers below check for the client before adding them, instead of INSERT OR IGNORE: a
-- trigger fired by a foreign key action (deleting a person a course focuses on, say) has its
-- statements' conflict handling overridden, and the second mark of a client would fail.
-- What a client's row is made from: the client, their courses (the latest is the current one),
-- its progress (episode_series, itself kept up to date before the commit) and the sessions its
-- latest risk review covers (risk_review_cover).
CREATE TRIGGER caseload_order_client_insert AFTER INSERT ON clients
BEGIN
  INSERT INTO caseload_order_stale (client_id) SELECT NEW.id
  WHERE NEW.id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_client_update AFTER UPDATE ON clients
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT client_id FROM (SELECT OLD.id AS client_id UNION SELECT NEW.id)
  WHERE client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_client_delete AFTER DELETE ON clients
BEGIN
  DELETE FROM caseload_order WHERE client_id = OLD.id;
END;

CREATE TRIGGER caseload_order_episode_insert AFTER INSERT ON episodes
BEGIN
  INSERT INTO caseload_order_stale (client_id) SELECT NEW.client_id
  WHERE NEW.client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_episode_update AFTER UPDATE ON episodes
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT client_id FROM (SELECT OLD.client_id AS client_id UNION SELECT NEW.client_id)
  WHERE client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_episode_delete AFTER DELETE ON episodes
BEGIN
  INSERT INTO caseload_order_stale (client_id) SELECT OLD.client_id
  WHERE OLD.client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

-- The store's refresh and the import both write a course's progress with INSERT OR REPLACE.
CREATE TRIGGER caseload_order_series_insert AFTER INSERT ON episode_series
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT DISTINCT client_id FROM episodes WHERE id = NEW.episode_id
    AND client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_series_update AFTER UPDATE ON episode_series
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT DISTINCT client_id FROM episodes WHERE id IN (OLD.episode_id, NEW.episode_id)
    AND client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_series_delete AFTER DELETE ON episode_series
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT DISTINCT client_id FROM episodes WHERE id = OLD.episode_id
    AND client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_cover_insert AFTER INSERT ON risk_review_cover
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT DISTINCT client_id FROM episodes WHERE id = NEW.episode_id
    AND client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_cover_update AFTER UPDATE ON risk_review_cover
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT DISTINCT client_id FROM episodes WHERE id IN (OLD.episode_id, NEW.episode_id)
    AND client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;

CREATE TRIGGER caseload_order_cover_delete AFTER DELETE ON risk_review_cover
BEGIN
  INSERT INTO caseload_order_stale (client_id)
  SELECT DISTINCT client_id FROM episodes WHERE id = OLD.episode_id
    AND client_id NOT IN (SELECT client_id FROM caseload_order_stale);
END;
