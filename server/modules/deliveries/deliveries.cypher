// Deliveries the caller's agency sent or received ($agency compared as admins type it).
MATCH (d:Delivery)
WHERE ($status IS NULL OR d.status = $status)
  AND ($ids IS NULL OR d.id IN $ids)
  AND (($inbox AND toLower(trim(d.toAgency)) = $agency) OR ($sent AND toLower(trim(d.fromAgency)) = $agency))
RETURN d
ORDER BY d.sentAt DESC, d.id
LIMIT $limit
