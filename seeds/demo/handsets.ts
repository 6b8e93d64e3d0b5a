/**
 * Handsets: the contacts (HAS_CONTACT, with the name the number was saved as) found when each child's
 * handset was downloaded, and on the handsets seized from the eight arrested men.
 *
 * The story: s001's main number, saved as "Taz", "T" or "Driver T", is in seven children's phones; it
 * was attributed to him by three independent sources (a subscriber check, a youth worker's report and
 * his licence application). A number nobody has attributed is saved as "Taz" by two children — a new
 * phone of s001's, or a third man? Nicknames live only on these links, never as aliases, so "who is
 * Taz" has to be answered from the handsets. A pool of 28 numbers that several children have belongs
 * to men never identified; the seized handsets list the children and the men's associates.
 *
 * Needs: the cast with phones, the number pool, the attribution and seized-handset reports, the
 * operators' booking lines (a taxi firm saved by name), the children each suspect is linked to.
 */
import { must } from './builder.js';
import type { Cast, Suspect } from './cast.js';
import { linkedChildren } from './operation.js';
import type { Operators } from './operators.js';
import type { Attribution, Numbers } from './phones.js';
import { youthWorkReport, type Kit } from './reports.js';
import { FRIEND_SAVES, MALE_GIVEN, NICKNAMES } from './words.js';

/** s001 ("Taz") and his three numbers: the main one, in seven children's handsets; a second; a third only an anonymous caller gave. */
export function tazPhones({ S }: Pick<Cast, 'S'>): { s1: Suspect; main: string; second: string; third: string } {
  const s1 = S(1);
  return { s1, main: must(s1.phones[0], 's001 phone 1'), second: must(s1.phones[1], 's001 phone 2'), third: must(s1.phones[2], 's001 phone 3') };
}

/** How s001's numbers came to be attributed to him: three independent sources for the main one. */
export function attributeTazNumbers(kit: Kit, cast: Cast, { attribute, batchReport }: Attribution, { operatorReg }: Operators): void {
  const { s1, main, second, third } = tazPhones(cast);
  const ywTaz = youthWorkReport(kit, cast.C(1), 'mentions a driver called "Taz" who gives her and friends free lifts in a silver Prius; gave his number.', [main, s1.id]);
  attribute(s1.id, main, 'subscriber_check', [batchReport('2009-04-01'), ywTaz, must(operatorReg.get('opr-3'), 'reg')], 0.95);
  attribute(s1.id, second, 'subscriber_check', [batchReport('2009-09-01'), youthWorkReport(kit, cast.C(3), 'says "Taz" has a second phone, number seen on her handset.', [second])], 0.85);
  attribute(s1.id, third, 'intelligence', [kit.report({ date: '2009-12-28', sourceType: 'public', grade: 3, intel: 'D', summary: 'Anonymous caller says the man known as Taz uses a further number.', mentions: [] })], 0.4);
}

