// Mappings analysts saved, by name.
MATCH (m:ImportMapping)
RETURN m.id AS id, m.name AS name, m.text AS text
ORDER BY toLower(m.name)
