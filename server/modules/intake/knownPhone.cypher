// A known phone by its number (normalised).
MATCH (n:Phone {phoneNo: $v}) RETURN n LIMIT 1
