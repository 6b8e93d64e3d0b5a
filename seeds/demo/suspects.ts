/**
 * The suspects: 80 men in five networks (clusters), as on Operation Central's association chart.
 * The first three of each network are its hubs. Brothers and cousins share a surname; street
 * nicknames are shared too — s001 is "Taz" to most children, but s017 is another "Taz" — so that
 * "who is Taz" is a real question for the analyst. s001 (Darren Kershaw, alias "D. Kershaw-Hill")
 * is the searchable suspect of the walkthrough and the browser tests.
 *
 * Needs: the Kit and the name drawer; nothing written before but places and phone pools.
 */
import { must, pad } from './builder.js';
import { ACQUITTED, CONVICTED, type Suspect } from './cast.js';
import type { Names } from './names.js';
import type { Kit } from './reports.js';
import { MALE_GIVEN, NICKNAMES, SUSPECT_SURNAMES } from './words.js';

export interface Suspects {
  suspects: Suspect[];
  /** Suspect number n (1-based): S(1) is per-s001. */
  S(n: number): Suspect;
  /** The five networks, each in suspect order (hubs first). */
  clusters: Suspect[][];
  /** Brothers or cousins: the second took the first's surname. */
  siblingPairs: [Suspect, Suspect][];
  /** The eight men arrested: five convicted, three acquitted. */
  arrested: Suspect[];
}

export function castSuspects({ rng, g }: Kit, names: Names): Suspects {
  const usedNames = names.used;
  /** A surname as someone else might have written it: one letter doubled or dropped. */
  const misspell = (s: string): string => {
    const i = rng.int(1, s.length - 2);
    return rng.chance(0.5) ? s.slice(0, i) + s.charAt(i) + s.slice(i) : s.slice(0, i) + s.slice(i + 1);
  };

  const suspects: Suspect[] = [];
  for (let n = 1; n <= 80; n++) {
    const [given, surname] = n === 1 ? ['Darren', 'Kershaw'] : names.unique(MALE_GIVEN, SUSPECT_SURNAMES);
    if (n === 1) usedNames.add('Darren Kershaw');
    suspects.push({ id: `per-s${pad(n, 3)}`, n, given, surname, cluster: (n - 1) % 5, phones: [], vehicles: [], nicks: [] });
  }
  const S = (n: number): Suspect => must(suspects[n - 1], `suspect ${n}`);
  const clusters = [0, 1, 2, 3, 4].map((c) => suspects.filter((s) => s.cluster === c));
  // brothers and cousins share surnames (and often a house)
  const siblingPairs: [Suspect, Suspect][] = [];
  for (const cl of clusters) {
    const [a, b] = rng.sample(cl.slice(3).filter((s) => s.n !== 17), 2);
    if (a && b) {
      usedNames.delete(`${b.given} ${b.surname}`);
      b.surname = a.surname;
      let guard = 0;
      while (usedNames.has(`${b.given} ${b.surname}`) && guard++ < 50) b.given = rng.pick(MALE_GIVEN);
      usedNames.add(`${b.given} ${b.surname}`);
      siblingPairs.push([a, b]);
    }
  }
  // nicknames: s001 is "Taz" to most children, but s017 is a "Taz" too, and "Bigman"/"Kas" are shared
  S(1).nicks = ['Taz', 'T', 'Driver T'];
  S(17).nicks = ['Taz'];
  S(5).nicks = ['Bigman'];
  S(23).nicks = ['Bigman', 'Big D'];
  S(9).nicks = ['Kas'];
  S(40).nicks = ['Kas', 'Kassy'];
  for (const s of suspects) if (!s.nicks.length) s.nicks = rng.chance(0.25) ? rng.sample(NICKNAMES, 2) : [rng.pick(NICKNAMES)];

  const arrested = suspects.filter((s) => CONVICTED.includes(s.n) || ACQUITTED.includes(s.n));

  for (const s of suspects) {
    const aliases: string[] = [];
    // s001's aliases are what the browser test searches for ("Kershaw Hil"): keep them
    if (s.n === 1) aliases.push('Daz', 'D. Kershaw-Hill');
    else if (rng.chance(0.28)) {
      aliases.push(`${s.given} ${misspell(s.surname)}`);
      if (rng.chance(0.35)) aliases.push(`${rng.pick(MALE_GIVEN)} ${s.surname}`);
    }
    g.node(s.id, ['Person'], {
      name: s.given,
      surname: s.surname,
      aliases: aliases.length ? aliases : undefined,
      dob: s.n === 1 ? '1979-08-23' : rng.date('1962-01-01', '1990-12-31'),
      sex: 'M',
    });
  }
  return { suspects, S, clusters, siblingPairs, arrested };
}