export function downloadHandsets({ rng, g, report, cite }: Kit, cast: Cast, { newUnknown }: Numbers, { seizedReport }: Attribution, { operators, booking }: Operators): void {
  const { C, children, arrested, clusters } = cast;
  const { s1, main: s1Main, second: s1Second } = tazPhones(cast);
  const saved = new Set<string>(); // numbers already in some handset
  function contact(owner: string, ph: string, savedAs: string, rep: string): void {
    if (g.links.some((l) => l.type === 'HAS_CONTACT' && l.start === owner && l.end === ph)) return;
    const l = g.link('HAS_CONTACT', owner, ph, { savedAs });
    // the download's report names the handset's owner; each contact carries it in its sources
    cite([rep], [l]);
    saved.add(ph);
  }
  // a pool of numbers that several children have, whose owners were never identified
  const unknownMen = Array.from({ length: 28 }, () => ({ ph: newUnknown(), nick: rng.pick(NICKNAMES) }));
  const handsetReport = new Map<string, string>();
  /** What each of s001's seven children saved his main number as. */
  const taz1Saves: Record<number, string> = { 1: 'Taz', 3: 'T', 4: 'Taz', 6: 'Driver T', 10: 'Taz x', 12: 'T', 17: 'Taz' };
  // each child's handset, downloaded once: YP01's in March 2010, after she was placed
  for (const c of children) {
    const dl = c.n === 1 ? '2010-03-04' : rng.date('2009-03-01', '2011-04-30');
    const rep = report({
      date: dl,
      sourceType: 'police',
      grade: 1,
      intel: 'A',
      summary: `Download of ${c.pseudonym}'s handset: contacts of interest listed.`,
      mentions: [c.id],
    });
    handsetReport.set(c.id, rep);
    // the men she is linked to, under their nicknames
    for (const s of c.linked) {
      if (s.n === 1) {
        contact(c.id, s1Main, must(taz1Saves[c.n], 'taz save'), rep);
        if ([1, 3, 6].includes(c.n)) contact(c.id, s1Second, c.n === 1 ? 'Taz 2' : 'Taz', rep);
        continue;
      }
      if (rng.chance(0.2) && c.n !== 1 && s.n !== 17) continue; // not every man is in every handset
      const ph = rng.pick(s.phones);
      contact(c.id, ph, rng.pick(s.nicks), rep);
      if (s.phones.length > 1 && rng.chance(0.25)) contact(c.id, must(s.phones.find((x) => x !== ph), 'ph'), `${rng.pick(s.nicks)} 2`, rep);
    }
    // then other children, a parent (per-p04 is YP06's father) or an unknown home number, unidentified men, friends
    for (const f of rng.sample(children.filter((x) => x !== c), rng.int(1, 3))) contact(c.id, f.phone, rng.chance(0.5) ? f.given : `${f.given} x`, rep);
    if (c.parent) contact(c.id, must(c.parent.phones[0], 'parent phone'), c.parent.id.endsWith('04') ? 'Dad' : 'Mum', rep);
    else contact(c.id, newUnknown(), rng.pick(['Mum', 'Nan', 'Dad', 'Home']), rep);
    for (const u of rng.sample(unknownMen, rng.int(1, 3))) contact(c.id, u.ph, rng.chance(0.7) ? u.nick : rng.pick(NICKNAMES), rep);
    const friends = rng.int(6, 11);
    for (let i = 0; i < friends; i++) contact(c.id, newUnknown(), rng.pick(rng.chance(0.75) ? FRIEND_SAVES : NICKNAMES), rep);
    // a taxi firm's number, saved by name
    if (rng.chance(0.5)) {
      const o = rng.pick(operators.slice(0, 4));
      contact(c.id, must(booking.get(o.id), 'booking'), rng.pick([o.tradingName, 'Taxi', 'Cars']), rep);
    }
  }
  // every unidentified man's number is in at least one handset
  for (const u of unknownMen) {
    if (saved.has(u.ph)) continue;
    const c = rng.pick(children.filter((x) => x.chart));
    contact(c.id, u.ph, u.nick, must(handsetReport.get(c.id), 'handset report'));
  }
  // a number nobody has attributed, saved as "Taz" by two children: a new phone of s001's, or a third man?
  const unknownTaz = newUnknown();
  contact(C(12).id, unknownTaz, 'Taz', must(handsetReport.get(C(12).id), 'handset report'));
  contact(C(4).id, unknownTaz, 'Taz new', must(handsetReport.get(C(4).id), 'handset report'));

  // handsets seized from the eight arrested men: the children, his network, s001, and the operator's base
  for (const s of arrested) {
    const rep = must(seizedReport.get(s.id), 'seized report');
    for (const c of linkedChildren(children, s)) contact(s.id, c.phone, rng.pick([c.given, `${c.given} ${c.surname.charAt(0)}`, `Little ${c.given.charAt(0)}`]), rep);
    const mates = rng.sample(clusters[s.cluster]?.filter((x) => x !== s) ?? [], rng.int(3, 6));
    for (const m of mates) {
      contact(s.id, rng.pick(m.phones), rng.chance(0.5) ? m.given : rng.pick(m.nicks), rep);
      const l = g.once('KNOWS_PHONE', s.id, m.id);
      cite([rep], [l]);
    }
    contact(s.id, s1Main, 'Taz', rep);
    cite([rep], [g.once('KNOWS_PHONE', s.id, s1.id)]);
    for (let i = rng.int(4, 9); i > 0; i--) contact(s.id, newUnknown(), rng.pick([...NICKNAMES, ...MALE_GIVEN]), rep);
    if (rng.chance(0.6)) contact(s.id, must(booking.get(rng.pick(operators).id), 'booking'), 'Base', rep);
  }
}
