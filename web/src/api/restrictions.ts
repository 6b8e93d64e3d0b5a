/**
 * Restrictions (issue 20 item 4): the holding team's list with reviews due, access requests to
 * answer and one's own, asking for access from an existence flag.
 */
import { AnswerAccessRequestDocument, RequestAccessDocument, RestrictionsDocument, ReviewRestrictionDocument, type AccessRequestFieldsFragment, type RestrictionFieldsFragment } from '../gql/graphql';
import { gql } from './transport';

export type Restriction = RestrictionFieldsFragment;
export type AccessRequest = AccessRequestFieldsFragment;

export async function fetchRestrictions(signal?: AbortSignal): Promise<{ restrictions: Restriction[]; requests: AccessRequest[] }> {
  const data = await gql(RestrictionsDocument, {}, signal);
  return { restrictions: data.restrictions, requests: data.accessRequests };
}

export async function requestAccess(restrictionId: string, reason: string): Promise<AccessRequest> {
  return (await gql(RequestAccessDocument, { restrictionId, reason: reason.trim() })).requestAccess;
}

export async function answerAccessRequest(id: string, grant: boolean, reason: string): Promise<AccessRequest> {
  const trimmed = reason.trim();
  return (await gql(AnswerAccessRequestDocument, trimmed ? { id, grant, reason: trimmed } : { id, grant })).answerAccessRequest;
}

export async function reviewRestriction(id: string, reviewDue: string): Promise<Restriction> {
  return (await gql(ReviewRestrictionDocument, { id, reviewDue })).reviewRestriction;
}
