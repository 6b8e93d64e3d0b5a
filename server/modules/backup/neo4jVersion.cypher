// The database's version, written into the backup's manifest.
CALL dbms.components() YIELD versions RETURN versions[0] AS v
