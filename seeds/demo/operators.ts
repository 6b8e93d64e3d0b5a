/**
 * Taxi operators: five private-hire operators with their licences, offices and booking lines, and the
 * people who run them — and the phoenix. Dunmere Cars (opr-3) loses its licence on 2010-03-12; two
 * months later DMR Travel (opr-6, "Dunmere Express") is licensed at the same office with the same
 * booking line, held by the revoked holder's brother (r01), managed by the same man (s011), and its
 * application gives the revoked holder's own mobile. Nothing links the two operators directly: the
 * licensing officer sees it only through these shared signals (and the drivers who move across,
 * drivers.ts).
 *
 * Needs: the offices (places), the phone numbers, the cast (holders, managers, r01).
 */
import { must, pad } from './builder.js';
import { PHOENIX_GRANTED, REVOKED_ON, type Adult, type Cast, type Suspect } from './cast.js';
import type { Numbers } from './phones.js';
import type { Places } from './places.js';
import type { Kit } from './reports.js';

export interface Operator {
  id: string;
  name: string;
  tradingName: string;
  office: string;
  granted: string;
}

export interface Operators {
  /** opr-1 … opr-6, in id order; opr-6 is the successor of opr-3. */
  operators: Operator[];
  /** operator id → its booking line (a Phone id). */
  booking: Map<string, string>;
  /** operator id → the licensing register extract that backs its licence, drivers and vehicles. */
  operatorReg: Map<string, string>;
}

export function licenseOperators({ rng, g, report, cite }: Kit, { offices }: Places, { phone }: Numbers, cast: Cast): Operators {
  const { S, o01, o02, o03, r01, revokedHolder } = cast;
  const OPERATORS: Operator[] = [
    { id: 'opr-1', name: 'Aldercote Cars Ltd', tradingName: 'Aldercote Cars', office: must(offices[0], 'office'), granted: '2003-06-02' },
    { id: 'opr-2', name: 'Fellgate Taxis Ltd', tradingName: 'Fellgate 24/7', office: must(offices[2], 'office'), granted: '2004-02-09' },
    { id: 'opr-3', name: 'Dunmere Private Hire Ltd', tradingName: 'Dunmere Cars', office: must(offices[1], 'office'), granted: '2005-09-19' },
    { id: 'opr-4', name: 'Harrowby Executive Travel Ltd', tradingName: 'HX Travel', office: must(offices[3], 'office'), granted: '2006-11-27' },
    { id: 'opr-5', name: 'Marlow Bank Cars Ltd', tradingName: 'MB Cars', office: must(offices[4], 'office'), granted: '2007-08-13' },
    // the successor: a new company, new name, same office and phone, the revoked holder's brother
    { id: 'opr-6', name: 'DMR Travel Ltd', tradingName: 'Dunmere Express', office: must(offices[1], 'office'), granted: PHOENIX_GRANTED },
  ];
  const booking = new Map<string, string>();
  const operatorReg = new Map<string, string>();
  for (const o of OPERATORS) {
    g.node(o.id, ['Operator'], { name: o.name, tradingName: o.tradingName });
    const lic = `lic-op-${o.id.slice(4)}`;
    const revoked = o.id === 'opr-3';
    g.node(lic, ['Licence'], {
      kind: 'operator',
      number: `PHO/${o.granted.slice(0, 4)}/${pad(rng.int(1, 99), 4)}`,
      status: revoked ? 'revoked' : 'active',
      grantedOn: o.granted,
      endedOn: revoked ? REVOKED_ON : undefined,
    });
    const reg = report({
      date: o.id === 'opr-6' ? PHOENIX_GRANTED : '2008-04-01',
      sourceType: 'licensing',
      grade: 1,
      intel: 'A',
      summary: `Licensing register extract: ${o.name} (trading as ${o.tradingName}), operator licence, base, booking line, drivers and vehicles.`,
      mentions: [o.id, lic],
    });
    operatorReg.set(o.id, reg);
    cite([reg], [g.link('HOLDS', o.id, lic, { from: o.granted, to: revoked ? REVOKED_ON : undefined })]);
    const isPhoenix = o.id === 'opr-6';
    cite([reg], [g.link('BASED_AT', o.id, o.office, { from: isPhoenix ? PHOENIX_GRANTED : o.granted, to: revoked ? REVOKED_ON : undefined })], [o.office]);
    const line = isPhoenix ? must(booking.get('opr-3'), 'booking line') : phone('landline');
    booking.set(o.id, line);
    cite([reg], [g.link('HAS_PHONE', o.id, line, { basis: 'licence_application', confidence: 1, from: isPhoenix ? PHOENIX_GRANTED : o.granted })], [line]);
    cite([reg], [g.link('CONTACT_PHONE', lic, line)]);
  }
  // the successor's application also gives the revoked holder's own mobile
  const holderMobile = must(revokedHolder.phones[0], 'revoked holder phone');
  cite([must(operatorReg.get('opr-6'), 'reg')], [g.link('CONTACT_PHONE', 'lic-op-6', holderMobile)], [holderMobile]);
  const runs: [Adult | Suspect, string, string, string?, string?][] = [
    [o01, 'opr-1', 'holder'],
    [o01, 'opr-1', 'licensing_contact'],
    [revokedHolder, 'opr-3', 'holder', undefined, REVOKED_ON],
    [revokedHolder, 'opr-3', 'director', undefined, REVOKED_ON],
    [o02, 'opr-5', 'holder'],
    [o02, 'opr-5', 'director'],
    [S(11), 'opr-3', 'manager', '2007-01-08', REVOKED_ON],
    [S(6), 'opr-2', 'holder'],
    [S(29), 'opr-2', 'manager'],
    [o03, 'opr-4', 'holder'],
    [o03, 'opr-4', 'licensing_contact'],
    [r01, 'opr-6', 'holder', PHOENIX_GRANTED],
    [r01, 'opr-6', 'director', PHOENIX_GRANTED],
    [S(11), 'opr-6', 'manager', PHOENIX_GRANTED],
  ];
  for (const [p, o, role, from, to] of runs) cite([must(operatorReg.get(o), 'reg')], [g.link('RUNS', p.id, o, { role, from, to })], [p.id]);
  return { operators: OPERATORS, booking, operatorReg };
}
