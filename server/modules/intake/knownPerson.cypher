// A known person by date of birth and name ($name, $surname: lower case).
MATCH (n:Person {dob: $dob}) WHERE toLower(n.name) = $name AND toLower(n.surname) = $surname RETURN n LIMIT 1
