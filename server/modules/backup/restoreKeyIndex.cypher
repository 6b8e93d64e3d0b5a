// The temporary index that joins a restore's relationships to their nodes.
CREATE INDEX restore_key IF NOT EXISTS FOR (n:__Restore) ON (n.__key)
