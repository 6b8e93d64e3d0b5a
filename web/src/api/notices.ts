/**
 * The notice register and reasoned changes (issue 20, items 3 and 5). The server shows every
 * answer as the role may see it (children as descriptors for licensing and, in safeguarding, for
 * children not on the user's list; notes about a child withheld); the app adds nothing of its own.
 */
import {
  ChangeHistoryDocument,
  NoticeRegisterDocument,
  ReasonCodesDocument,
  RecordChangeDocument,
  type ChangeFieldsFragment,
  type ChangeHistoryQuery,
  type ChangeInput,
  type NoticeRegisterQuery,
  type ReasonCodesQuery,
} from '../gql/graphql';
import { gql } from './transport';

export type NoticeRegister = NoticeRegisterQuery['noticeRegister'];
export type NoticeEntry = NoticeRegister['notices'][number];
export type Change = ChangeFieldsFragment;
export type ChangeHistory = NonNullable<ChangeHistoryQuery['changeHistory']>;
export type ReasonCodeOption = ReasonCodesQuery['reasonCodes'][number];
export type { ChangeInput };

export const fetchNoticeRegister = (breachesOnly: boolean, signal?: AbortSignal) =>
  gql(NoticeRegisterDocument, { breachesOnly }, signal).then((d) => d.noticeRegister);

export const fetchReasonCodes = (kind: string, signal?: AbortSignal) => gql(ReasonCodesDocument, { kind }, signal);

export const fetchChangeHistory = (subjectId: string, signal?: AbortSignal) => gql(ChangeHistoryDocument, { subjectId }, signal).then((d) => d.changeHistory ?? null);

export const recordChange = (input: ChangeInput) => gql(RecordChangeDocument, { input }).then((d) => d.recordChange);
