// A known place by postcode and the first line of its address ($line, lower case).
MATCH (n:Location {postcode: $pc}) WHERE toLower(trim(split(n.address, ',')[0])) = $line RETURN n LIMIT 1
