// Names however they are written: sound-alikes, other spellings, short forms, initials, typos, in
// any order, through the person_name_keys index over the keys stored at every write
// (domain/names/keys.ts). $keys is built from our own key alphabet, never from typed syntax.
// What the caller may not see is filtered here, and `fetched` counted, as in fulltext.cypher.
// Hits go as values (labels, properties) without the search keys: less to send and decode.
CALL db.index.fulltext.queryNodes('person_name_keys', $keys, {limit: $cap})
YIELD node, score
WITH collect({node: node, labels: labels(node), props: node {.*, nameKeys: null, nameKeysV: null}, score: score}) AS fetched
RETURN size(fetched) AS fetched,
       [hit IN fetched
        WHERE ($kinds IS NULL OR any(l IN labels(hit.node) WHERE l IN $kinds))
          AND NOT hit.node.id IN $hidden
          AND NOT (size(coalesce(hit.node.sources, [])) > 0 AND all(s IN hit.node.sources WHERE s IN $withheld))
        | {node: {labels: hit.labels, props: hit.props}, score: hit.score}] AS hits
