// Which of these reports are the child's own account (sourceType victim). Read for every report, a
// withheld one included, only to leave it out of the pack; nothing else of them is read.
MATCH (r:Report) WHERE r.id IN $ids AND r.sourceType = 'victim'
RETURN collect(r.id) AS victim
