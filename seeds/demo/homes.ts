/**
 * Homes and placements. Children live at a family home (with a parent, where there is one) or are
 * placed in a residential unit; YP01 moves from home to a placement in February 2010, after the winter
 * she went missing. Some suspects' addresses were never established (known by nickname, phone or car
 * only); brothers share a house, and some men lodge together — a house of multiple occupation is a
 * lead in itself, and people who live together are linked KNOWS_LW. Relatives who live with a suspect
 * but are party to nothing show the household risk.
 *
 * Needs: the places (units, schools, homes) and the cast.
 */
import { must } from './builder.js';
import type { Cast, Suspect } from './cast.js';
import type { Places } from './places.js';
import type { Kit } from './reports.js';

export function settleHomes(kit: Kit, places: Places, cast: Cast): void {
  homeChildren(kit, places, cast);
  homeSuspects(kit, places, cast);
  homeOthers(kit, places, cast);
}

/** Family homes with their parents, placements in the residential units, and schools. */
function homeChildren({ rng, g }: Kit, { units, schools, nextHome }: Places, { children, C }: Cast): void {
  let placed = 0;
  for (const c of children) {
    if (c.lookedAfter && c.n !== 1) {
      const unit = must(units[placed++ % units.length], 'unit'); // every unit has children placed in it
      c.placement = { unit, from: rng.date('2007-01-01', '2009-06-30') };
      g.link('CURRENT_ADDRESS', c.id, unit, { role: 'placement', from: c.placement.from });
      continue;
    }
    c.familyHome = c.n === 16 ? C(15).familyHome : nextHome();
    const fh = must(c.familyHome, 'family home');
    if (c.n === 1) {
      // the demo child moves from home to a placement after the winter of 2009
      c.placement = { unit: must(units[0], 'unit'), from: '2010-02-15' };
      g.link('CURRENT_ADDRESS', c.id, fh, { role: 'family_home', to: '2010-02-15' });
      g.link('CURRENT_ADDRESS', c.id, c.placement.unit, { role: 'placement', from: c.placement.from });
    } else g.link('CURRENT_ADDRESS', c.id, fh, { role: 'family_home' });
    if (c.parent) {
      c.parent.home = fh;
      g.link('CURRENT_ADDRESS', c.parent.id, fh, { role: 'home' });
      g.link('FAMILY_REL', c.parent.id, c.id, { rel_type: 'PARENT' });
    }
  }
  g.link('FAMILY_REL', C(15).id, C(16).id, { rel_type: 'SIBLING' });
  for (const c of children) if (c.n !== 1 && rng.chance(0.6) && c.age2010 <= 15) g.link('ATTENDS', c.id, rng.pick(schools), { from: '2008-09-01' });
  g.once('ATTENDS', C(1).id, must(schools[0], 'school'), { from: '2006-09-04' });
}

/** Where the men live, when known: alone, with a brother, or lodging together. */
function homeSuspects({ rng, g }: Kit, { nextHome }: Places, { suspects, siblingPairs }: Cast): void {
  const suspectHomes: string[] = [];
  for (const s of suspects) {
    if (s.n !== 1 && rng.chance(0.45)) continue; // address never established: known by nickname, phone or car only
    const sib = siblingPairs.find(([, b]) => b === s);
    if (sib && sib[0].home) {
      s.home = sib[0].home;
    } else if (suspectHomes.length > 6 && rng.chance(0.3)) {
      // men lodging together: a house of multiple occupation is a lead in itself
      s.home = rng.pick(suspectHomes);
    } else {
      s.home = nextHome();
      suspectHomes.push(s.home);
    }
    if (rng.chance(0.1)) {
      const prev = nextHome();
      const moved = rng.date('2008-03-01', '2010-12-31');
      g.link('CURRENT_ADDRESS', s.id, prev, { role: 'home', to: moved });
      g.link('CURRENT_ADDRESS', s.id, s.home, { role: 'home', from: moved });
    } else g.link('CURRENT_ADDRESS', s.id, s.home, { role: 'home' });
  }
  // people who live at the same address know each other that way
  const byHome = new Map<string, Suspect[]>();
  for (const s of suspects) if (s.home) byHome.set(s.home, [...(byHome.get(s.home) ?? []), s]);
  for (const group of byHome.values()) for (let i = 1; i < group.length; i++) g.link('KNOWS_LW', must(group[0], 'resident').id, must(group[i], 'resident').id);
  for (const [a, b] of siblingPairs) g.link('FAMILY_REL', a.id, b.id, { rel_type: 'SIBLING' });
}

/** Relatives who live with a suspect but are party to nothing (household risk), and the other adults' homes. */
function homeOthers({ rng, g }: Kit, { nextHome }: Places, { S, o01, o02, o03, r01, r02, r03, r04, drivers, revokedHolder }: Cast): void {
  for (const [rel, s, relType] of [[r02, S(14), 'SIBLING'], [r03, S(20), 'SPOUSE'], [r04, S(31), 'COUSIN']] as const) {
    if (!s.home) {
      s.home = nextHome();
      g.link('CURRENT_ADDRESS', s.id, s.home, { role: 'home' });
    }
    rel.home = s.home;
    g.link('CURRENT_ADDRESS', rel.id, s.home, { role: 'home' });
    g.link('FAMILY_REL', rel.id, s.id, { rel_type: relType });
    g.link('KNOWS_LW', rel.id, s.id);
  }
  for (const a of [o01, o02, o03, r01, ...drivers]) {
    if (a !== o01 && rng.chance(0.6)) continue;
    a.home = nextHome();
    g.link('CURRENT_ADDRESS', a.id, a.home, { role: 'home' });
  }
  g.link('FAMILY_REL', revokedHolder.id, r01.id, { rel_type: 'SIBLING' });
}
