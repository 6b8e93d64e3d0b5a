// A survivor's own flags and aliases as kept aside at its first merge.
MATCH (s:Person {id: $id}) RETURN s.protectionBeforeMerge AS before
