import { problemsAt, type MappingProblem } from './errors';
import { entityPath, FORMATS, freshKey, KINDS, linkPath, MAPPING_LINK_TYPES, matchedOn, sameColumn, usualFormat, type FormEntity, type FormLink, type FormProperty, type MappingModel } from './mappingModel';

interface Props {
  model: MappingModel;
  columns: readonly string[];
  /** Problems found here or by the server, placed by path. */
  problems: readonly MappingProblem[];
  onChange(model: MappingModel): void;
}

/** The file's own spelling of a column the mapping names (the server compares without case and spaces). */
const columnOption = (column: string, columns: readonly string[]) => columns.find((c) => sameColumn(c, column)) ?? column;

/** The problems of one place, under its field. */
function Problems({ list, id }: { list: readonly MappingProblem[]; id: string }) {
  if (!list.length) return null;
  return (
    <ul className="import-field-errors" id={id} data-testid="mapping-field-error">
      {list.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}

function PropertyRows({
  props,
  names,
  columns,
  label,
  onChange,
  testId,
}: {
  props: FormProperty[];
  names: readonly string[];
  columns: readonly string[];
  label: string;
  onChange(props: FormProperty[]): void;
  testId: string;
}) {
  const set = (i: number, p: Partial<FormProperty>) => onChange(props.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const listId = `${testId}-names`;
  return (
    <div className="import-props">
      <datalist id={listId}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {props.map((p, i) => (
        <div className="import-prop" key={i} data-testid={`${testId}-${i}`}>
          <label>
            <span className="visually-hidden">{label} {i + 1}: property</span>
            <input
              value={p.name}
              list={listId}
              placeholder="property"
              onChange={(e) => {
                const name = e.target.value.trim();
                set(i, { name, ...(!p.format && usualFormat(name) ? { format: usualFormat(name) } : {}) });
              }}
              data-testid={`${testId}-${i}-name`}
            />
          </label>
          <span aria-hidden="true">{'value' in p.extra ? 'is' : 'from'}</span>
          {'value' in p.extra ? (
            <span className="import-fixed" title="A fixed value: change it in the YAML">
              “{String(p.extra.value)}” (fixed)
            </span>
          ) : (
            <label>
              <span className="visually-hidden">{label} {i + 1}: column</span>
              <select value={columnOption(p.column, columns)} onChange={(e) => set(i, { column: e.target.value })} data-testid={`${testId}-${i}-column`}>
                <option value="">(choose a column)</option>
                {p.column && !columns.some((c) => sameColumn(c, p.column)) && <option value={p.column}>{p.column} (not in this file)</option>}
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            <span className="visually-hidden">{label} {i + 1}: read as</span>
            <select value={p.format} onChange={(e) => set(i, { format: e.target.value })} data-testid={`${testId}-${i}-format`}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
              {p.format && !FORMATS.some((f) => f.value === p.format) && <option value={p.format}>{p.format}</option>}
            </select>
          </label>
          <button type="button" className="import-remove" onClick={() => onChange(props.filter((_, j) => j !== i))} aria-label={`Remove ${label} ${i + 1} (${p.name || 'property'})`}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="import-add" onClick={() => onChange([...props, { name: '', column: '', format: '', extra: {} }])} data-testid={`${testId}-add`}>
        + Property
      </button>
    </div>
  );
}

/**
 * The mapping as a form: each entity (kind, what identifies it, properties from
 * columns) and each link (type, from, to, properties). Errors are shown under the field they concern.
 */
export function MappingForm({ model, columns, problems, onChange }: Props) {
  const setEntity = (i: number, e: Partial<FormEntity>) => onChange({ ...model, entities: model.entities.map((x, j) => (j === i ? { ...x, ...e } : x)) });
  const setLink = (i: number, l: Partial<FormLink>) => onChange({ ...model, links: model.links.map((x, j) => (j === i ? { ...x, ...l } : x)) });
  const renameEntity = (i: number, key: string) => {
    const old = model.entities[i]!.key;
    onChange({
      ...model,
      entities: model.entities.map((x, j) => (j === i ? { ...x, key } : x)),
      links: model.links.map((l) => ({ ...l, from: l.from === old ? key : l.from, to: l.to === old ? key : l.to })),
    });
  };
  const keys = model.entities.map((e) => e.key);
  const ends = [...keys, ...(model.handset ? ['$owner', '$handset'] : [])];
  const handsetProblems = problemsAt(problems, 'handset');

  return (
    <div className="import-form" data-testid="mapping-form">
      {model.handset && (
        <fieldset className={`import-entity${handsetProblems.length ? ' has-error' : ''}`} data-testid="mapping-handset">
          <legend>The handset</legend>
          <div className="import-row">
            <label className="import-field">
              <span>Its own number</span>
              <input
                value={model.handset.number}
                onChange={(ev) => onChange({ ...model, handset: { ...model.handset!, number: ev.target.value } })}
                aria-invalid={handsetProblems.length > 0}
                data-testid="mapping-handset-number"
              />
            </label>
            <label className="import-field">
              <span>Owner’s id (if the graph does not say)</span>
              <input value={model.handset.owner} onChange={(ev) => onChange({ ...model, handset: { ...model.handset!, owner: ev.target.value } })} placeholder="e.g. per-c03" data-testid="mapping-handset-owner" />
            </label>
          </div>
          <Problems list={handsetProblems} id="map-handset" />
        </fieldset>
      )}
      <h3>Entities</h3>
      {model.entities.length === 0 && <p className="muted">No entities yet: add one for each thing a row names (a phone, a person, a vehicle…).</p>}
      {model.entities.map((e, i) => {
        const at = entityPath(e.key);
        const idBase = `map-entity-${i}`;
        const kindProblems = problemsAt(problems, entityPath(e.key, 'kind'));
        const propProblems = problemsAt(problems, entityPath(e.key, 'properties')).concat(problemsAt(problems, entityPath(e.key, 'key')), problemsAt(problems, entityPath(e.key, 'scope')), problemsAt(problems, entityPath(e.key, 'idColumn')));
        const used = [...new Set(e.properties.map((p) => p.column).filter(Boolean))];
        const strong = matchedOn(e.kind, e.properties.filter((p) => p.column || 'value' in p.extra).map((p) => p.name));
        const own = problems.filter((p) => p.path === at);
        const offered = [...new Set([...(KINDS[e.kind] ?? []), ...e.properties.map((p) => p.name).filter(Boolean)])];
        return (
          <fieldset key={i} className={`import-entity${own.length + kindProblems.length + propProblems.length ? ' has-error' : ''}`} data-testid={`mapping-entity-${i}`}>
            <legend>Entity {i + 1}</legend>
            <div className="import-row">
              <label className="import-field">
                <span>Name in the mapping</span>
                <input value={e.key} onChange={(ev) => renameEntity(i, ev.target.value.trim())} aria-invalid={own.length > 0} aria-describedby={own.length ? `${idBase}-own` : undefined} data-testid={`mapping-entity-${i}-key`} />
              </label>
              <label className="import-field">
                <span>Kind</span>
                <select
                  value={e.kind}
                  onChange={(ev) => setEntity(i, { kind: ev.target.value })}
                  aria-invalid={kindProblems.length > 0}
                  aria-describedby={kindProblems.length ? `${idBase}-kind` : undefined}
                  data-testid={`mapping-entity-${i}-kind`}
                >
                  <option value="">(choose)</option>
                  {e.kind && !KINDS[e.kind] && <option value={e.kind}>{e.kind}</option>}
                  {Object.keys(KINDS).map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="import-remove"
                onClick={() => onChange({ ...model, entities: model.entities.filter((_, j) => j !== i), links: model.links.filter((l) => l.from !== e.key && l.to !== e.key) })}
                aria-label={`Remove entity ${e.key || i + 1} and its links`}
              >
                ✕
              </button>
            </div>
            <Problems list={own} id={`${idBase}-own`} />
            <Problems list={kindProblems} id={`${idBase}-kind`} />
            <PropertyRows props={e.properties} names={offered} columns={columns} label={`${e.key || 'entity'} property`} onChange={(properties) => setEntity(i, { properties })} testId={`mapping-entity-${i}-prop`} />
            <p className="muted small import-match-note" data-testid={`mapping-entity-${i}-matched-on`}>
              {strong ? `Matched to existing ${e.kind} entities on ${strong}.` : e.kind === 'Person' ? 'Never matched on a name: a person is a new record unless the file gives an id or NHS number.' : 'Not matched to existing entities (no phone number, registration, email, NHS number or postcode and address).'}
            </p>
            {used.length > 0 && (
              <div className="import-identify" role="group" aria-label={`Which columns identify ${e.key || 'this entity'} within the file`}>
                <span className="muted small">Same entity when the same:</span>
                {used.map((c) => (
                  <label key={c} className="field-inline">
                    <input
                      type="checkbox"
                      checked={e.keyColumns.some((k) => sameColumn(k, c))}
                      onChange={() => setEntity(i, { keyColumns: e.keyColumns.some((k) => sameColumn(k, c)) ? e.keyColumns.filter((k) => !sameColumn(k, c)) : [...e.keyColumns, c] })}
                      data-testid={`mapping-entity-${i}-key-${c}`}
                    />
                    {c}
                  </label>
                ))}
                <label className="field-inline import-optional">
                  <input type="checkbox" checked={e.optional} onChange={() => setEntity(i, { optional: !e.optional })} data-testid={`mapping-entity-${i}-optional`} />
                  optional (rows without it skip it)
                </label>
              </div>
            )}
            <Problems list={propProblems} id={`${idBase}-props`} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="import-add"
        onClick={() => onChange({ ...model, entities: [...model.entities, { key: freshKey(model, 'entity'), kind: '', keyColumns: [], optional: false, properties: [{ name: '', column: '', format: '', extra: {} }], extra: {} }] })}
        data-testid="mapping-add-entity"
      >
        + Entity
      </button>

      <h3>Links</h3>
      {model.links.length === 0 && <p className="muted">No links yet: add one for each pair a row connects (who called whom, who uses which phone).</p>}
      {model.links.map((l, i) => {
        const idBase = `map-link-${i}`;
        const here = (f: string) => problemsAt(problems, linkPath(i, f));
        const all = problemsAt(problems, linkPath(i));
        return (
          <fieldset key={i} className={`import-link${all.length ? ' has-error' : ''}`} data-testid={`mapping-link-${i}`}>
            <legend>Link {i + 1}</legend>
            <div className="import-row">
              {(['from', 'type', 'to'] as const).map((f) => (
                <label className="import-field" key={f}>
                  <span>{f === 'type' ? 'Type' : f === 'from' ? 'From' : 'To'}</span>
                  <select value={l[f]} onChange={(ev) => setLink(i, { [f]: ev.target.value })} aria-invalid={here(f).length > 0} aria-describedby={here(f).length ? `${idBase}-${f}` : undefined} data-testid={`mapping-link-${i}-${f}`}>
                    <option value="">(choose)</option>
                    {f === 'type'
                      ? [...(l.type && !MAPPING_LINK_TYPES.includes(l.type) ? [l.type] : []), ...MAPPING_LINK_TYPES].map((t) => (
                          <option key={t} value={t}>
                            {t}
                          </option>
                        ))
                      : [...(l[f] && !ends.includes(l[f]) ? [l[f]] : []), ...ends].map((k) => (
                          <option key={k} value={k}>
                            {k === '$owner' ? 'the handset’s owner ($owner)' : k === '$handset' ? 'the handset’s phone ($handset)' : k}
                          </option>
                        ))}
                  </select>
                </label>
              ))}
              <button type="button" className="import-remove" onClick={() => onChange({ ...model, links: model.links.filter((_, j) => j !== i) })} aria-label={`Remove link ${i + 1}`}>
                ✕
              </button>
            </div>
            {(['from', 'type', 'to'] as const).map((f) => (
              <Problems key={f} list={here(f)} id={`${idBase}-${f}`} />
            ))}
            <PropertyRows props={l.properties} names={['date', 'firstDate', 'lastDate', 'duration', 'count', 'cell', 'savedAs', 'role']} columns={columns} label={`link ${i + 1} property`} onChange={(properties) => setLink(i, { properties })} testId={`mapping-link-${i}-prop`} />
            <Problems list={all.filter((p) => !['from', 'type', 'to'].some((f) => p.path === linkPath(i, f)))} id={`${idBase}-rest`} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="import-add"
        onClick={() => onChange({ ...model, links: [...model.links, { type: '', from: keys[0] ?? '', to: keys[1] ?? '', properties: [] }] })}
        disabled={keys.length < 2}
        title={keys.length < 2 ? 'A link joins two entities: add them first.' : undefined}
        data-testid="mapping-add-link"
      >
        + Link
      </button>
      {keys.length < 2 && <span className="muted small"> A link joins two entities: add them first.</span>}
    </div>
  );
}
