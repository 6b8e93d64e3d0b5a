// params: x
// The as-of rule where $asOf may be null: null shows everything; a date, what is in view then (inView).
($asOf IS NULL OR {{inView x}})
