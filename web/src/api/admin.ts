/** Administration (admin only): user accounts and the audit log. No case data. */
import {
  AuditLogDocument,
  AuditVerifyDocument,
  SetUserDocument,
  UsersDocument,
  type AuditLogQuery,
  type AuditLogQueryVariables,
  type AuditVerifyQuery,
  type SetUserMutationVariables,
  type UserRecordFieldsFragment,
} from '../gql/graphql';
import { gql } from './transport';

/** A user account as the admin's list shows it (`role`: analyst | safeguarding | licensing | admin). Times are the server's ISO strings. */
export type UserRecord = UserRecordFieldsFragment;

/**
 * One consultation or change, as the audit log recorded it: `operation` e.g.
 * 'Query.childConnections', `args` the operation's arguments as JSON text (passwords never
 * recorded), `entityIds` the entities returned or changed.
 */
export type AuditEntry = AuditLogQuery['auditLog'][number];

/** The audit chain recomputed: intact, or the first entry where it no longer holds. */
export type AuditCheck = AuditVerifyQuery['auditVerify'];

export interface SetUserArgs {
  username: string;
  role: string;
  /** 12 characters or more. */
  password: string;
  /** Blank or omitted: the server's default for the role. */
  agency?: string;
}

export interface AuditLogArgs {
  /** Only entries that returned or changed this entity: who viewed it. */
  entityId?: string;
  username?: string;
  /** 1-1000; the server's default (100) when omitted. */
  limit?: number;
}

/** Every user account, by username (admin). */
export async function fetchUsers(signal?: AbortSignal): Promise<UserRecord[]> {
  const data = await gql(UsersDocument, {}, signal);
  return data.users;
}

/**
 * Creates the account, or updates it (role, agency and a new password) when the username exists.
 * Refused with BAD_USER_INPUT and a message saying why (username shape, role, password length).
 */
export async function setUser(args: SetUserArgs, signal?: AbortSignal): Promise<UserRecord> {
  const variables: SetUserMutationVariables = { username: args.username, role: args.role, password: args.password };
  const agency = args.agency?.trim();
  if (agency) variables.agency = agency;
  const data = await gql(SetUserDocument, variables, signal);
  return data.setUser;
}

/** Audit entries, newest first. Reading the log is itself recorded in it. */
export async function fetchAuditLog(args: AuditLogArgs = {}, signal?: AbortSignal): Promise<AuditEntry[]> {
  // Omitted rather than null: an explicit null limit would override the server's default.
  const variables: AuditLogQueryVariables = {};
  if (args.entityId) variables.entityId = args.entityId;
  if (args.username) variables.username = args.username;
  if (args.limit !== undefined) variables.limit = args.limit;
  const data = await gql(AuditLogDocument, variables, signal);
  return data.auditLog;
}

/** Recomputes the audit chain on the server (may take a while on a long log). */
export async function verifyAudit(signal?: AbortSignal): Promise<AuditCheck> {
  const data = await gql(AuditVerifyDocument, {}, signal);
  return data.auditVerify;
}
