// params: n
// off:
// Writing a batch row: the `point` of node `n` from the row's latitude and longitude (none without).
SET {{n}}.point = CASE WHEN row.props.latitude IS NOT NULL AND row.props.longitude IS NOT NULL
                    THEN point({latitude: row.props.latitude, longitude: row.props.longitude}) END
