"""The project file's schema, as an ordered list of migrations.

A migration is applied once, in order, inside one transaction; the schema version is the
number of migrations applied. Never edit a migration that has shipped: append a new one.
"""

from __future__ import annotations

APPLICATION_ID = 0x4E535444  # "NSTD", set in the SQLite header to recognise project files

V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Project settings: persona, system prompt, extraction options... (JSON values).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A chat is identified by Telegram's marked peer id: users > 0, basic groups -id,
-- channels and supergroups -(10**12 + id), so exports and live fetches meet on one row.
CREATE TABLE chats (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL DEFAULT '',
    type            TEXT NOT NULL DEFAULT 'unknown',
    username        TEXT,
    source          TEXT NOT NULL DEFAULT 'export',     -- export | live | manual
    linked_chat_id  INTEGER,                            -- a channel's discussion group
    included        INTEGER NOT NULL DEFAULT 1,
    is_forum        INTEGER NOT NULL DEFAULT 0,
    fetch_state     TEXT,                               -- JSON: live-fetch resume point
    imported_at     TEXT
);

CREATE TABLE participants (
    id        INTEGER PRIMARY KEY,                      -- marked peer id, as chats.id
    name      TEXT NOT NULL DEFAULT '',
    username  TEXT,
    kind      TEXT NOT NULL DEFAULT 'user'              -- user | channel | chat
);

CREATE TABLE forum_topics (
    chat_id   INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    topic_id  INTEGER NOT NULL,
    title     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (chat_id, topic_id)
) WITHOUT ROWID;

CREATE TABLE messages (
    chat_id          INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    id               INTEGER NOT NULL,
    date             INTEGER NOT NULL,                  -- unix seconds, UTC
    sender_id        INTEGER,
    sender_name      TEXT,
    author           TEXT,                              -- signature of a channel post
    kind             TEXT NOT NULL DEFAULT 'message',   -- message | service
    action           TEXT,
    text             TEXT NOT NULL DEFAULT '',
    entities         TEXT,                              -- JSON list
    reply_to_id      INTEGER,
    reply_to_chat_id INTEGER,
    topic_id         INTEGER,
    media_type       TEXT,
    forwarded_from   TEXT,
    fwd_chat_id      INTEGER,                           -- forward's original chat (marked id)
    fwd_msg_id       INTEGER,                           -- ... and message there
    via_bot          TEXT,
    edited           INTEGER,
    grouped_id       INTEGER,
    PRIMARY KEY (chat_id, id)
) WITHOUT ROWID;
CREATE INDEX messages_sender ON messages(sender_id);
CREATE INDEX messages_reply ON messages(chat_id, reply_to_id);
CREATE INDEX messages_date ON messages(chat_id, date);

-- One training example. turns_original is what extraction produced; turns is the curator's
-- edited version (NULL while unedited). question/answer mirror the effective last turns so
-- the table can sort and search without parsing JSON.
CREATE TABLE pairs (
    id               INTEGER PRIMARY KEY,
    key              TEXT UNIQUE,                       -- stable across re-extraction
    chat_id          INTEGER REFERENCES chats(id) ON DELETE SET NULL,
    origin           TEXT NOT NULL DEFAULT 'reply',     -- reply | implicit | comment | manual | model
    confidence       REAL NOT NULL DEFAULT 1.0,
    turns_original   TEXT NOT NULL,
    turns            TEXT,
    question         TEXT NOT NULL DEFAULT '',
    answer           TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'approved', 'rejected', 'needs_work')),
    quality          REAL,
    quality_reasons  TEXT,                              -- JSON list of reason codes
    system_prompt    TEXT,                              -- per-pair override
    notes            TEXT NOT NULL DEFAULT '',
    asker_id         INTEGER,
    question_date    INTEGER,
    answer_date      INTEGER,
    message_ids      TEXT,                              -- JSON list
    link             TEXT,
    deleted          INTEGER NOT NULL DEFAULT 0,
    stale            INTEGER NOT NULL DEFAULT 0,        -- extraction no longer produces it
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX pairs_status ON pairs(status);
CREATE INDEX pairs_chat ON pairs(chat_id);
CREATE INDEX pairs_quality ON pairs(quality);
CREATE INDEX pairs_answer_date ON pairs(answer_date);

