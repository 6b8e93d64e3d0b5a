// The grading of the reports behind links (issue 20 item 6): who assessed a link and how.
MATCH (r:Report) WHERE r.id IN $ids
RETURN r.id AS reportId, r.ownerAgency AS agency, r.sourceType AS sourceType, r.sourceGrade AS sourceGrade,
       r.intelGrade AS intelGrade, r.receivedOn AS receivedOn
