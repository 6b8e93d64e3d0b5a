// Records what became of a person on an operation's chart, keeping the earlier dispositions.
MATCH (p:Person {id: $personId})-[c:ON_CHART]->(o:Operation {id: $operationId})
SET c.dispositionHistory = coalesce(c.dispositionHistory, []) +
      (coalesce(c.dispositionOn, '') + ':' + coalesce(c.disposition, 'identified')),
    c.disposition = $disposition, c.dispositionOn = $on,
    c.sentenceYears = CASE WHEN $sentenceYears IS NULL THEN c.sentenceYears ELSE $sentenceYears END,
    c.recordedBy = $by
RETURN c, p.id AS source, o.id AS target
