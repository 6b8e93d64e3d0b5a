// A saved mapping, by name: saving under a name already used replaces that mapping.
MERGE (m:ImportMapping {id: $id})
SET m.name = $name, m.text = $text, m.savedBy = $by, m.savedAt = $at
