/**
 * A deliberately tiny GraphQL client: one POST per operation to /graphql, typed results, and errors
 * turned into something an analyst can read. No cache: the chart itself is the client-side state.
 * Every request carries the working session's purpose (`x-purpose`, see purpose.ts).
 */
import { cleanPurpose, currentPurpose } from './purpose';

/** JSON values as the server's `JSON` scalar delivers them (properties, counts, evidence). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface Entity {
  id: string;
  /** Most specific vocabulary label (Crime before Incident, Officer before Person). */
  kind: string;
  /** What the chart shows: a name, a registration, a number. */
  label: string;
  labels: string[];
  properties: Record<string, Json>;
  /** Report ids behind this entity. */
  sources: string[];
}

export interface Link {
  id: string;
  type: string;
  /** Entity id, in the stored direction. */
  source: string;
  target: string;
  properties: Record<string, Json>;
  sources: string[];
}

export interface Subgraph {
  nodes: Entity[];
  links: Link[];
  truncated: boolean;
}

/** A person as the server types it: the Entity fields plus the person's own. */
export interface Person extends Entity {
  name?: string | null;
  surname?: string | null;
  pseudonym?: string | null;
  age?: number | null;
  child?: boolean | null;
  lookedAfter?: boolean | null;
  restricted?: boolean | null;
}

/** A child a strategy meeting may be held about, as the picker lists it. */
export interface ChildSummary {
  id: string;
  /** The child's name. */
  label: string;
  pseudonym: string | null;
  age: number | null;
  lookedAfter: boolean | null;
}

/** An entity with a score from an analysis; `detail` carries the evidence behind the score. */
export interface Ranked {
  entity: Entity;
  score: number;
  detail: Json | null;
}

/** The strategy-meeting view of one child (query `childConnections`). */
export interface ChildView {
  /** The child the meeting is about, in full. */
  child: Person;
  /** Everything within `hops` links of the child; other children only as descriptors. */
  network: Subgraph;
  /** Dated records about the child, oldest first: incidents, notices, meetings, placements. */
  chronology: Entity[];
  /** Persons linked to the child under the derived-link rules, strongest first. */
  linkedPersons: Ranked[];
}

/** One typed word of a name search and the name word it matched. */
export interface WordMatch {
  /** Which typed word: its place (from 0) among the words typed, split at spaces. The server never sends typed text back. */
  at: number;
  matched: string;
  /** exact | prefix | variant | typo | nickname | sounds | initial | partial */
  how: string;
  /** name, alias or pseudonym */
  field: string;
}

export interface SearchMatch {
  /** name, alias, pseudonym, phone, registration, vehicle, address, postcode, operator, email, licence */
  field: string;
  /** The weakest of the typed words' matches: exact | prefix | variant | typo | nickname | sounds | initial | partial */
  how: string;
  /** The value that matched when the label does not show it (an alias). */
  value: string | null;
  /** For name matches: each typed word and the name word it matched, how. */
  words: WordMatch[];
  /** A date typed with the name against what is recorded: "fits" | "differs"; null when either side has none. */
  dates: string | null;
  /** What is recorded, in words: "fits age 31 in 2010", "recorded born 1985-02-11". */
  datesNote: string | null;
  /** The server's one line, recorded words only: "Garrick (sounds like) · Grindlow exact · date fits age 31 in 2010". */
  why: string;
}

/** What tells a hit apart from others of the same name, as the server lets this user see it. */
export interface SearchContext {
  born: string | null;
  age: number | null;
  aliases: string[];
  addresses: string[];
  phones: string[];
  vehicles: string[];
  people: string[];
  details: string[];
}

export interface SearchHit {
  entity: Entity;
  score: number;
}

/** A hit as the workspace's search asks for it: with what matched and what tells it apart. */
export interface SearchResult extends SearchHit {
  matched: SearchMatch | null;
  context: SearchContext;
}

export interface OperationSummary {
  id: string;
  name: string | null;
}

export interface User {
  username: string;
  /** analyst | safeguarding | licensing | admin */
  role: string;
}

export interface LoginResult {
  /** Bearer token, valid for 8 hours. */
  token: string;
  user: User;
}

