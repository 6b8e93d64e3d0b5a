import type { Database, PlainNode } from '../../db/database.js';
import { cypherFile } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';

export interface WhoIsFinding {
  entity: EntityView;
  score: number;
  detail: {
    numbers: { phone: string; phoneId: string; attribution: { basis?: string; confidence?: string; sources: string[] }; handsets: { holder: string; savedAs: string; sources: string[] }[] }[];
    handsets: number;
    reports: number;
  };
}

/**
 * Who a nickname may be. Each candidate is a person who holds (HAS_PHONE) a number saved under
 * that nickname in someone's handset. Score = independent sources: the distinct handsets that
 * saved one of his numbers under the name, plus distinct reports behind those contacts and the
 * attributions. Two men saved under the same nickname stay two candidates: nothing is merged.
 */
export async function whoIs(db: Database, nickname: string): Promise<WhoIsFinding[]> {
  const rows = await db.read(cypherFile(import.meta.url, 'whoIs.cypher'), { nickname: nickname.trim().toLowerCase() }, { what: 'This nickname search' });
  // Evidence only withheld reports support is not the caller's: an attribution or a handset entry
  // whose every report is withheld is left out, and withheld reports are not counted as sources.
  const viewer = currentViewer();
  const held = (sources: string[]) => !!viewer && sources.length > 0 && sources.every((s) => viewer.reportWithheld(s));
  const visible = (sources: string[]) => (viewer ? sources.filter((s) => !viewer.reportWithheld(s)) : sources);
  const findings = rows.flatMap((r) => {
    const numbers = (r.numbers as WhoIsFinding['detail']['numbers'])
      .filter((n) => !held(n.attribution.sources))
      .map((n) => ({
        ...n,
        attribution: { ...n.attribution, sources: visible(n.attribution.sources) },
        handsets: n.handsets.filter((h) => !held(h.sources)).map((h) => ({ ...h, sources: visible(h.sources) })),
      }))
      .filter((n) => n.handsets.length > 0);
    if (!numbers.length) return [];
    const holders = new Set(numbers.flatMap((n) => n.handsets.map((h) => h.holder)));
    const reports = new Set(numbers.flatMap((n) => [...n.attribution.sources, ...n.handsets.flatMap((h) => h.sources)]));
    return [
      {
        entity: toEntity(r.person as PlainNode),
        score: holders.size + reports.size,
        detail: { numbers, handsets: holders.size, reports: reports.size },
      },
    ];
  });
  return findings.sort((a, b) => b.score - a.score || a.entity.label.localeCompare(b.entity.label));
}
