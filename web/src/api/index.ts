/**
 * The web app's server API, by role and concern:
 * - transport.ts: one POST per operation (`gql`), the server-sent-events stream, the headers;
 * - errors.ts: ApiError and the tests and messages made on it; token.ts / session.ts: the session;
 * - entities.ts: the shapes every part shares (Entity, Link, Subgraph, Person, Ranked); json.ts;
 * - graph.ts, search.ts, analysis.ts, charts.ts: the analyst's graph, search, analyses and charts;
 * - safeguarding.ts, licensing.ts, alerts.ts, admin.ts: the other roles.
 * Each module's operations are in the .graphql file beside it, typed by `npm run codegen`
 * (web/src/gql/graphql.ts). The app imports from the modules; this index serves the rest
 * (tests, the import screen) with everything at once.
 */
export * from './errors';
export * from './transport';
export * from './session';
export * from './entities';
export * from './graph';
export * from './search';
export * from './analysis';
export * from './charts';
export * from './safeguarding';
export * from './licensing';
export * from './alerts';
export * from './admin';
