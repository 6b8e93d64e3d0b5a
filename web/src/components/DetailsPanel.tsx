import { useState } from 'react';
import type { Entity, Link } from '../api/entities';
import type { Json } from '../api/json';
import { kindStyle } from '../chart/kinds';
import { HELD_KIND, HELD_LINK, heldExplanation, heldLinkExplanation, shownId, withheldTextNotes } from '../chart/withheld';
import { linkWords } from '../chart/linkWords';
import { expandGroups } from './expandTypes';
import { KindBadge } from './KindBadge';
import { EvidencePackAction } from './evidence/EvidencePackAction';
import { pick, ReportList, useReports } from './Provenance';
import { ContestedAssessments } from './restrictions/ContestedAssessments';
import { isRestrictionFlag, RestrictionFlag } from './restrictions/RestrictionFlag';
import { ReleaseText } from './ReleaseText';
import { CallPatternView } from '../import/CallPatternView';
import './DetailsPanel.css';

/** One end of a link, as drawn on the chart. */
export interface End {
  id: string;
  label: string;
  kind: string;
}

export interface ChartLink {
  /** Chart id of the edge (for selecting it). */
  edgeId: string;
  link: Link;
  /** The entity at the other end. */
  other: End;
  outgoing: boolean;
}

export type Selection =
  | { type: 'node'; entity: Entity; links: ChartLink[] }
  | { type: 'edge'; edgeId: string; link: Link; source: End; target: End }
  | { type: 'many'; nodes: number; links: number; ids: string[] }
  | { type: 'group'; id: string; label: string; members: End[] }
  | null;

interface Props {
  selection: Selection;
  /** Select a chart element (entity id, or an edge's chart id) and bring it into view. */
  onSelect(id: string): void;
  onExpand(idOrIds: string | string[], linkTypes?: string[]): void;
  /** Analysts see the reports behind each link (provenance); other roles do not ask. */
  analyst?: boolean;
  onRenameGroup?(id: string, name: string): void;
}

