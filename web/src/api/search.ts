/** Search: names however written, phone numbers, registrations, addresses (the analyst's search box). */
import { SearchDocument, type SearchMatchFieldsFragment, type SearchQuery } from '../gql/graphql';
import type { Entity } from './entities';
import { gql } from './transport';

/**
 * Which field matched what was typed, and how (search.graphql `SearchMatch`): `how` the weakest
 * typed word's match (exact | prefix | variant | typo | nickname | sounds | initial | partial),
 * `words` each typed word (by its place, never sent back) and the recorded word it matched, `why`
 * the server's one line in recorded words only.
 */
export type SearchMatch = SearchMatchFieldsFragment;

/** One typed word of a name search and the name word it matched. */
export type WordMatch = SearchMatch['words'][number];

/** A hit as the workspace's search asks for it: with what matched and what tells it apart. */
export type SearchResult = SearchQuery['search'][number];

/** What tells a hit apart from others of the same name, as the server lets this user see it. */
export type SearchContext = SearchResult['context'];

export interface SearchHit {
  entity: Entity;
  score: number;
}

export async function searchEntities(text: string, limit = 20, signal?: AbortSignal): Promise<SearchResult[]> {
  const data = await gql(SearchDocument, { text, limit }, signal);
  return data.search;
}
