// A known e-mail address, in any case.
MATCH (n:Email) WHERE toLower(n.email_address) = $v RETURN n LIMIT 1
