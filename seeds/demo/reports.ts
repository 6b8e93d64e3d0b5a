/**
 * Provenance: every fact in the demo is backed by a graded report (3x5x2: source grade, intelligence
 * grade, handling code) owned by one agency and sometimes shared with others. Nodes and links carry the
 * report ids in `sources`; each report MENTIONS what it names. This is what the analyst sees when she
 * asks "how do we know this?", and what lets the access rules hide a conditional report's facts.
 *
 * The story it tells: Licensing is rarely on a report's distribution list, the gap the case review found.
 *
 * Needs: nothing; every other part writes its reports through the Kit made here.
 */
import type { DatasetLink, DatasetNode } from '../dataset.js';
import { addDays, addSources, Graph, pad, Rng } from './builder.js';
import type { Child } from './cast.js';

export type SourceType = 'victim' | 'youth_worker' | 'parent' | 'school' | 'police' | 'licensing' | 'partner' | 'public';
const OWNER: Record<SourceType, string> = {
  police: 'Police',
  victim: 'Police',
  public: 'Police',
  youth_worker: 'Youth Service',
  parent: "Children's Social Care",
  partner: "Children's Social Care",
  school: 'Education',
  licensing: 'Licensing',
};
const REF_PREFIX: Record<string, string> = {
  Police: 'INT',
  'Youth Service': 'YS',
  "Children's Social Care": 'CSC',
  Education: 'EDU',
  Licensing: 'LIC',
  Health: 'HLT',
};
/** Typical source evaluation and intelligence assessment per source type (3x5x2). */
const GRADING: Record<SourceType, { grade: (1 | 2 | 3)[]; intel: string[] }> = {
  police: { grade: [1, 1, 2], intel: ['A', 'B', 'B', 'C'] },
  licensing: { grade: [1], intel: ['A', 'A', 'B'] },
  victim: { grade: [2, 2, 1], intel: ['B', 'B', 'C'] },
  youth_worker: { grade: [1, 2], intel: ['B', 'C', 'C'] },
  school: { grade: [1, 2], intel: ['B', 'C'] },
  parent: { grade: [2, 2, 3], intel: ['B', 'C', 'D'] },
  partner: { grade: [1, 2], intel: ['B', 'C'] },
  public: { grade: [2, 3, 3], intel: ['C', 'D', 'D', 'E'] },
};

const AGENCIES = ['Police', "Children's Social Care", 'Youth Service', 'Education', 'Health', 'Licensing'];

export interface ReportSpec {
  date: string;
  sourceType: SourceType;
  summary: string;
  mentions: readonly string[];
  /** The owning agency, when not the source type's usual one. */
  owner?: string;
  grade?: 1 | 2 | 3;
  intel?: string;
  handling?: 'P' | 'C';
}

/** What every part writes with: the random generator, the graph, and the report writer. */
export interface Kit {
  rng: Rng;
  g: Graph;
  /** A new graded report node; returns its id (rep-0001 …). */
  report(r: ReportSpec): string;
  /** Put report ids on what they support, and make each report mention the entities involved. */
  cite(reps: readonly string[], targets: readonly (DatasetNode | DatasetLink)[], mentions?: readonly string[]): void;
}

export function makeKit(seed: string): Kit {
  const rng = new Rng(seed);
  const g = new Graph();
  let repN = 0;
  const refCounters = new Map<string, number>();

  function report(r: ReportSpec): string {
    const id = `rep-${pad(++repN, 4)}`;
    const owner = r.owner ?? OWNER[r.sourceType];
    const key = `${REF_PREFIX[owner] ?? 'GEN'}/${r.date.slice(0, 4)}`;
    const k = (refCounters.get(key) ?? 0) + 1;
    refCounters.set(key, k);
    const gr = GRADING[r.sourceType];
    const handling = r.handling ?? (rng.chance(0.2) ? 'C' : 'P');
    // Licensing is rarely on the distribution list: the gap the case review found.
    const others = AGENCIES.filter((a) => a !== owner && (a !== 'Licensing' || rng.chance(0.08)));
    const sharedWith = rng.chance(0.6) ? rng.sample(others, rng.int(1, 2)) : [];
    g.node(id, ['Report'], {
      ref: `${key}/${pad(k, 4)}`,
      receivedOn: r.date,
      sourceType: r.sourceType,
      sourceGrade: r.grade ?? rng.pick(gr.grade),
      intelGrade: r.intel ?? rng.pick(gr.intel),
      handling,
      conditions: handling === 'C' ? 'Not to be disclosed outside the partnership without the owner’s consent' : undefined,
      ownerAgency: owner,
      sharedWith: sharedWith.length ? sharedWith : undefined,
      sharedOn: sharedWith.length ? addDays(r.date, rng.int(1, 21)) : undefined,
      summary: r.summary,
    });
    for (const m of r.mentions) g.once('MENTIONS', id, m);
    return id;
  }
  function cite(reps: readonly string[], targets: readonly (DatasetNode | DatasetLink)[], mentions: readonly string[] = []): void {
    for (const t of targets) addSources(t, reps);
    for (const r of reps) for (const m of mentions) g.once('MENTIONS', r, m);
  }
  return { rng, g, report, cite };
}

/** A youth worker's report about a child, dated at random within the demo's years. */
export function youthWorkReport({ rng, report }: Kit, about: Child, text: string, mentions: string[]): string {
  return report({ date: rng.date('2008-03-01', '2011-06-30'), sourceType: 'youth_worker', summary: `${about.pseudonym}: ${text}`, mentions: [about.id, ...mentions] });
}
