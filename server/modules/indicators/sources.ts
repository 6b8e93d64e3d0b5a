/**
 * The reports behind a fact, as the caller may see them: a visible report by its reference and
 * grades, a report another agency holds under conditions only as "held by <owner>, <date>"
 * (DESIGN.md §6). Shared by the child indicators and the evidence pack.
 */
import type { Database, PlainNode } from '../../db/database.js';
import { cypherFile } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';

export interface SourceView {
  reportId: string;
  label: string;
  ref: string | null;
  sourceType: string | null;
  sourceGrade: number | null;
  intelGrade: string | null;
  receivedOn: string | null;
  held: boolean;
  heldBy: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/** Report ids of one or more records' `sources`, once each. */
export function sourcesOf(...records: ({ props: Record<string, unknown> } | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const r of records) for (const s of (r?.props.sources as unknown[] | undefined) ?? []) out.add(String(s));
  return [...out];
}

/** Reads the reports with these ids through the caller's viewer, once per request. */
export class ReportBook {
  private readonly views = new Map<string, SourceView>();
  constructor(private readonly db: Database) {}

  async load(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.views.has(id));
    if (!wanted.length) return;
    const rows = await this.db.read(cypherFile(import.meta.url, 'reports.cypher'), { ids: wanted }, { what: 'The reports behind these facts' });
    for (const row of rows) {
      const e = toEntity(row.r as PlainNode);
      const p = e.properties;
      if (p.withheld === true) {
        const heldBy = str(p.ownerAgency) ?? 'another agency';
        const receivedOn = str(p.receivedOn);
        this.views.set(e.id, { reportId: e.id, label: `held by ${heldBy}${receivedOn ? `, ${receivedOn}` : ''}`, ref: null, sourceType: null, sourceGrade: null, intelGrade: null, receivedOn, held: true, heldBy });
        continue;
      }
      const ref = str(p.ref);
      const sourceType = str(p.sourceType);
      const grade = `${num(p.sourceGrade) ?? ''}${str(p.intelGrade) ?? ''}`;
      const label = [ref ?? `report ${e.id}`, sourceType?.replace(/_/g, ' '), grade ? `graded ${grade}` : null, str(p.receivedOn)].filter(Boolean).join(', ');
      this.views.set(e.id, { reportId: e.id, label, ref, sourceType, sourceGrade: num(p.sourceGrade), intelGrade: str(p.intelGrade), receivedOn: str(p.receivedOn), held: false, heldBy: null });
    }
  }

  /** The loaded reports among `ids`, in their given order (ids of no report are left out). */
  of(ids: readonly string[]): SourceView[] {
    return ids.map((id) => this.views.get(id)).filter((v): v is SourceView => !!v);
  }

  /** True when the fact has reports and every one is withheld from the caller. */
  heldOnly(ids: readonly string[]): boolean {
    const viewer = currentViewer();
    return ids.length > 0 && !!viewer && ids.every((id) => viewer.reportWithheld(id));
  }

  /** "held by Police, 2009-03-02" for a fact only withheld reports support. */
  heldText(ids: readonly string[]): string {
    const held = this.of(ids).filter((v) => v.held);
    const owners = [...new Set(held.map((v) => v.heldBy ?? 'another agency'))].join(', ') || 'another agency';
    const first = held.map((v) => v.receivedOn).filter((d): d is string => !!d).sort()[0];
    return `${held.length || ids.length} item${(held.length || ids.length) > 1 ? 's' : ''} held by ${owners}${first ? `, ${first}` : ''}`;
  }
}
