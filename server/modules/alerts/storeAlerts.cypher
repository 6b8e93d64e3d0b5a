// Stores the findings not yet raised as alerts (one per key) and returns those this batch created.
UNWIND $findings AS f
MERGE (a:Alert {key: f.key})
ON CREATE SET a.id = randomUUID(), a.rule = f.rule, a.audience = f.audience, a.summary = f.summary,
              a.entityIds = f.entityIds, a.status = 'open', a.raisedAt = $now, a.batch = $batch
WITH a WHERE a.batch = $batch
RETURN properties(a) AS alert
