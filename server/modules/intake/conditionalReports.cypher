// Of these report ids ($ids), those handled under conditions (C).
MATCH (r:Report {handling: 'C'}) WHERE r.id IN $ids RETURN collect(r.id) AS ids
