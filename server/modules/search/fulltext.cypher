// Words: names, aliases, addresses, postcodes, makes and models, through the full-text index.
// What the caller may not see is filtered here: a protected subject ($hidden), or a record that
// only withheld reports support ($withheld), is never a hit. The index is asked for $cap hits and
// says how many it gave (`fetched`): when hidden ones crowd them out, search asks again for more
// (resolvers.ts), so that neither the hits nor their number says that a hidden match exists.
// Hits go as values (labels, properties) without the search keys: less to send and decode.
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $cap})
YIELD node, score
WITH collect({node: node, labels: labels(node), props: node {.*, nameKeys: null, nameKeysV: null}, score: score}) AS fetched
RETURN size(fetched) AS fetched,
       [hit IN fetched
        WHERE ($kinds IS NULL OR any(l IN labels(hit.node) WHERE l IN $kinds))
          AND NOT hit.node.id IN $hidden
          AND NOT (size(coalesce(hit.node.sources, [])) > 0 AND all(s IN hit.node.sources WHERE s IN $withheld))
        | {node: {labels: hit.labels, props: hit.props}, score: hit.score}] AS hits
