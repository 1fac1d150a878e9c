-- Issue 15, organisation: groups (a tree of buildings, floors, areas), labels, saved searches.
--   * resources.group_id and resource_labels mirror the resource's own details (written with its row).
--   * org_fence: one row every group change bumps first, so changes of the tree run one after another
--     (the cycle and emptiness checks read a tree nobody else is changing).
ALTER TABLE resources ADD COLUMN group_id TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_resources_group ON resources (group_id);

CREATE TABLE IF NOT EXISTS resource_labels (
    resource_id TEXT NOT NULL,
    label_id TEXT NOT NULL,
    PRIMARY KEY (resource_id, label_id)
);
CREATE INDEX IF NOT EXISTS ix_resource_labels_label ON resource_labels (label_id, resource_id);

CREATE TABLE IF NOT EXISTS resource_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT NULL,
    description TEXT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_resource_groups_parent ON resource_groups (parent_id);
CREATE INDEX IF NOT EXISTS ix_resource_groups_name ON resource_groups (name_key, id);

CREATE TABLE IF NOT EXISTS org_fence (
    id INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO org_fence (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS labels (
    id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    value TEXT NOT NULL,
    label_key TEXT NOT NULL UNIQUE,
    color TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS saved_searches (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_saved_searches_user ON saved_searches (user_id, created_ms);
