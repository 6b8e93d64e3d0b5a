/**
 * Phones: numbers only from Ofcom's drama ranges (07700 900xxx, 01632 960xxx), each written with a
 * varied raw form as an officer or a handset would have typed it; and who has which phone, on what basis.
 *
 * The story: a suspect's number is known from a subscriber check, a seized handset or intelligence,
 * with a confidence, and sometimes from a second, independent source; two men share a handset; the
 * children, parents, relatives and drivers give their own numbers. The demo child's "Taz" (s001) has
 * three numbers whose attribution the handsets part tells.
 *
 * Needs: numbers() right after the places (it shuffles the number pools); attributePhones() after the
 * cast and the homes.
 */
import type { DatasetLink } from '../dataset.js';
import { must, pad, type Props } from './builder.js';
import type { Cast } from './cast.js';
import type { Kit } from './reports.js';

export interface Numbers {
  /** A new Phone node with the next free drama number. */
  phone(kind?: 'mobile' | 'landline', extra?: Props): string;
  /** A number nobody in the cast is known to hold (a friend, a relative, an unidentified man). */
  newUnknown(): string;
}

export function numbers({ rng, g }: Kit): Numbers {
  const mobiles = rng.shuffle(Array.from({ length: 1000 }, (_, i) => `900${pad(i, 3)}`));
  const landlines = rng.shuffle(Array.from({ length: 1000 }, (_, i) => `960${pad(i, 3)}`));
  let phN = 0;
  function phone(kind: 'mobile' | 'landline' = 'mobile', extra: Props = {}): string {
    const id = `ph-${pad(++phN, 4)}`;
    let phoneNo: string;
    let raw: string;
    if (kind === 'mobile') {
      const s = must(mobiles.pop(), 'a free drama-range mobile');
      phoneNo = `+447700${s}`;
      raw = rng.pick([
        `07700 ${s}`,
        `07700${s}`,
        `+44 7700 ${s.slice(0, 3)} ${s.slice(3)}`,
        `07700 ${s.slice(0, 3)} ${s.slice(3)}`,
        `+447700${s}`,
        `0770 0${s.slice(0, 3)} ${s.slice(3)}`,
      ]);
    } else {
      const s = must(landlines.pop(), 'a free drama-range landline');
      phoneNo = `+441632${s}`;
      raw = rng.pick([`01632 ${s}`, `(01632) ${s}`, `+44 1632 ${s}`, `01632${s}`, `01632 ${s.slice(0, 3)} ${s.slice(3)}`]);
    }
    g.node(id, ['Phone'], { phoneNo, raw, ...extra });
    return id;
  }
  const newUnknown = (): string => phone(rng.chance(0.92) ? 'mobile' : 'landline');
  return { phone, newUnknown };
}

export interface Attribution {
  /** The report of the subscriber checks returned after `date` (the last batch, when none is). */
  batchReport(date: string): string;
  /** A HAS_PHONE link from an attribution, cited to its reports. */
  attribute(owner: string, ph: string, basis: string, reps: string[], confidence: number): DatasetLink;
  /** suspect id → the download of the handset seized from him on arrest. */
  seizedReport: Map<string, string>;
}

