UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Crime:Incident
SET n += row.props
SET n.datedOn = [d IN [coalesce(CASE WHEN n:Incident OR n:Crime OR n:Meeting THEN n.date WHEN n:Notice THEN n.servedOn WHEN n:Report THEN n.receivedOn WHEN n:Licence THEN n.grantedOn WHEN n:Operation THEN n.startedOn END, n.from)] WHERE d IS NOT NULL AND toString(d) =~ '\\d{4}-\\d{2}-\\d{2}.*' | left(toString(d), 10)][0]
SET n.point = CASE WHEN row.props.latitude IS NOT NULL AND row.props.longitude IS NOT NULL
                    THEN point({latitude: row.props.latitude, longitude: row.props.longitude}) END
