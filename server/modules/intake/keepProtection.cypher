// Keeps a survivor's own flags and aliases aside (JSON) for unmerge.
MATCH (s:Person {id: $survivor}) SET s.protectionBeforeMerge = $before
