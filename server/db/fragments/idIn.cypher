// params: x ids
// Record `x` is one of those asked about ($ids, a list parameter named by the caller): an index seek
// per id. Switched off (`off: ['idIn']`) to ask about every record.
{{x}}.id IN ${{ids}}
