/**
 * Safeguarding: the children a strategy meeting may be about, the meeting's view of one child and
 * its printable pack. Every call states its purpose, which the audit log records.
 */
import {
  ChildConnectionsDocument,
  ChildrenDocument,
  StrategyPackDocument,
  type ChildConnectionsQuery,
  type ChildConnectionsQueryVariables,
  type ChildSummaryFieldsFragment,
  type StrategyPackMutation,
} from '../gql/graphql';
import { download } from '../chart/export';
import { gql } from './transport';

/** A child a strategy meeting may be held about, as the picker lists it (`label`: the child's name). */
export type ChildSummary = ChildSummaryFieldsFragment;

/**
 * The strategy-meeting view of one child (query `childConnections`): the child in full, the
 * network within `hops` links (other children only as descriptors), the dated chronology and the
 * persons linked to the child, strongest first.
 */
export type ChildView = ChildConnectionsQuery['childConnections'];

/** Children the signed-in user may hold a strategy meeting about (safeguarding). */
export async function fetchChildren(signal?: AbortSignal): Promise<ChildSummary[]> {
  const data = await gql(ChildrenDocument, {}, signal);
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
export function childViewVariables(args: ChildConnectionsArgs): ChildConnectionsQueryVariables {
  const variables: ChildConnectionsQueryVariables = { childId: args.childId, purpose: args.purpose };
  if (args.hops !== undefined) variables.hops = args.hops;
  if (args.asOf) variables.asOf = args.asOf;
  const reason = args.openReason?.trim();
  if (reason) variables.openReason = reason;
  return variables;
}

/** The strategy-meeting view of one child, audited under the meeting's own purpose. */
export async function fetchChildConnections(args: ChildConnectionsArgs, signal?: AbortSignal): Promise<ChildView> {
  const data = await gql(ChildConnectionsDocument, childViewVariables(args), signal, { purpose: args.purpose });
  return data.childConnections;
}

/** A generated document (the strategy-meeting pack). */
export type GeneratedDocument = StrategyPackMutation['strategyPack'];

/** The printable pack of a meeting view: the same question (and reason, for a child not assigned) as the view. */
export async function fetchStrategyPack(args: ChildConnectionsArgs, signal?: AbortSignal): Promise<GeneratedDocument> {
  const data = await gql(StrategyPackDocument, childViewVariables(args), signal, { purpose: args.purpose });
  return data.strategyPack;
}

/** Saves a generated document through the browser's download. */
export function saveDocument(doc: GeneratedDocument): void {
  const raw = atob(doc.base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  download(doc.filename, new Blob([bytes], { type: doc.contentType }), doc.contentType);
}
