/**
 * An optional external identity provider (OpenID Connect or any issuer publishing a JWKS). When
 * configured, its tokens are accepted alongside our own: signature checked against its JWKS,
 * issuer and audience checked, and its role claim mapped onto our roles. Nothing is stored: a
 * user known to the provider needs no account here.
 *
 *   AUTH_JWKS_URL     https://idp.example/.well-known/jwks.json
 *   AUTH_ISSUER       https://idp.example/           (required with AUTH_JWKS_URL)
 *   AUTH_AUDIENCE     linkchart                      (optional)
 *   AUTH_ROLE_CLAIM   roles                          (default "role"; a string or a list of strings)
 *   AUTH_ROLE_MAP     cse-analyst:analyst,mash:safeguarding,taxi-licensing:licensing,it-admin:admin
 *   AUTH_AGENCY_CLAIM agency                         (optional)
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, errors, type JWTPayload } from 'jose';
import { ROLES, DEFAULT_AGENCY, type Role, type User } from './users.js';

export interface ExternalIdpConfig {
  jwksUrl: string;
  issuer: string;
  audience?: string;
  roleClaim: string;
  /** Provider role → our role; without a map, provider roles named like ours are taken as they are. */
  roleMap: Record<string, Role>;
  agencyClaim?: string;
}

export function externalIdpFromEnv(env: NodeJS.ProcessEnv = process.env): ExternalIdpConfig | undefined {
  if (!env.AUTH_JWKS_URL) return undefined;
  if (!env.AUTH_ISSUER) throw new Error('AUTH_JWKS_URL is set without AUTH_ISSUER: say which issuer its tokens come from.');
  const roleMap: Record<string, Role> = {};
  for (const pair of (env.AUTH_ROLE_MAP ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [theirs, ours] = pair.split(':').map((s) => s.trim());
    if (!theirs || !ours || !(ROLES as readonly string[]).includes(ours)) throw new Error(`AUTH_ROLE_MAP: "${pair}" must be <provider role>:<${ROLES.join('|')}>`);
    roleMap[theirs] = ours as Role;
  }
  return { jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, roleClaim: env.AUTH_ROLE_CLAIM ?? 'role', roleMap, agencyClaim: env.AUTH_AGENCY_CLAIM };
}

/** A verifier for the provider's tokens; `claims` tells whether a token claims to be the provider's. */
export function externalVerifier(config: ExternalIdpConfig) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60_000 });
  const mapRole = (payload: JWTPayload): Role | null => {
    const claim = payload[config.roleClaim];
    const theirs = (Array.isArray(claim) ? claim : [claim]).filter((c): c is string => typeof c === 'string');
    const ours = theirs.map((r) => config.roleMap[r] ?? ((ROLES as readonly string[]).includes(r) && !Object.keys(config.roleMap).length ? (r as Role) : null));
    // With several roles, the least privileged wins: never widen access by accident.
    const order: Role[] = ['admin', 'licensing', 'safeguarding', 'analyst'];
    return order.find((r) => ours.includes(r)) ?? null;
  };
  return {
    claims(token: string): boolean {
      try {
        return decodeJwt(token).iss === config.issuer;
      } catch {
        return false;
      }
    },
    async verify(token: string): Promise<{ user: User } | { reason: string }> {
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: config.issuer, audience: config.audience });
        const role = mapRole(payload);
        if (!payload.sub || !role) return { reason: 'Your identity provider gave no role this service knows: ask for access.' };
        const agencyClaim = config.agencyClaim ? payload[config.agencyClaim] : undefined;
        return { user: { username: `${payload.sub}`, role, agency: typeof agencyClaim === 'string' ? agencyClaim : DEFAULT_AGENCY[role] } };
      } catch (e) {
        if (e instanceof errors.JWTExpired) return { reason: 'Your session has expired: sign in again.' };
        if (e instanceof errors.JOSEError) return { reason: 'The token is not valid: sign in again.' };
        throw e;
      }
    },
  };
}
