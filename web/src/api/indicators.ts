/**
 * A child's indicators for a strategy meeting (query `childIndicators`): several phones, contact with
 * adults' phones, rides in vehicles of interest, missing episodes, places of concern, school absence
 * and health flags, each with its sources and what is not known. The same question as the meeting
 * view (child, purpose, as of, reason for a child not assigned), audited under the meeting's purpose.
 */
import { ChildIndicatorsDocument, type ChildIndicatorsQuery, type ChildIndicatorsQueryVariables } from '../gql/graphql';
import { gql } from './transport';

export type ChildIndicators = ChildIndicatorsQuery['childIndicators'];
export type ChildIndicator = ChildIndicators['indicators'][number];

export interface ChildIndicatorsArgs {
  childId: string;
  purpose: string;
  asOf?: string;
  openReason?: string;
}

export async function fetchChildIndicators(args: ChildIndicatorsArgs, signal?: AbortSignal): Promise<ChildIndicators> {
  const variables: ChildIndicatorsQueryVariables = { childId: args.childId, purpose: args.purpose };
  if (args.asOf) variables.asOf = args.asOf;
  if (args.openReason?.trim()) variables.openReason = args.openReason.trim();
  const data = await gql(ChildIndicatorsDocument, variables, signal, { purpose: args.purpose });
  return data.childIndicators;
}
