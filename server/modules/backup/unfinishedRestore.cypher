// Whether an earlier restore was left unfinished (its temporary label is still there).
MATCH (n:__Restore) RETURN count(n) > 0 AS half
