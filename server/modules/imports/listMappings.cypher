// Mappings analysts of this agency saved, by name (mappings saved before agencies owned them belong
// to none and are listed to no one).
MATCH (m:ImportMapping {agency: $agency})
RETURN m.id AS id, m.name AS name, m.text AS text
ORDER BY toLower(m.name)
