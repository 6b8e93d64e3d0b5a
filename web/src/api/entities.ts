/**
 * The shapes every part of the app shares, as the fragments of fragments.graphql select them (one
 * fragment per shape): an entity, a link, a subgraph, a person, a ranked entity.
 */
import type { ChildConnectionsQuery, EntityFieldsFragment, LinkFieldsFragment, PersonFieldsFragment, SubgraphFieldsFragment } from '../gql/graphql';

export type { Json, JsonObject } from './json';

/**
 * An entity: `kind` its most specific vocabulary label (Crime before Incident, Officer before
 * Person), `label` what the chart shows (a name, a registration, a number), `properties` every
 * stored property, `sources` the report ids behind it.
 */
export type Entity = EntityFieldsFragment;

/** A link; `source` and `target` are entity ids, in the stored direction. */
export type Link = LinkFieldsFragment;

export type Subgraph = SubgraphFieldsFragment;

/** A person as the server types it: the Entity fields plus the person's own. */
export type Person = PersonFieldsFragment;

/** An entity with a score from an analysis; `detail` carries the evidence behind the score. */
export type Ranked = ChildConnectionsQuery['childConnections']['linkedPersons'][number];
