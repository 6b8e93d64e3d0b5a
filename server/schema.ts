/** The GraphQL schema: each domain module contributes its SDL file and resolvers. */
import fs from 'node:fs';
import path from 'node:path';
import { createSchema } from 'graphql-yoga';
import type { RequestContext } from './http/context.js';
import { graphResolvers } from './modules/graph/resolvers.js';
import { searchResolvers } from './modules/search/resolvers.js';
import { healthResolvers } from './modules/health/resolvers.js';
import { intakeResolvers } from './modules/intake/resolvers.js';
import { authResolvers } from './modules/auth/resolvers.js';
import { auditResolvers } from './modules/audit/resolvers.js';
import { guardResolvers } from './access/guard.js';
import { safeguardingResolvers } from './modules/safeguarding/resolvers.js';
import { analysisResolvers } from './modules/analysis/resolvers.js';
import { alertsResolvers } from './modules/alerts/resolvers.js';
import { licensingResolvers } from './modules/licensing/resolvers.js';
import { operationsResolvers } from './modules/operations/resolvers.js';
import { chartsResolvers } from './modules/charts/resolvers.js';
import { provenanceResolvers } from './modules/provenance/resolvers.js';
import { importsResolvers } from './modules/imports/resolvers.js';
import { meetingsResolvers } from './modules/meetings/resolvers.js';
import { deliveriesResolvers } from './modules/deliveries/resolvers.js';
import { indicatorsResolvers } from './modules/indicators/resolvers.js';
import { evidenceResolvers } from './modules/evidence/resolvers.js';
import { decisionsResolvers } from './modules/decisions/resolvers.js';
import { noticesResolvers } from './modules/notices/resolvers.js';
import { changesResolvers } from './modules/changes/resolvers.js';
import { restrictionsResolvers } from './modules/restrictions/resolvers.js';
import { ROOT } from './config.js';

const MODULES = ['graph', 'search', 'health', 'intake', 'auth', 'audit', 'safeguarding', 'analysis', 'operations', 'licensing', 'alerts', 'charts', 'provenance', 'imports', 'notices', 'changes', 'meetings', 'deliveries', 'indicators', 'evidence', 'decisions', 'restrictions'];

const typeDefs = MODULES.map((m) => fs.readFileSync(path.join(ROOT, 'server', 'modules', m, `${m}.graphql`), 'utf8'));

export function buildSchema() {
  return createSchema<RequestContext>({
    typeDefs,
    // Every Query and Mutation passes through the one access and audit layer.
    resolvers: guardResolvers([graphResolvers, searchResolvers, healthResolvers, intakeResolvers, authResolvers, auditResolvers, safeguardingResolvers, analysisResolvers, operationsResolvers, licensingResolvers, alertsResolvers, chartsResolvers, provenanceResolvers, importsResolvers, noticesResolvers, changesResolvers, indicatorsResolvers, evidenceResolvers, meetingsResolvers, deliveriesResolvers, decisionsResolvers, restrictionsResolvers]),
  });
}
