// A known vehicle by its registration (normalised).
MATCH (n:Vehicle {reg: $v}) RETURN n LIMIT 1
