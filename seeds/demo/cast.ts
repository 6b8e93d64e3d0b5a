/**
 * The cast and the fixed story structure: which suspect, child, operator and notice plays which part.
 * Names, numbers and dates vary with the seed; these roles do not, and the walkthrough, the browser
 * tests and the licensing demo find their entities through DEMO_IDS.
 *
 * The parts keep the cast in memory (Adult, Suspect, Child) as well as writing it as nodes, so later
 * parts can tell consistent stories about it: whose phone a child saved, where a man lives, which taxi
 * he drives.
 */

import type { Children } from './children.js';
import type { People } from './people.js';
import type { Suspects } from './suspects.js';

/** An adult in the cast: a parent, relative, operator person, driver, or (as Suspect) a man on the chart. */
export interface Adult {
  id: string;
  given: string;
  surname: string;
  phones: string[];
  vehicles: string[];
  home?: string;
}
/** A man on the chart: one of five networks (cluster), known to children by street nicknames. */
export interface Suspect extends Adult {
  n: number;
  cluster: number;
  nicks: string[];
}
/** A child, described by pseudonym; `linked` are the suspects her stories name. */
export interface Child {
  id: string;
  n: number;
  pseudonym: string;
  given: string;
  surname: string;
  dob?: string;
  age2010: number;
  sex: 'F' | 'M';
  lookedAfter: boolean;
  restricted: boolean;
  phone: string;
  familyHome?: string;
  placement?: { unit: string; from: string };
  parent?: Adult;
  linked: Suspect[];
  chart?: 'victim' | 'likely_victim';
}

// Fixed story structure (which numbers play which part); names, numbers, dates vary with the seed.
/** Suspect numbers arrested and convicted (5) and acquitted (3); every other suspect is identified and never actioned. */
export const CONVICTED = [2, 3, 5, 7, 10];
export const ACQUITTED = [4, 8, 13];
/** Child numbers who gave video-recorded statements (victims on the chart), and those charted as likely victims. */
export const STATEMENT_CHILDREN = [2, 3, 5, 8];
export const LIKELY_CHILDREN = [1, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16];
export const LOOKED_AFTER = [1, 3, 4, 7, 9, 11, 14, 18];
export const RESTRICTED_CHILDREN = [4, 9, 14];
export const BOYS = [13, 19];
/** Children recorded with an age (on 2010-01-01) instead of a date of birth. */
export const AGE_ONLY = [12, 16, 18, 20];
/** Which statement victims each arrested man's case concerned. */
export const CASES: Record<number, number[]> = { 2: [2, 3], 3: [3], 5: [5, 2], 7: [8], 10: [2, 8], 4: [5], 8: [3], 13: [8] };
/** Children linked to the searchable suspect s001 ("Taz"). */
export const S001_CHILDREN = [1, 3, 4, 6, 10, 12, 17];
export const SENTENCES: Record<number, number> = { 2: 9, 3: 4, 5: 11, 7: 5, 10: 8 };

/** The entities the walkthrough and the tests find the stories by. */
export const DEMO_IDS = {
  operation: 'op-central',
  demoChild: 'per-c01',
  searchableSuspect: 'per-s001',
  otherTaz: 'per-s017',
  revokedOperator: 'opr-3',
  successorOperator: 'opr-6',
  revokedHolder: 'per-s012',
  successorHolder: 'per-r01',
  noticeAtTakeaway: 'ntc-001',
  missingAtTakeaway: 'inc-0001',
} as const;

/** The Dunmere Cars operator licence is revoked, and its successor granted two months later (the phoenix story). */
export const REVOKED_ON = '2010-03-12';
export const PHOENIX_GRANTED = '2010-05-20';

/** The whole cast as the parts after the people pass it on. */
export type Cast = Suspects & Children & People;