export function attributePhones({ rng, g, report, cite }: Kit, { phone }: Numbers, cast: Cast): Attribution {
  const { suspects, arrested, clusters, children, parents, o01, o02, o03, r01, r02, r03, r04, drivers } = cast;
  // subscriber checks come back in batches: one report per batch, written when first cited
  const subscriberBatches = ['2008-11-12', '2009-04-20', '2009-10-05', '2010-02-22', '2010-07-14', '2011-01-17'].map((date) => ({ date, id: '' }));
  const batchReport = (date: string): string => {
    const b = must(subscriberBatches.filter((x) => x.date >= date)[0] ?? subscriberBatches[subscriberBatches.length - 1], 'batch');
    if (!b.id)
      b.id = report({ date: b.date, sourceType: 'police', grade: 1, intel: 'A', summary: `Subscriber checks returned on numbers of interest (${b.date}).`, mentions: [] });
    return b.id;
  };

  function attribute(owner: string, ph: string, basis: string, reps: string[], confidence: number): DatasetLink {
    const l = g.link('HAS_PHONE', owner, ph, { basis, confidence });
    // a batch of subscriber checks is about numbers; the owner is on the link it supports
    for (const r of reps) cite([r], [l], subscriberBatches.some((b) => b.id === r) ? [ph] : [owner, ph]);
    return l;
  }

  // one download per handset seized on arrest: it confirms the number and lists the contacts
  const seizedReport = new Map<string, string>();
  for (const s of arrested)
    seizedReport.set(
      s.id,
      report({ date: rng.date('2010-04-01', '2010-08-31'), sourceType: 'police', grade: 1, intel: 'A', summary: `Download of handset seized from ${s.given} ${s.surname} on arrest.`, mentions: [s.id] }),
    );
  for (const s of suspects) {
    const count = s.n === 1 ? 3 : rng.pick([1, 1, 1, 2, 2, 2, 2, 3, 3, 4]);
    for (let i = 0; i < count; i++) {
      const ph = phone('mobile');
      s.phones.push(ph);
      if (s.n === 1) continue; // s001's attributions are told below
      const seized = arrested.includes(s) && i === 0;
      const basis = seized ? 'seized_handset' : rng.chance(0.7) ? 'subscriber_check' : 'intelligence';
      const reps =
        basis === 'subscriber_check'
          ? [batchReport(rng.date('2008-06-01', '2011-01-01'))]
          : basis === 'seized_handset'
            ? [must(seizedReport.get(s.id), 'seized report')]
            : [report({ date: rng.date('2008-03-01', '2011-06-30'), sourceType: rng.pick(['police', 'public', 'partner'] as const), summary: `Information that ${s.given} ${s.surname} uses a further mobile number.`, mentions: [] })];
      if (basis !== 'seized_handset' && rng.chance(0.18)) {
        // an independent second source makes the attribution stronger, not different
        reps.push(report({ date: rng.date('2008-03-01', '2011-06-30'), sourceType: rng.pick(['youth_worker', 'public', 'parent'] as const), summary: `Number given as belonging to "${rng.pick(s.nicks)}", believed ${s.given} ${s.surname}.`, mentions: [] }));
      }
      attribute(s.id, ph, basis, reps, basis === 'intelligence' ? (reps.length > 1 ? 0.75 : 0.55) : 0.9);
    }
  }
  // a shared handset between two men in one cluster
  for (const cl of clusters.slice(1, 3)) {
    const [a, b] = cl.slice(4, 6);
    if (a && b && a.phones[0]) {
      attribute(b.id, a.phones[0], 'intelligence', [report({ date: rng.date('2009-01-01', '2010-12-31'), sourceType: 'police', summary: `${a.given} ${a.surname} and ${b.given} ${b.surname} share a handset.`, mentions: [] })], 0.6);
      b.phones.push(a.phones[0]);
    }
  }
  for (const c of children) {
    c.phone = phone('mobile', { doNotContact: c.chart === 'victim' || c.restricted || c.n === 1 ? true : undefined });
    g.link('HAS_PHONE', c.id, c.phone, { basis: 'self_declared', confidence: 1 });
  }
  for (const a of [...parents, o01, o02, o03, r01, r02, r03, r04, ...drivers]) {
    const ph = phone('mobile');
    a.phones.push(ph);
    g.link('HAS_PHONE', a.id, ph, { basis: 'self_declared', confidence: 1 });
    if (parents.includes(a) && rng.chance(0.4)) {
      const land = phone('landline');
      a.phones.push(land);
      g.link('HAS_PHONE', a.id, land, { basis: 'self_declared', confidence: 1 });
    }
  }
  return { batchReport, attribute, seizedReport };
}
