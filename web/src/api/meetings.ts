/**
 * Meetings' records, decisions and actions, and deliveries between agencies (issue 20). The server
 * shows every answer as the role may see it (children as descriptors for licensing, free text
 * about a child withheld unless released); the app adds nothing of its own.
 */
import {
  AcknowledgeDeliveryDocument,
  ChildActionsDocument,
  DeliveriesDocument,
  ItemsWithoutActionDocument,
  MeetingRecordDocument,
  MeetingsDocument,
  MyActionsDocument,
  OverdueActionsDocument,
  RecordMeetingDocument,
  UpdateActionDocument,
  type DeliveryFieldsFragment,
  type ItemsWithoutActionQuery,
  type MeetingActionFieldsFragment,
  type MeetingRecordQuery,
  type MeetingsQuery,
  type MeetingVersionFieldsFragment,
  type OverdueActionsQuery,
  type RecordMeetingMutationVariables,
} from '../gql/graphql';
import { gql } from './transport';

export type MeetingAction = MeetingActionFieldsFragment;
export type MeetingVersion = MeetingVersionFieldsFragment;
export type MeetingSummary = MeetingsQuery['meetings'][number];
export type MeetingRecord = MeetingRecordQuery['meetingRecord'];
export type OverdueReport = OverdueActionsQuery['overdueActions'];
export type UnactionedItem = ItemsWithoutActionQuery['itemsWithoutAction'][number];
export type Delivery = DeliveryFieldsFragment;
export type RecordMeetingArgs = RecordMeetingMutationVariables;

export async function fetchMeetings(signal?: AbortSignal): Promise<MeetingSummary[]> {
  return (await gql(MeetingsDocument, { limit: 200 }, signal)).meetings;
}

export async function fetchMeetingRecord(meetingId: string, signal?: AbortSignal): Promise<MeetingRecord> {
  return (await gql(MeetingRecordDocument, { meetingId }, signal)).meetingRecord;
}

export async function recordMeeting(args: RecordMeetingArgs): Promise<MeetingVersion> {
  return (await gql(RecordMeetingDocument, args)).recordMeeting;
}

export async function updateAction(id: string, status: string, outcome: string | null, dueOn: string | null): Promise<MeetingAction> {
  return (await gql(UpdateActionDocument, { id, status, outcome, dueOn })).updateAction;
}

export async function fetchChildActions(childId: string, signal?: AbortSignal): Promise<MeetingAction[]> {
  return (await gql(ChildActionsDocument, { childId }, signal)).childActions;
}

export async function fetchMyActions(status: string | null, signal?: AbortSignal): Promise<MeetingAction[]> {
  return (await gql(MyActionsDocument, status ? { status } : {}, signal)).myActions;
}

export async function fetchOverdue(signal?: AbortSignal): Promise<OverdueReport> {
  return (await gql(OverdueActionsDocument, {}, signal)).overdueActions;
}

export async function fetchUnactioned(signal?: AbortSignal): Promise<UnactionedItem[]> {
  return (await gql(ItemsWithoutActionDocument, { minMeetings: 2, top: 100 }, signal)).itemsWithoutAction;
}

export async function fetchDeliveries(box: 'INBOX' | 'SENT' | 'ALL', signal?: AbortSignal): Promise<Delivery[]> {
  return (await gql(DeliveriesDocument, { box }, signal)).deliveries;
}

export async function acknowledgeDelivery(id: string, decision: string): Promise<Delivery> {
  return (await gql(AcknowledgeDeliveryDocument, { id, decision })).acknowledgeDelivery;
}
