// Removes the restore's temporary label and key from up to 20,000 nodes.
MATCH (n:__Restore)
WITH n LIMIT 20000
REMOVE n:__Restore REMOVE n.__key
RETURN count(n) AS cleared
