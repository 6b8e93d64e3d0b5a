// Existing links' properties attributed to the reports that gave them (see links.cypher).
UNWIND $fixes AS f
MATCH ()-[e]->() WHERE elementId(e) = f.eid
SET e.propSources = f.json