/** One GraphQL error as the server reports it. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Everything that can go wrong talking to the server, with a message fit for a banner.
 * `code` is the first error's `extensions.code` (e.g. UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT),
 * or NETWORK / HTTP_<status> / BAD_RESPONSE when no GraphQL answer came back at all.
 */
export class ApiError extends Error {
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly errors: GraphQLErrorItem[];

  constructor(message: string, opts: { code?: string; status?: number; errors?: GraphQLErrorItem[] } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = opts.code;
    this.status = opts.status;
    this.errors = opts.errors ?? [];
  }
}

/** True when the error is only our own cancellation of a stale request (not worth a banner). */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

// ---------------------------------------------------------------------------------------------
// The sign-in token. localStorage keeps it across reloads and shares it between the app's windows;
// it can throw (privacy modes, sandboxed frames), and then the token lives in memory for this page
// only, so a browser that refuses storage can still be used.

/** The localStorage key that holds the bearer token. */
export const TOKEN_KEY = 'token';
let unsavedToken: string | null = null;

export function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY) ?? unsavedToken;
  } catch {
    return unsavedToken;
  }
}

export function storeToken(token: string): void {
  unsavedToken = null;
  try {
    window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    unsavedToken = token;
  }
}

export function clearToken(): void {
  unsavedToken = null;
  try {
    window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing was stored.
  }
}

/**
 * Called when the server refuses a request that carried the session's token (UNAUTHENTICATED: the
 * token expired, or was withdrawn), with the token that was refused. One listener: the app shell,
 * which ends the session and shows the sign-in form.
 */
type RejectionListener = (refusedToken: string | null) => void;
let rejectionListener: RejectionListener | null = null;

export function onSessionRejected(listener: RejectionListener): () => void {
  rejectionListener = listener;
  return () => {
    if (rejectionListener === listener) rejectionListener = null;
  };
}

/** True when any of the server's errors carries this `extensions.code`. */
export function hasCode(err: unknown, code: string): boolean {
  return err instanceof ApiError && (err.code === code || err.errors.some((e) => e.extensions?.code === code));
}

/** Not signed in, or no longer: a GraphQL UNAUTHENTICATED, or a bare 401 from something in between. */
export function isUnauthenticated(err: unknown): boolean {
  return hasCode(err, 'UNAUTHENTICATED') || (err instanceof ApiError && err.status === 401 && err.errors.length === 0);
}

/** Messages for codes an analyst may meet, said plainly; the server's own message follows. */
const CODE_HINTS: Record<string, string> = {
  UNAUTHENTICATED: 'You are not signed in, or your session has ended.',
  FORBIDDEN: 'Your role does not allow this.',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins.',
  BAD_USER_INPUT: 'The server did not accept that request.',
  GRAPHQL_VALIDATION_FAILED: 'The app and the server disagree about the API (reload the page).',
  NETWORK: 'Cannot reach the server. Check the connection, or that the service is running.',
  HTTP_502: 'The service is not answering (it may be starting or stopped).',
  HTTP_503: 'The service is not answering (it may be starting or stopped).',
  HTTP_504: 'The service took too long to answer.',
};

export function describeError(err: unknown): { message: string; code?: string } {
  if (err instanceof ApiError) {
    const hint = err.code ? CODE_HINTS[err.code] : undefined;
    const message = hint && hint !== err.message ? `${hint} ${err.message}` : err.message;
    return err.code ? { message, code: err.code } : { message };
  }
  if (err instanceof Error) return { message: err.message };
  return { message: String(err) };
}

export interface GqlOptions {
  /**
   * False for signing in: no token is sent, and UNAUTHENTICATED then means wrong credentials, not an
   * ended session. Default true.
   */
  auth?: boolean;
  /**
   * The purpose to audit this request under (`x-purpose`), instead of the working session's: a
   * strategy-meeting view states its own.
   */
  purpose?: string;
  /** False: an UNAUTHENTICATED answer does not end the session (signing out, where it has ended anyway). */
  notifyRejection?: boolean;
}

