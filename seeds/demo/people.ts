/**
 * The adults around the stories who are not on the chart: six parents (YP01's mother among them, who is
 * later threatened), three people who run taxi operators, four relatives and twelve drivers.
 *
 * r01 is the brother of s012, who holds the operator licence that is revoked; r01 gets the successor's
 * licence. He is on no chart, which is what makes the successor look clean to a licensing officer.
 * r02–r04 live with a suspect but are party to nothing: the household risk a strategy meeting weighs.
 *
 * Needs: the suspects (for the relatives' surnames) and the children (for the parents' surnames).
 */
import { must, pad } from './builder.js';
import type { Adult, Suspect } from './cast.js';
import type { Children } from './children.js';
import type { Names } from './names.js';
import type { Kit } from './reports.js';
import { ADULT_FEMALE_GIVEN, MALE_GIVEN, SUSPECT_SURNAMES } from './words.js';

export interface People {
  /** Parents of YP01, YP02, YP05, YP06, YP08 and YP10 (per-p01 … per-p06). */
  parents: Adult[];
  /** Holders and contacts of operators opr-1, opr-5 and opr-4. */
  o01: Adult;
  o02: Adult;
  o03: Adult;
  /** s012: holder of Dunmere Cars (opr-3), whose licence is revoked. */
  revokedHolder: Suspect;
  /** s012's brother, holder of the successor operator (opr-6). */
  r01: Adult;
  r02: Adult;
  r03: Adult;
  r04: Adult;
  /** Licensed drivers who are not suspects (per-d01 … per-d12). */
  drivers: Adult[];
  /** Driver number n (1-based). */
  D(n: number): Adult;
}

export function castPeople({ rng, g }: Kit, names: Names, S: (n: number) => Suspect, { C }: Children): People {
  function adult(id: string, givens: readonly string[], surname: string | undefined, sex: 'F' | 'M'): Adult {
    const [given, sn] = surname ? names.unique(givens, [surname]) : names.unique(givens, SUSPECT_SURNAMES);
    g.node(id, ['Person'], { name: given, surname: sn, dob: rng.date('1955-01-01', '1980-12-31'), sex });
    return { id, given, surname: sn, phones: [], vehicles: [] };
  }
  // parents (start → end: the parent is the start of a PARENT link)
  const parentOf: [number, 'F' | 'M'][] = [[1, 'F'], [2, 'F'], [5, 'F'], [6, 'M'], [8, 'F'], [10, 'F']];
  const parents: Adult[] = parentOf.map(([cn, sex], i) => {
    const c = C(cn);
    const p = adult(`per-p${pad(i + 1, 2)}`, sex === 'F' ? ADULT_FEMALE_GIVEN : MALE_GIVEN, c.surname, sex);
    c.parent = p;
    return p;
  });
  // operator people who are not on the chart
  const o01 = adult('per-o01', MALE_GIVEN, undefined, 'M');
  const o02 = adult('per-o02', MALE_GIVEN, undefined, 'M');
  const o03 = adult('per-o03', ADULT_FEMALE_GIVEN, undefined, 'F');
  // relatives: r01 is the brother of s012 (holder of the operator that is revoked) and gets the
  // successor licence; he is not on the chart, which is what makes the successor look clean
  const revokedHolder = S(12);
  const r01 = adult('per-r01', MALE_GIVEN.filter((x) => x !== revokedHolder.given), revokedHolder.surname, 'M');
  const r02 = adult('per-r02', MALE_GIVEN, S(14).surname, 'M');
  const r03 = adult('per-r03', ADULT_FEMALE_GIVEN, S(20).surname, 'F');
  const r04 = adult('per-r04', MALE_GIVEN, S(31).surname, 'M');
  const drivers: Adult[] = Array.from({ length: 12 }, (_, i) => adult(`per-d${pad(i + 1, 2)}`, MALE_GIVEN, undefined, 'M'));
  const D = (n: number): Adult => must(drivers[n - 1], `driver ${n}`);

  return { parents, o01, o02, o03, revokedHolder, r01, r02, r03, r04, drivers, D };
}
