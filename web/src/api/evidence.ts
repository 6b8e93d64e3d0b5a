/**
 * The evidence pack on a named adult (mutation `evidencePack`): a PDF built without the child's
 * testimony, children as descriptors, every exclusion with its reason; audited with its purpose.
 */
import { EvidencePackDocument, type EvidencePackMutation } from '../gql/graphql';
import { gql } from './transport';

export type EvidencePack = EvidencePackMutation['evidencePack'];
/** What the pack is for: a civil injunction application, or a condition on a licence. */
export type EvidenceUse = 'civil_injunction' | 'licence_condition';

export async function fetchEvidencePack(args: { personId: string; purpose: string; use: EvidenceUse }, signal?: AbortSignal): Promise<EvidencePack> {
  const data = await gql(EvidencePackDocument, { personId: args.personId, purpose: args.purpose, use: args.use }, signal, { purpose: args.purpose });
  return data.evidencePack;
}
