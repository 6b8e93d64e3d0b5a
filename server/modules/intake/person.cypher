// One person by id.
MATCH (p:Person {id: $id}) RETURN p
