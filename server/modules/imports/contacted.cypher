// One aggregate link per pair of phones that called each other (either way): how many calls, the
// first and last day, the total seconds, and how many the link's source phone made. It runs from
// the lower id to the higher, so a pair has one. Only calls the import created are added ($pairs),
// so a re-import, or another file holding the same calls, adds nothing. `from` (and so `datedOn`)
// is the first day.
UNWIND $pairs AS p
MATCH (a:Entity {id: p.a})
MATCH (b:Entity {id: p.b})
OPTIONAL MATCH (a)-[old:CONTACTED]->(b)
WITH a, b, p, head(collect(old)) AS old
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[c:CONTACTED {id: p.id}]->(b)
  SET c.calls = p.calls, c.callsFromSource = p.fromSource, c.totalSeconds = p.seconds,
      c.firstOn = p.firstOn, c.lastOn = p.lastOn, c.from = p.firstOn, c.sources = [$rid]
  SET c.datedOn = __LINK_DATED_ON(c)__)
FOREACH (c IN CASE WHEN old IS NULL THEN [] ELSE [old] END |
  SET c.calls = c.calls + p.calls,
      c.callsFromSource = coalesce(c.callsFromSource, 0) + p.fromSource,
      c.totalSeconds = c.totalSeconds + p.seconds,
      c.firstOn = CASE WHEN c.firstOn IS NULL OR (p.firstOn IS NOT NULL AND p.firstOn < c.firstOn) THEN p.firstOn ELSE c.firstOn END,
      c.lastOn = CASE WHEN c.lastOn IS NULL OR (p.lastOn IS NOT NULL AND p.lastOn > c.lastOn) THEN p.lastOn ELSE c.lastOn END,
      c.sources = CASE WHEN $rid IN coalesce(c.sources, []) THEN c.sources ELSE coalesce(c.sources, []) + $rid END
  SET c.from = c.firstOn
  SET c.datedOn = __LINK_DATED_ON(c)__)
RETURN count(CASE WHEN old IS NULL THEN 1 END) AS created
