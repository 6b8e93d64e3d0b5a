// params: n
// off:
// The `point` of node `n` (the map and the point index use it) from its own latitude and longitude
// (none without): after its properties are written.
SET {{n}}.point = CASE WHEN {{n}}.latitude IS NOT NULL AND {{n}}.longitude IS NOT NULL THEN point({latitude: {{n}}.latitude, longitude: {{n}}.longitude}) END