/** The `x-purpose` header for a request: the stated purpose, else the working session's, else none. */
export function purposeHeader(stated?: string): Record<string, string> {
  const purpose = stated !== undefined ? cleanPurpose(stated) : currentPurpose();
  return purpose ? { 'x-purpose': purpose } : {};
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
  options: GqlOptions = {},
): Promise<T> {
  const auth = options.auth !== false;
  const token = auth ? readToken() : null;
  const fail = (error: ApiError): never => {
    if (auth && options.notifyRejection !== false && isUnauthenticated(error)) rejectionListener?.(token);
    throw error;
  };

  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        // Every read is audited with why it was made (DESIGN.md §6).
        ...(auth ? purposeHeader(options.purpose) : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(CODE_HINTS.NETWORK ?? 'Cannot reach the server.', { code: 'NETWORK' });
  }

  // GraphQL servers (graphql-yoga included) answer errors such as 401 or 400 with a GraphQL body, so
  // read the body whatever the status and prefer its messages over the bare HTTP status.
  let body: { data?: T | null; errors?: GraphQLErrorItem[] } | undefined;
  const text = await res.text();
  try {
    body = text ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    body = undefined;
  }

  const errors = body?.errors ?? [];
  if (errors.length > 0) {
    const messages = [...new Set(errors.map((e) => e.message).filter(Boolean))];
    const code = errors.find((e) => e.extensions?.code)?.extensions?.code;
    return fail(
      new ApiError(messages.join(' · ') || 'The server reported an error.', {
        ...(code ? { code } : {}),
        status: res.status,
        errors,
      }),
    );
  }
  if (!res.ok) {
    return fail(
      new ApiError(`The server answered ${res.status} ${res.statusText}.`.trim(), {
        code: `HTTP_${res.status}`,
        status: res.status,
      }),
    );
  }
  if (!body || body.data == null) {
    throw new ApiError('The server sent an answer the app could not read.', { code: 'BAD_RESPONSE', status: res.status });
  }
  return body.data;
}

// ---------------------------------------------------------------------------------------------
// Queries. Fragments keep every entity and link on the chart shaped the same way, whichever query
// brought it, so merging never has to guess which fields are present.

// GraphQL refuses a document with an unused fragment, so each query includes only the ones it uses.
const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity { id kind label labels properties sources }
`;
const LINK_FIELDS = /* GraphQL */ `
  fragment LinkFields on Link { id type source target properties sources }
`;

const PERSON_FIELDS = /* GraphQL */ `
  fragment PersonFields on Person {
    id kind label labels properties sources
    name surname pseudonym age child lookedAfter restricted
  }
`;
const CHILD_SUMMARY_FIELDS = /* GraphQL */ `
  fragment ChildSummaryFields on Person { id label pseudonym age lookedAfter }
`;

const ME = /* GraphQL */ `
  query Me { me { username role } }
`;

const LOGIN = /* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { token user { username role } }
  }
`;

const OPERATIONS = /* GraphQL */ `
  query Operations { operations { id name } }
`;

const NEIGHBOURHOOD = /* GraphQL */ `
  query Neighbourhood($ids: [ID!]!, $hops: Int, $limit: Int, $linkTypes: [String!]) {
    neighbourhood(ids: $ids, hops: $hops, limit: $limit, linkTypes: $linkTypes) {
      nodes { ...EntityFields }
      links { ...LinkFields }
      truncated
    }
  }
  ${ENTITY_FIELDS}
  ${LINK_FIELDS}
`;

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $limit: Int) {
    search(text: $text, limit: $limit) {
      score
      matched { field how value words { at matched how field } dates datesNote why }
      context { born age aliases addresses phones vehicles people details }
      entity { ...EntityFields }
    }
  }
  ${ENTITY_FIELDS}
`;

const CHILDREN = /* GraphQL */ `
  query Children { children { ...ChildSummaryFields } }
  ${CHILD_SUMMARY_FIELDS}
