// A saved mapping, by name within the agency that saved it: saving under a name that agency already
// used replaces that mapping (the id is made from the agency and the name).
MERGE (m:ImportMapping {id: $id})
SET m.name = $name, m.text = $text, m.savedBy = $by, m.agency = $agency, m.savedAt = $at
