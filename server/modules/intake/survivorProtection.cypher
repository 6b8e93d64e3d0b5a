// A survivor's own protection flags and aliases, and those kept aside at its first merge (held).
MATCH (s:Person {id: $survivor}) RETURN s.child AS child, s.lookedAfter AS lookedAfter, s.restricted AS restricted, s.pseudonym AS pseudonym, s.aliases AS aliases, s.protectionBeforeMerge AS held
