import type { Database, PlainNode, PlainRel } from '../../db/database.js';
import { cypherFile } from '../../db/database.js';
import { toEntity, toLink, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';
import { nameWords } from '../../domain/names/words.js';
import { contactQuery, handsetMatch } from './contactQuery.js';
import { LIKE_RANK, type LikeHow } from './likeness.js';

interface Handset {
  holder: string;
  savedAs: string;
  sources: string[];
  /** How this entry's savedAs matches the nickname asked for: exact, variant, nickname, sounds, typo. */
  match: LikeHow;
  /** 'saved as "Mozz 2": Mozz sounds like Moz'. */
  why: string;
}

export interface WhoIsFinding {
  entity: EntityView;
  score: number;
  detail: {
    /** The strongest way one of this person's entries matched (what ranks the finding). */
    match: LikeHow;
    why: string;
    numbers: { phone: string; phoneId: string; attribution: { basis?: string; confidence?: string; sources: string[] }; handsets: Handset[] }[];
    handsets: number;
    reports: number;
  };
}

/** Handset entries looked at: the index gives the strongest first (the saved word itself). */
const CAP = 1000;
const MAX_FINDINGS = 200;

interface StoredNumber {
  phone: string;
  phoneId: string;
  attribution: { basis?: string; confidence?: string; sources: string[] };
  handsets: { holder: string; contact: PlainRel; sources: string[] }[];
}

/**
 * Who a nickname may be. Each candidate is a person who holds (HAS_PHONE) a number that someone's
 * handset saved under that nickname, or under another way of writing it: another spelling, a
 * short form ("Mohammed" finds "Mo"), a sound-alike ("Moz" finds "Mozz"), a typo (contactQuery.ts).
 * Each entry says how it matched, from its savedAs as the caller sees it: an entry whose visible
 * savedAs does not match (withheld, or only its keys did) is no evidence. Score = independent
 * sources: the distinct handsets that saved one of his numbers under the name, plus distinct
 * reports behind those entries and the attributions. Candidates whose entries match more strongly
 * come first (exact, then spellings, short forms, sound-alikes, typos), then by score. Two men
 * saved under the same nickname stay two candidates: nothing is merged, no alias is written.
 */
export async function whoIs(db: Database, nickname: string): Promise<WhoIsFinding[]> {
  const query = contactQuery(nameWords(nickname));
  if (!query) return [];
  const viewer = currentViewer();
  const withheld = viewer?.withheldReportIds() ?? [];
  const rows = await db.read(cypherFile(import.meta.url, 'whoIs.cypher'), { query, cap: CAP, withheld }, { what: 'This nickname search' });
  // Evidence only withheld reports support is not the caller's: an attribution or a handset entry
  // whose every report is withheld is left out, and withheld reports are not counted as sources.
  const held = (sources: string[]) => !!viewer && sources.length > 0 && sources.every((s) => viewer.reportWithheld(s));
  const visible = (sources: string[]) => (viewer ? sources.filter((s) => !viewer.reportWithheld(s)) : sources);
  const findings = rows.flatMap((r): WhoIsFinding[] => {
    const numbers = (r.numbers as StoredNumber[])
      .filter((n) => !held(n.attribution.sources))
      .map((n) => ({
        phone: n.phone,
        phoneId: n.phoneId,
        attribution: { ...n.attribution, sources: visible(n.attribution.sources) },
        handsets: n.handsets.flatMap((h): Handset[] => {
          if (held(h.sources)) return [];
          // The entry as the caller may see it: a savedAs the view leaves out (its reports withheld,
          // or near a protected subject) explains nothing.
          const link = toLink(h.contact, h.holder, n.phoneId);
          if (link.type === 'HELD') return [];
          const savedAs = link.properties.savedAs;
          const m = handsetMatch(nickname, savedAs);
          return m ? [{ holder: h.holder, savedAs: String(savedAs), sources: visible(h.sources), match: m.how, why: m.why }] : [];
        }),
      }))
      .filter((n) => n.handsets.length > 0);
    if (!numbers.length) return [];
    const entries = numbers.flatMap((n) => n.handsets);
    const best = entries.reduce((b, h) => (LIKE_RANK[h.match] < LIKE_RANK[b.match] ? h : b));
    const holders = new Set(entries.map((h) => h.holder));
    const reports = new Set(numbers.flatMap((n) => [...n.attribution.sources, ...n.handsets.flatMap((h) => h.sources)]));
    return [
      {
        entity: toEntity(r.person as PlainNode),
        score: holders.size + reports.size,
        detail: { match: best.match, why: best.why, numbers, handsets: holders.size, reports: reports.size },
      },
    ];
  });
  return findings
    .sort((a, b) => LIKE_RANK[a.detail.match] - LIKE_RANK[b.detail.match] || b.score - a.score || a.entity.label.localeCompare(b.entity.label))
    .slice(0, MAX_FINDINGS);
}
