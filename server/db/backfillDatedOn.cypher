// One-off backfill of the as-of date (datedOn, server/domain/asOf.ts) for a database written before
// records carried it: run at start by schema.ts until the schema's datedOn index exists (its mark).
// Each statement runs in batches of its own transactions.
MATCH (n:Entity)
WHERE n.datedOn IS NULL
CALL (n) {
  WITH n, {{nodeDatedOn n}} AS d
  WHERE d IS NOT NULL
  SET n.datedOn = d
} IN TRANSACTIONS OF 10000 ROWS;
MATCH ()-[r]->()
WHERE r.datedOn IS NULL AND r.from IS NOT NULL
CALL (r) {
  SET r.datedOn = {{linkDatedOn r}}
} IN TRANSACTIONS OF 10000 ROWS;
