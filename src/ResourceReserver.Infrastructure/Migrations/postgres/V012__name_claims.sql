-- Unique names (usernames, resource names): one row per claimed name, keyed by (directory, normalised name), so the
-- primary key decides uniqueness and a claim writes one row instead of the directory grain's whole name map.
-- V013 moves the names stored by that grain into these tables.
CREATE TABLE IF NOT EXISTS name_claims (
    directory TEXT NOT NULL,
    name      TEXT NOT NULL, -- trimmed, upper-cased (invariant culture)
    owner_id  TEXT NOT NULL,
    PRIMARY KEY (directory, name)
);

-- A row once anything was ever claimed in a directory (it stays when names are released): the first user becomes admin.
CREATE TABLE IF NOT EXISTS name_directories (
    directory TEXT PRIMARY KEY
);
