/**
 * Who may call what. Every Query and Mutation field must appear here: the guard refuses any field
 * without a rule (fail closed), and a test checks the table against the schema.
 *
 * Case data is for analysts only until the redacted views exist: safeguarding gets the
 * strategy-meeting view scoped to one child, licensing the operator views without children's
 * identities (issues 4 and 7). Admin manages users and reads the audit log, and sees no case data.
 */
import type { Role } from '../modules/auth/users.js';

export type Rule = 'public' | 'signed-in' | readonly Role[];

const CASE_DATA: readonly Role[] = ['analyst'];
const ADMIN: readonly Role[] = ['admin'];

export const POLICY: Record<string, Rule> = {
  'Query.health': 'public',
  'Mutation.login': 'public',
  'Query.me': 'signed-in',
  'Query.stats': ['analyst', 'admin'],
  'Query.search': CASE_DATA,
  'Query.entity': CASE_DATA,
  'Query.neighbourhood': CASE_DATA,
  'Query.operations': CASE_DATA,
  'Query.whoIs': CASE_DATA,
  'Query.duplicateCandidates': CASE_DATA,
  'Mutation.submitReport': CASE_DATA,
  'Mutation.merge': CASE_DATA,
  'Mutation.unmerge': CASE_DATA,
  'Query.auditLog': ADMIN,
  'Query.auditVerify': ADMIN,
};

/** Operations written to the audit log even when they return no person (changes, sign-ins, audit reads). */
export const ALWAYS_AUDITED = (operation: string) => operation.startsWith('Mutation.') || operation.startsWith('Query.audit');
