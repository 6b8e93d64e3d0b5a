// params: x
// Record `x` is supported only by reports withheld from the caller ($withheld): it is not the
// caller's to see, follow or count (DESIGN.md §6). Used as `NOT {{held x}}`.
(size(coalesce({{x}}.sources, [])) > 0 AND all(rid IN {{x}}.sources WHERE rid IN $withheld))
