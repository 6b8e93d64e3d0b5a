/**
 * The children: twenty young people known by pseudonym (YP01 … YP20), aged 12 to 16 in 2010. Four
 * gave statements (victims on the chart), twelve are charted as likely victims, the rest are not yet
 * on anyone's chart. Some are looked after (placed in a residential unit) and some records are
 * restricted; four have only an age, recorded on a date, instead of a date of birth.
 *
 * YP01 (per-c01) is the strategy-meeting child of the walkthrough: 14 when she goes missing in
 * November 2009 and is found at the takeaway where a notice was served (notices.ts).
 *
 * Needs: the Kit and the name drawer (after the suspects, so their names come first).
 */
import { ageOn, must, pad } from './builder.js';
import { AGE_ONLY, BOYS, LIKELY_CHILDREN, LOOKED_AFTER, RESTRICTED_CHILDREN, STATEMENT_CHILDREN, type Child } from './cast.js';
import type { Names } from './names.js';
import type { Kit } from './reports.js';
import { BOY_GIVEN, FAMILY_SURNAMES, FEMALE_GIVEN } from './words.js';

export interface Children {
  children: Child[];
  /** Child number n (1-based): C(1) is per-c01, YP01. */
  C(n: number): Child;
}

export function castChildren({ rng, g }: Kit, names: Names): Children {
  const children: Child[] = [];
  for (let n = 1; n <= 20; n++) {
    const sex: 'F' | 'M' = BOYS.includes(n) ? 'M' : 'F';
    const [given, surname] = n === 1 ? ['Amy', 'Calloway'] : names.unique(sex === 'F' ? FEMALE_GIVEN : BOY_GIVEN, FAMILY_SURNAMES.slice(1));
    if (n === 1) names.used.add('Amy Calloway');
    // c01 is 14 when she goes missing in November 2009 (the notice scenario)
    const dob = n === 1 ? '1995-03-14' : rng.date('1994-01-15', '1997-06-30');
    const c: Child = {
      id: `per-c${pad(n, 2)}`,
      n,
      pseudonym: `YP${pad(n, 2)}`,
      given,
      surname,
      sex,
      age2010: ageOn(dob, '2010-01-01'),
      dob: AGE_ONLY.includes(n) ? undefined : dob,
      lookedAfter: LOOKED_AFTER.includes(n),
      restricted: RESTRICTED_CHILDREN.includes(n),
      phone: '',
      linked: [],
      chart: STATEMENT_CHILDREN.includes(n) ? 'victim' : LIKELY_CHILDREN.includes(n) ? 'likely_victim' : undefined,
    };
    children.push(c);
  }
  const C = (n: number): Child => must(children[n - 1], `child ${n}`);
  // c15 and c16 are sisters at one family home
  C(16).surname = C(15).surname;
  for (const c of children) {
    g.node(c.id, ['Person'], {
      name: c.given,
      surname: c.surname,
      child: true,
      pseudonym: c.pseudonym,
      dob: c.dob,
      age: c.dob ? undefined : c.age2010,
      // The date the age was recorded on, so a typed year of birth can be compared with it.
      ageOn: c.dob ? undefined : '2010-01-01',
      sex: c.sex,
      lookedAfter: c.lookedAfter ? true : undefined,
      restricted: c.restricted ? true : undefined,
    });
  }
  return { children, C };
}