/** A group (compound node): its name, editable, and its members. data-testids: group-name, group-rename. */
function GroupDetails({ group, onSelect, onRename }: { group: Extract<Selection, { type: 'group' }>; onSelect(id: string): void; onRename?: Props['onRenameGroup'] }) {
  const [name, setName] = useState(group.label);
  return (
    <aside className="details" data-testid="details-panel" aria-label="Details">
      <div className="details-kind">Group</div>
      <h2>{group.label}</h2>
      {onRename && (
        <form
          className="save-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) onRename(group.id, name.trim());
          }}
        >
          <label className="field">
            <span>Name</span>
            <input data-testid="group-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          </label>
          <button data-testid="group-rename" type="submit" disabled={!name.trim() || name.trim() === group.label}>
            Rename
          </button>
        </form>
      )}
      <h3>Members ({group.members.length})</h3>
      <ul className="links">
        {group.members.map((m) => (
          <li key={m.id}>
            <EndButton end={m} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      <p className="muted small">Shift+G dissolves the group; its members stay on the chart.</p>
    </aside>
  );
}

/** Past this, a hub's link list stops being readable and slows the panel; the chart shows the rest. */
const MAX_LINK_ROWS = 200;

function show(v: Json | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => show(x)).join(', ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** Text the server withheld, one line per field, saying why and who can release it. data-testid: withheld-text. */
function WithheldText({ props }: { props: Record<string, Json> }) {
  const notes = withheldTextNotes(props);
  if (notes.length === 0) return null;
  return (
    <ul className="withheld-text" data-testid="withheld-text">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

function Properties({ props }: { props: Record<string, Json> }) {
  // id and sources have their own lines above the table; withheld text its own list.
  const keys = Object.keys(props)
    .filter((k) => k !== 'id' && k !== 'sources' && k !== 'textWithheld')
    .sort((a, b) => a.localeCompare(b));
  if (!keys.length) return <p className="muted">No properties recorded.</p>;
  return (
    <table className="props">
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{show(props[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function sourcesText(n: number): string {
  if (n === 0) return 'No report cited on the record itself.';
  return n === 1 ? '1 report behind it.' : `${n} reports behind it.`;
}

/**
 * The provenance line of an entity. For an analyst it counts the reports listed below it (those
 * citing the record and those mentioning it), so the line never says "none" above a listed report.
 */
function entitySourcesText(cited: number, listed: number | null, loading: boolean): string {
  if (loading) return 'Reading the reports behind it…';
  if (listed === null) return sourcesText(cited);
  if (listed === 0) return 'No report cites or mentions it or its links on the chart.';
  return `${listed} report${listed === 1 ? '' : 's'} behind it and its links on the chart, listed below.`;
}

function EndButton({ end, onSelect }: { end: End; onSelect(id: string): void }) {
  return (
    <button className="end-button" onClick={() => onSelect(end.id)} title={`Select ${end.label}`}>
      <KindBadge kind={end.kind} />
      <span className="end-label">{end.label}</span>
    </button>
  );
}

/** Expand with an optional link-type filter: the way to narrow an expansion that came back cut short. */
function ExpandControl({ id, labels, onExpand }: { id: string | string[]; labels: string[] | null; onExpand: Props['onExpand'] }) {
  const [linkType, setLinkType] = useState('');
  return (
    <div className="expand-control">
      <button className="primary" data-testid="details-expand" onClick={() => onExpand(id, linkType ? [linkType] : undefined)}>
        Expand neighbours
      </button>
      <label>
        <span className="visually-hidden">Link type to follow</span>
        <select value={linkType} onChange={(e) => setLinkType(e.target.value)} data-testid="expand-link-type">
          <option value="">all link types</option>
          {expandGroups(labels).map((g) => (
            <optgroup key={g.name} label={g.name}>
              {g.options.map((o) => (
                <option key={o.type} value={o.type} title={o.type}>
                  {o.words}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </div>
  );
}

/** What the selected entity or link is, everything recorded on it, and its links on the chart. */
export function DetailsPanel({ selection, onSelect, onExpand, analyst = false, onRenameGroup }: Props) {
  const reportIds =
    selection?.type === 'node'
      ? [...new Set([...selection.entity.sources, ...selection.links.flatMap((l) => l.link.sources)])]
      : selection?.type === 'edge'
        ? selection.link.sources
        : [];
  const reports = useReports(reportIds, selection?.type === 'node' ? selection.entity.id : null, analyst);
  const reportsNote = reports.loading ? <p className="muted small">Loading reports…</p> : reports.error ? <p className="error-text small">Reports: {reports.error}</p> : null;
  if (!selection) {
    return (
      <aside className="details" data-testid="details-panel" aria-label="Details">
        <p className="muted">Select an entity or a link on the chart to see its details here.</p>
        <p className="muted small">Double-click an entity to bring in everything linked to it.</p>
      </aside>
    );
  }

  if (selection.type === 'group') {
    return <GroupDetails key={selection.id} group={selection} onSelect={onSelect} {...(onRenameGroup ? { onRename: onRenameGroup } : {})} />;
  }

  if (selection.type === 'many') {
    return (
      <aside className="details" data-testid="details-panel" aria-label="Details">
        <h2>
          {selection.nodes} entities, {selection.links} links selected
        </h2>
        <p className="muted">Select a single item to see its details. Delete takes the selection off the chart.</p>
        {selection.ids.length > 0 && (
          <>
            <p className="muted small">Expand all {selection.ids.length} selected entities at once:</p>
            <ExpandControl key={selection.ids.join(',')} id={selection.ids} labels={null} onExpand={onExpand} />
          </>
        )}
        {selection.nodes === 2 && <p className="muted small">Two entities: press S for the shortest paths between them.</p>}
      </aside>
    );
  }

  if (selection.type === 'edge') {
    const l = selection.link;
    return (
      <aside className="details" data-testid="details-panel" aria-label="Details">
        <div className="details-kind">Link</div>
        <h2 title={l.type}>{linkWords(l.type, l.properties)}</h2>
        <div className="link-ends">
          <EndButton end={selection.source} onSelect={onSelect} />
          <span className="arrow" aria-label="to">
            →
          </span>
          <EndButton end={selection.target} onSelect={onSelect} />
        </div>
        {l.type === HELD_LINK ? (
          <p className="held-note" data-testid="held-explanation">
            {heldLinkExplanation(l.properties)}
          </p>
        ) : (
          <p className="sources">{sourcesText(l.sources.length)}</p>
        )}
        <ContestedAssessments link={l} />
        {analyst && l.type === 'CONTACTED' && <CallPatternView a={selection.source.id} b={selection.target.id} aLabel={selection.source.label} />}
        {analyst && l.type !== HELD_LINK && (
          <>
            <h3>Reports behind this link</h3>
            {reportsNote}
            {!reports.loading && <ReportList reports={pick(reports.byId, l.sources)} emptyText="No report recorded behind this link." />}
          </>
        )}
        {l.type !== HELD_LINK && (
          <>
            <h3>Properties</h3>
            <Properties props={l.properties} />
          </>
        )}
        {shownId(l.id) && <p className="muted small">link id {l.id}</p>}
      </aside>
    );
  }

  const e = selection.entity;
  const k = kindStyle(e.kind);
  const p = e.properties;
  const rows = selection.links.slice(0, MAX_LINK_ROWS);
  const held = e.kind === HELD_KIND;
  const id = held ? null : shownId(e.id);
  // Every report behind the record, mentioning it, or behind its links on the chart: one list, so
  // the line above it and the links' own lists never disagree about what stands behind it.
  const entityReports = pick(reports.byId, [...reports.byId.keys()]);
  return (
    <aside className="details" data-testid="details-panel" aria-label="Details">
      <div className="details-kind">
        <KindBadge kind={e.kind} /> <span>{k.key === 'other' ? e.kind : k.name}</span>
        {p.child === true && <span className="badge child">child</span>}
        {p.lookedAfter === true && <span className="badge child">looked after</span>}
        {p.restricted === true && <span className="badge restricted">restricted</span>}
        {p.hotspot === true && <span className="badge hotspot">hotspot</span>}
      </div>
      <h2>{e.label}</h2>
      {(id || e.labels.length > 1) && (
        <p className="muted small">
          {id && <>id {id}</>}
          {id && e.labels.length > 1 && ' · '}
          {e.labels.length > 1 && <>labels {e.labels.join(', ')}</>}
        </p>
      )}
      {/* Its own key: ExpandControl below is keyed by the id, and two siblings with one key were drawn six times. */}
      {held && isRestrictionFlag(p) ? (
        <RestrictionFlag key={`flag:${e.id}`} props={p} />
      ) : held ? (
        <p className="held-note" data-testid="held-explanation">
          {heldExplanation(p)}
        </p>
      ) : (
        <p className="sources" data-testid="entity-sources">
          {entitySourcesText(e.sources.length, analyst && !reports.loading && !reports.error ? entityReports.length : null, analyst && reports.loading)}
        </p>
      )}
      <ExpandControl key={e.id} id={e.id} labels={held ? null : e.labels} onExpand={onExpand} />
      {analyst && !held && e.kind === 'Person' && p.child !== true && <EvidencePackAction personId={e.id} personLabel={e.label} defaultUse="civil_injunction" />}

      {!held && (
        <>
          <h3>Properties</h3>
          <WithheldText props={p} />
          <Properties props={p} />
          {analyst && <ReleaseText key={e.id} entity={e} />}
        </>
      )}

      {analyst && !held && (
        <>
          <h3>Reports on this entity and its links</h3>
          {reportsNote}
          {!reports.loading && (
            <div data-testid="entity-reports">
              <ReportList reports={entityReports} emptyText="No report cites or mentions it or its links on the chart." />
            </div>
          )}
        </>
      )}

      <h3>Links on the chart ({selection.links.length})</h3>
      {selection.links.length === 0 && <p className="muted">None on the chart yet: expand to fetch them.</p>}
      <ul className="links">
        {rows.map((cl) => (
          <li key={cl.edgeId}>
            <button className="link-type" onClick={() => onSelect(cl.edgeId)} title={`Select this link (${cl.link.type})`}>
              {cl.outgoing ? `${linkWords(cl.link.type, cl.link.properties)} →` : `← ${linkWords(cl.link.type, cl.link.properties)}`}
            </button>
            <EndButton end={cl.other} onSelect={onSelect} />
            {cl.link.sources.length > 0 && (
              <span className="muted small" title="Independent reports behind this link">
                {cl.link.sources.length} src
              </span>
            )}
            {analyst && cl.link.sources.length > 0 && (
              <details className="link-reports">
                <summary>reports</summary>
                <ReportList reports={pick(reports.byId, cl.link.sources)} emptyText={reports.loading ? 'Loading…' : 'Not available.'} />
              </details>
            )}
          </li>
        ))}
      </ul>
      {selection.links.length > rows.length && (
        <p className="muted small">…and {selection.links.length - rows.length} more on the chart.</p>
      )}
    </aside>
  );
}
