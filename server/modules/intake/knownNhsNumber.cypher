// A known person by NHS number.
MATCH (n:Person {nhs_no: $v}) RETURN n LIMIT 1
