// Stores the findings not yet raised as alerts (one per key) and returns those this batch created,
// each numbered in the alert feed. The feed node's lock is taken first and held to the commit, so
// numbers follow commit order across every server: a reader that has seen n has seen all before n.
MERGE (feed:AlertFeed {id: 'alerts'})
ON CREATE SET feed.last = 0
SET feed.lockedAt = timestamp()
WITH feed
UNWIND $findings AS f
MERGE (a:Alert {key: f.key})
ON CREATE SET a.id = randomUUID(), a.rule = f.rule, a.audience = f.audience, a.summary = f.summary,
              a.entityIds = f.entityIds, a.status = 'open', a.raisedAt = $now, a.batch = $batch
WITH feed, a WHERE a.batch = $batch
WITH feed, collect(a) AS created, feed.last AS before
SET feed.last = before + size(created)
WITH created, before
UNWIND range(0, size(created) - 1) AS i
WITH created[i] AS a, before + i + 1 AS seq
SET a.seq = seq
RETURN properties(a) AS alert
ORDER BY seq
