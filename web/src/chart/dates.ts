import type cytoscape from 'cytoscape';
import type { Entity } from '../api/entities';
import type { NodeData } from './merge';

/** The date a record is about (its first dated property), or null for undated entities. */
export function entityDate(e: Entity): string | null {
  const p = e.properties;
  for (const k of ['date', 'servedOn', 'grantedOn', 'startedOn', 'receivedOn', 'from']) {
    const v = p[k];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  }
  return null;
}

/** One dated event on the timeline. */
export interface DatedEvent {
  id: string;
  label: string;
  kind: string;
  /** What the timeline row says: Incident, Missing episode, Notice, Meeting, Licence event… */
  lane: string;
  date: string;
  endDate: string | null;
}

const LANES = ['Missing episode', 'Incident', 'Notice', 'Meeting', 'Licence event', 'Operation'] as const;
export const TIMELINE_LANES: readonly string[] = LANES;

function laneOf(e: Entity): string | null {
  const p = e.properties;
  switch (e.kind) {
    case 'Incident':
    case 'Crime':
      if (p.kind === 'missing') return 'Missing episode';
      if (p.kind === 'licence_event') return 'Licence event';
      return 'Incident';
    case 'Notice':
      return 'Notice';
    case 'Meeting':
      return 'Meeting';
    case 'Licence':
      return 'Licence event';
    case 'Operation':
      return 'Operation';
    default:
      return null;
  }
}

/** Dated events among the chart's entities (hidden ones too: the timeline shows what is filtered out). */
export function datedEvents(cy: cytoscape.Core): DatedEvent[] {
  const out: DatedEvent[] = [];
  cy.nodes().forEach((n) => {
    const d = n.data() as NodeData;
    if (!d.entity) return;
    const lane = laneOf(d.entity);
    const date = lane ? entityDate(d.entity) : null;
    if (!lane || !date) return;
    const p = d.entity.properties;
    const end = [p.endDate, p.endedOn].find((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v));
    out.push({ id: d.id, label: d.label, kind: d.kind, lane, date, endDate: end ? end.slice(0, 10) : null });
  });
  out.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}