`;

const CHILD_CONNECTIONS = /* GraphQL */ `
  query ChildConnections($childId: ID!, $hops: Int, $asOf: String, $purpose: String!, $openReason: String) {
    childConnections(childId: $childId, hops: $hops, asOf: $asOf, purpose: $purpose, openReason: $openReason) {
      child { ...PersonFields }
      network {
        nodes { ...EntityFields }
        links { ...LinkFields }
        truncated
      }
      chronology { ...EntityFields }
      linkedPersons {
        score
        detail
        entity { ...EntityFields }
      }
    }
  }
  ${PERSON_FIELDS}
  ${ENTITY_FIELDS}
  ${LINK_FIELDS}
`;

/** Who the stored token belongs to; null when there is no valid token. */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  const data = await gql<{ me: User | null }>(ME, {}, signal);
  return data.me;
}

/** Signs in. Wrong credentials fail with UNAUTHENTICATED, repeated failures with TOO_MANY_ATTEMPTS. */
export async function login(username: string, password: string, signal?: AbortSignal): Promise<LoginResult> {
  const data = await gql<{ login: LoginResult }>(LOGIN, { username, password }, signal, { auth: false });
  return data.login;
}

/** Operations (charts) held, newest first. */
export async function fetchOperations(signal?: AbortSignal): Promise<OperationSummary[]> {
  const data = await gql<{ operations: OperationSummary[] }>(OPERATIONS, {}, signal);
  return data.operations;
}

export interface NeighbourhoodArgs {
  ids: string[];
  hops?: number;
  limit?: number;
  /** Only follow these link types; omitted means all. */
  linkTypes?: string[];
}

export async function fetchNeighbourhood(args: NeighbourhoodArgs, signal?: AbortSignal): Promise<Subgraph> {
  const variables: Record<string, unknown> = { ids: args.ids, hops: args.hops ?? 1 };
  if (args.limit !== undefined) variables.limit = args.limit;
  if (args.linkTypes && args.linkTypes.length > 0) variables.linkTypes = args.linkTypes;
  const data = await gql<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, variables, signal);
  return data.neighbourhood;
}

export async function searchEntities(text: string, limit = 20, signal?: AbortSignal): Promise<SearchResult[]> {
  const data = await gql<{ search: SearchResult[] }>(SEARCH, { text, limit }, signal);
  return data.search;
}

/** Children the signed-in user may hold a strategy meeting about (safeguarding). */
export async function fetchChildren(signal?: AbortSignal): Promise<ChildSummary[]> {
  const data = await gql<{ children: ChildSummary[] }>(CHILDREN, {}, signal);
  return data.children;
}

export interface ChildConnectionsArgs {
  childId: string;
  /** Why the view is opened; required, and recorded in the audit log. */
  purpose: string;
  /** 1-3; the server's default (2) when omitted. */
  hops?: number;
  /** YYYY-MM-DD; the server's default (today) when omitted. */
  asOf?: string;
  /**
   * Why a child not assigned to the user is opened (10 characters or more): recorded and reviewed.
   * Without it the server refuses such a child with FORBIDDEN ("This child is not assigned to you…").
   */
  openReason?: string;
}

/** The meeting view's variables: omitted rather than null, since an explicit null would override the server's defaults. */
export function childViewVariables(args: ChildConnectionsArgs): Record<string, unknown> {
  const variables: Record<string, unknown> = { childId: args.childId, purpose: args.purpose };
  if (args.hops !== undefined) variables.hops = args.hops;
  if (args.asOf) variables.asOf = args.asOf;
  const reason = args.openReason?.trim();
  if (reason) variables.openReason = reason;
  return variables;
}

/** The strategy-meeting view of one child, audited under the meeting's own purpose. */
export async function fetchChildConnections(args: ChildConnectionsArgs, signal?: AbortSignal): Promise<ChildView> {
  const data = await gql<{ childConnections: ChildView }>(CHILD_CONNECTIONS, childViewVariables(args), signal, { purpose: args.purpose });
  return data.childConnections;
}

/**
 * Ends the session on the server (the token is revoked there). Never throws: signing out goes on
 * whatever the answer, and gives up waiting after `timeoutMs`.
 */
export async function logout(timeoutMs = 3000): Promise<void> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    await gql<{ logout: boolean }>(`mutation Logout { logout }`, {}, ctrl.signal, { notifyRejection: false });
  } catch {
    // Expired already, unreachable, …: the token is dropped here anyway.
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Writes a version of a record's free text for wider sharing (the owning agency only): those who
 * may not see the protected person it concerns read this instead of "withheld". Refused with
 * FORBIDDEN "Only <agency> can release this record's text." for anyone else.
 */
export async function releaseText(args: { id: string; field: string; text: string }, signal?: AbortSignal): Promise<Entity> {
  const data = await gql<{ releaseText: Entity }>(
    `mutation ReleaseText($id: ID!, $field: String!, $text: String!) { releaseText(id: $id, field: $field, text: $text) { ...EntityFields } } ${ENTITY_FIELDS}`,
    args,
    signal,
  );
  return data.releaseText;
}

// ---------------------------------------------------------------------------------------------
// Administration (admin only): user accounts and the audit log. No case data.

/** A user account as the admin's list shows it. Times are the server's ISO strings. */
export interface UserRecord {
  username: string;
  /** analyst | safeguarding | licensing | admin */
  role: string;
  agency: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** One consultation or change, as the audit log recorded it. */
export interface AuditEntry {
  seq: number;
  /** ISO time, UTC. */
  at: string;
  username: string;
  role: string;
  purpose: string | null;
  /** 'Query.childConnections', 'Mutation.setUser', … */
  operation: string;
  /** The operation's arguments as JSON text (passwords never recorded). */
  args: string;
  /** Ids of the entities returned or changed. */
  entityIds: string[];
  outcome: string;
  prevHash: string;
  hash: string;
}

/** The audit chain recomputed: intact, or the first entry where it no longer holds. */
export interface AuditCheck {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
}

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

const USERS = /* GraphQL */ `
  query Users { users { username role agency createdAt updatedAt } }