-- History of changes to pairs (audit and restore); values are JSON.
CREATE TABLE pair_edits (
    id       INTEGER PRIMARY KEY,
    pair_id  INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    field    TEXT NOT NULL,
    before   TEXT,
    after    TEXT
);
CREATE INDEX pair_edits_pair ON pair_edits(pair_id);

CREATE TABLE topics (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    keywords  TEXT NOT NULL DEFAULT '[]',               -- JSON list of words (lemmas)
    builtin   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pair_topics (
    pair_id   INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    topic_id  INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    source    TEXT NOT NULL DEFAULT 'auto',             -- auto | manual
    PRIMARY KEY (pair_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX pair_topics_topic ON pair_topics(topic_id);

-- Curation search: a word index over pairs' question and answer. Triggers only mark pairs
-- whose text changed (cheap for bulk inserts); core.curation.search indexes them later.
CREATE VIRTUAL TABLE pair_search USING fts5(question, answer, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE pair_search_dirty (pair_id INTEGER PRIMARY KEY);
CREATE TRIGGER pair_search_ins AFTER INSERT ON pairs BEGIN INSERT OR IGNORE INTO pair_search_dirty(pair_id) VALUES (new.id); END;
CREATE TRIGGER pair_search_upd AFTER UPDATE OF question, answer ON pairs BEGIN INSERT OR IGNORE INTO pair_search_dirty(pair_id) VALUES (new.id); END;
CREATE TRIGGER pair_search_del AFTER DELETE ON pairs BEGIN INSERT OR IGNORE INTO pair_search_dirty(pair_id) VALUES (old.id); END;
CREATE INDEX pairs_origin ON pairs(origin);
-- Covers the Pairs tab's usual filters and its default order without reading pair text.
CREATE INDEX pairs_curation ON pairs(deleted, answer_date, status, quality, chat_id, origin);
-- The Pairs tab sorts by a short prefix of question and answer (narrow, indexed), and reads
-- which pairs are hand-edited without touching the text.
CREATE INDEX pairs_question_sort ON pairs(substr(question, 1, 24));
CREATE INDEX pairs_answer_sort ON pairs(substr(answer, 1, 24));
CREATE INDEX pairs_edited ON pairs(id) WHERE turns IS NOT NULL;

-- Bulk curation operations (command line and window), kept so that one can be undone whole.
CREATE TABLE curation_operations (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    kind        TEXT NOT NULL,                          -- status | topics | delete | replace
    description TEXT NOT NULL DEFAULT '',
    pair_count  INTEGER NOT NULL DEFAULT 0,
    undo        TEXT NOT NULL,                          -- JSON: what restores the pairs
    undone_at   TEXT
);

CREATE TABLE snapshots (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    system_prompt TEXT NOT NULL DEFAULT '',
    settings      TEXT NOT NULL DEFAULT '{}',           -- JSON: filter, split, seed
    content_hash  TEXT NOT NULL,
    pair_count    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE snapshot_pairs (
    snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    pair_id      INTEGER NOT NULL,                      -- no FK: the pair may be deleted later
    split        TEXT NOT NULL DEFAULT 'train',         -- train | validation | heldout
    content      TEXT NOT NULL,                         -- JSON: the frozen pair
    PRIMARY KEY (snapshot_id, pair_id)
) WITHOUT ROWID;

-- Every file exported from a snapshot, so that a file can be traced back to its data.
CREATE TABLE snapshot_exports (
    id             INTEGER PRIMARY KEY,
    snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    format         TEXT NOT NULL,                       -- openai | vertex | hf | csv | json
    split          TEXT NOT NULL,                       -- train | validation | heldout | all
    path           TEXT NOT NULL,
    example_count  INTEGER NOT NULL,
    file_sha256    TEXT NOT NULL,
    options        TEXT NOT NULL DEFAULT '{}'           -- JSON: export options
);
CREATE INDEX snapshot_exports_snapshot ON snapshot_exports(snapshot_id);

CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY,
    provider         TEXT NOT NULL,                     -- vertex | openai | local
    remote_id        TEXT,
    snapshot_id      INTEGER REFERENCES snapshots(id) ON DELETE SET NULL,
    base_model       TEXT NOT NULL,
    display_name     TEXT NOT NULL DEFAULT '',
    hyperparameters  TEXT NOT NULL DEFAULT '{}',
    status           TEXT NOT NULL DEFAULT 'preparing',
    error            TEXT,
    tuned_model      TEXT,
    state            TEXT NOT NULL DEFAULT '{}',        -- provider-specific resume data
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at      TEXT
);

CREATE TABLE job_events (
    id         INTEGER PRIMARY KEY,
    job_id     INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    remote_id  TEXT,
    at         TEXT NOT NULL,
    level      TEXT NOT NULL DEFAULT 'info',
    message    TEXT NOT NULL DEFAULT '',
    data       TEXT,
    UNIQUE (job_id, remote_id)
);

CREATE TABLE job_metrics (
    job_id  INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    step    INTEGER NOT NULL,
    name    TEXT NOT NULL,                              -- train_loss, valid_loss, ...
    value   REAL NOT NULL,
    PRIMARY KEY (job_id, step, name)
) WITHOUT ROWID;

-- A model the curator can chat with: a tuned model, a base model, any compatible server.
CREATE TABLE models (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    provider    TEXT NOT NULL,                          -- openai | vertex | compatible | local
    model_id    TEXT NOT NULL,
    base_url    TEXT,
    job_id      INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
    settings    TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE chat_sessions (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    mode        TEXT NOT NULL DEFAULT 'side_by_side',   -- side_by_side | blind | heldout
    config      TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE chat_messages (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
    column_index INTEGER NOT NULL DEFAULT 0,
    model_id     INTEGER REFERENCES models(id) ON DELETE SET NULL,
    role         TEXT NOT NULL,
    content      TEXT NOT NULL,
    metrics      TEXT,                                  -- JSON: ttft, tokens per second
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE votes (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER REFERENCES chat_sessions(id) ON DELETE SET NULL,
    prompt      TEXT NOT NULL,                          -- JSON messages
    model_a     INTEGER REFERENCES models(id) ON DELETE SET NULL,
    model_b     INTEGER REFERENCES models(id) ON DELETE SET NULL,
    answer_a    TEXT NOT NULL,
    answer_b    TEXT NOT NULL,
    winner      TEXT NOT NULL CHECK (winner IN ('a', 'b', 'tie', 'both_bad')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX votes_models ON votes(model_a, model_b);

-- Held-out (golden) questions of a snapshot answered by chosen models. Answers keep the
-- model's name because a model entry may be deleted while its ratings still matter.
CREATE TABLE heldout_runs (
    id           INTEGER PRIMARY KEY,
    snapshot_id  INTEGER REFERENCES snapshots(id) ON DELETE CASCADE,
    title        TEXT NOT NULL DEFAULT '',
    models       TEXT NOT NULL DEFAULT '[]',            -- JSON list of models.id, in order
    options      TEXT NOT NULL DEFAULT '{}',            -- JSON: temperature, max tokens
    status       TEXT NOT NULL DEFAULT 'running',       -- running | finished | stopped
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at  TEXT
);

CREATE TABLE heldout_answers (
    run_id      INTEGER NOT NULL REFERENCES heldout_runs(id) ON DELETE CASCADE,
    pair_id     INTEGER NOT NULL,                       -- snapshot_pairs.pair_id
    model_id    INTEGER NOT NULL,                       -- models.id (no FK, see above)
    model_name  TEXT NOT NULL DEFAULT '',
    answer      TEXT NOT NULL DEFAULT '',
    error       TEXT,
    metrics     TEXT,                                   -- JSON: ttft, tokens per second
    rating      INTEGER CHECK (rating BETWEEN 1 AND 5),
    best        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, pair_id, model_id)
) WITHOUT ROWID;

-- What privacy redaction replaced: kinds and counts, never the original values.
CREATE TABLE privacy_audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    kind    TEXT NOT NULL,
    count   INTEGER NOT NULL,
    scope   TEXT NOT NULL DEFAULT '',
    operation_id INTEGER REFERENCES privacy_operations(id) ON DELETE SET NULL
);

-- Privacy scan cache: findings in a pair's effective text, valid while the pair's text and
-- the detector set-up (participants, persona, allow/deny lists) stay the same.
CREATE TABLE privacy_scan (
    pair_id        INTEGER PRIMARY KEY REFERENCES pairs(id) ON DELETE CASCADE,
    pair_updated   TEXT NOT NULL,                      -- pairs.updated_at when scanned
    content_hash   TEXT NOT NULL,
    config_hash    TEXT NOT NULL,
    finding_count  INTEGER NOT NULL DEFAULT 0,
    findings       TEXT NOT NULL DEFAULT '[]'          -- JSON list of findings
);

-- A redaction, kept so that it can be undone as one step.
CREATE TABLE privacy_operations (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    mode       TEXT NOT NULL,                          -- placeholders | fake_names
    scope      TEXT NOT NULL DEFAULT '',               -- all | selection | pair | span
    pair_count INTEGER NOT NULL DEFAULT 0,
    undone_at  TEXT
);

CREATE TABLE privacy_operation_pairs (
    operation_id INTEGER NOT NULL REFERENCES privacy_operations(id) ON DELETE CASCADE,
    pair_id      INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    turns_before TEXT,                                 -- JSON; NULL: the pair was unedited
    turns_after  TEXT NOT NULL,
    PRIMARY KEY (operation_id, pair_id)
) WITHOUT ROWID;

-- Placeholder numbers and fake names, keyed by a salted hash of the value (never the value),
-- so that one person gets the same pseudonym across the dataset.
CREATE TABLE privacy_pseudonyms (
    kind        TEXT NOT NULL,
    value_hash  TEXT NOT NULL,
    number      INTEGER NOT NULL,
    fake        TEXT,
    PRIMARY KEY (kind, value_hash)
) WITHOUT ROWID;
"""

# Style fidelity: a held-out run's answers scored against the persona's real answers and style
# (core.fidelity). The answers stay in heldout_answers; a run keeps the persona's profile it
# scored against, each answer's scores, and each model's summed-up line.
V2 = """
CREATE TABLE fidelity_runs (
    id              INTEGER PRIMARY KEY,
    heldout_run_id  INTEGER REFERENCES heldout_runs(id) ON DELETE CASCADE,
    snapshot_id     INTEGER REFERENCES snapshots(id) ON DELETE CASCADE,
    title           TEXT NOT NULL DEFAULT '',
    options         TEXT NOT NULL DEFAULT '{}',         -- JSON: questions, judge, seed
    profile         TEXT NOT NULL DEFAULT '{}',         -- JSON: the persona's style profile
    status          TEXT NOT NULL DEFAULT 'running',    -- running | finished | stopped
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at     TEXT
);

CREATE TABLE fidelity_scores (
    run_id    INTEGER NOT NULL REFERENCES fidelity_runs(id) ON DELETE CASCADE,
    pair_id   INTEGER NOT NULL,
    model_id  INTEGER NOT NULL,                         -- models.id (no FK, as heldout_answers)
    style     REAL,
    meaning   REAL,
    judge     REAL,
    score     REAL,
    details   TEXT NOT NULL DEFAULT '{}',               -- JSON: the style axis's parts
    PRIMARY KEY (run_id, pair_id, model_id)
) WITHOUT ROWID;

CREATE TABLE fidelity_results (
    run_id      INTEGER NOT NULL REFERENCES fidelity_runs(id) ON DELETE CASCADE,
    model_id    INTEGER NOT NULL,
    model_name  TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    score       REAL,
    low         REAL,
    high        REAL,
    style       REAL,
    meaning     REAL,
    judge       REAL,
    n           INTEGER NOT NULL DEFAULT 0,
    errors      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, model_id)
) WITHOUT ROWID;
"""

# Each entry moves the schema from version i to i + 1.
MIGRATIONS: list[str] = [V1, V2]

SCHEMA_VERSION = len(MIGRATIONS)
