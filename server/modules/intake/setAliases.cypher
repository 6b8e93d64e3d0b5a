// Sets or removes (null) a person's aliases.
MATCH (s:Person {id: $id}) SET s.aliases = $aliases
