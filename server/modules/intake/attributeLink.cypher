// Attributes a link's properties to the reports it had ($json).
MATCH ()-[e]->() WHERE elementId(e) = $eid SET e.propSources = $json