`;

const SET_USER = /* GraphQL */ `
  mutation SetUser($username: String!, $role: String!, $password: String!, $agency: String) {
    setUser(username: $username, role: $role, password: $password, agency: $agency) {
      username role agency createdAt updatedAt
    }
  }
`;

const AUDIT_LOG = /* GraphQL */ `
  query AuditLog($entityId: ID, $username: String, $limit: Int) {
    auditLog(entityId: $entityId, username: $username, limit: $limit) {
      seq at username role purpose operation args entityIds outcome prevHash hash
    }
  }
`;

const AUDIT_VERIFY = /* GraphQL */ `
  query AuditVerify { auditVerify { ok entries brokenAt } }
`;

/** Every user account, by username (admin). */
export async function fetchUsers(signal?: AbortSignal): Promise<UserRecord[]> {
  const data = await gql<{ users: UserRecord[] }>(USERS, {}, signal);
  return data.users;
}

/**
 * Creates the account, or updates it (role, agency and a new password) when the username exists.
 * Refused with BAD_USER_INPUT and a message saying why (username shape, role, password length).
 */
export async function setUser(args: SetUserArgs, signal?: AbortSignal): Promise<UserRecord> {
  const variables: Record<string, unknown> = { username: args.username, role: args.role, password: args.password };
  const agency = args.agency?.trim();
  if (agency) variables.agency = agency;
  const data = await gql<{ setUser: UserRecord }>(SET_USER, variables, signal);
  return data.setUser;
}

/** Audit entries, newest first. Reading the log is itself recorded in it. */
export async function fetchAuditLog(args: AuditLogArgs = {}, signal?: AbortSignal): Promise<AuditEntry[]> {
  // Omitted rather than null: an explicit null limit would override the server's default.
  const variables: Record<string, unknown> = {};
  if (args.entityId) variables.entityId = args.entityId;
  if (args.username) variables.username = args.username;
  if (args.limit !== undefined) variables.limit = args.limit;
  const data = await gql<{ auditLog: AuditEntry[] }>(AUDIT_LOG, variables, signal);
  return data.auditLog;
}

/** Recomputes the audit chain on the server (may take a while on a long log). */
export async function verifyAudit(signal?: AbortSignal): Promise<AuditCheck> {
  const data = await gql<{ auditVerify: AuditCheck }>(AUDIT_VERIFY, {}, signal);
  return data.auditVerify;
}
