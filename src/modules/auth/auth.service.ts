import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../graphql/context';
import { codedError } from '../../graphql/errors';
import { Organisation } from '../organisation/organisation.entity';
import { Account, AccountRole, ApiToken } from './auth.entity';

/** Tokens look like `cb_<43 base64url chars>` (256 random bits); only their sha256 is stored. */
export const TOKEN_PREFIX = 'cb_';
const PREFIX_LENGTH = 12;
/** lastUsedAt is refreshed at most this often per token. */
const LAST_USED_RESOLUTION_SECONDS = 60;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export interface IssuedToken {
  /** Shown once; never stored. */
  token: string;
  apiToken: ApiToken;
}

/** Creates a token for `account` (persisted on the caller's flush). */
export function issueToken(em: EntityManager, account: Account, label?: string | null, expiresAt?: Date | null): IssuedToken {
  const token = generateToken();
  const apiToken = em.create(ApiToken, {
    account,
    tokenHash: hashToken(token),
    prefix: token.slice(0, PREFIX_LENGTH),
    label: label ?? undefined,
    expiresAt: expiresAt ?? undefined,
  });
  return { token, apiToken };
}

export function createAccount(
  em: EntityManager,
  input: { name: string; role: AccountRole; organisationId?: number | null },
): Account {
  if (input.role === AccountRole.PARTNER && !input.organisationId) throw new Error('a partner account needs an organisation');
  return em.create(Account, {
    name: input.name,
    role: input.role,
    organisation: input.role === AccountRole.PARTNER ? em.getReference(Organisation, input.organisationId!) : undefined,
    disabled: false,
  });
}

/** "90d", "12h", "30m" or a bare number of days → a Date in the future. */
export function parseExpiry(value: string, now = new Date()): Date {
  const match = /^(\d{1,5})([dhm]?)$/.exec(value.trim());
  if (!match) throw new Error(`cannot read "${value}" as a duration (e.g. 90d, 12h, 30m)`);
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000, '': 86_400_000 }[match[2] as 'd' | 'h' | 'm' | ''];
  const ms = Number(match[1]) * unit;
  if (ms <= 0) throw new Error('the expiry must be in the future');
  return new Date(now.getTime() + ms);
}

interface TokenRow {
  token_id: number;
  expires_at: Date | null;
  revoked_at: Date | null;
  stale: boolean;
  account_id: number;
  role: Viewer['role'];
  organisation_id: number | null;
  disabled: boolean;
}

function unauthenticated(message: string) {
  return codedError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

/**
 * The viewer for an `Authorization` header: null without one; UNAUTHENTICATED (never a silent
 * fallback to anonymous) for a malformed, unknown, expired or revoked token or a disabled account.
 */
export async function resolveViewer(em: EntityManager, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined || authorization === '') return null;
  const match = /^Bearer[ ]+([A-Za-z0-9_-]{10,200})\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  const rows = await em.getConnection().execute<TokenRow[]>(
    `select t.id as token_id, t.expires_at, t.revoked_at,
            (t.last_used_at is null or t.last_used_at < now() - make_interval(secs => ?)) as stale,
            a.id as account_id, a.role, a.organisation_id, a.disabled
       from api_token t join account a on a.id = t.account_id
      where t.token_hash = ?`,
    [LAST_USED_RESOLUTION_SECONDS, hashToken(match[1])],
  );
  const row = rows[0];
  if (!row) throw unauthenticated('unknown API token');
  if (row.revoked_at) throw unauthenticated('this API token was revoked');
  if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now()) throw unauthenticated('this API token has expired');
  if (row.disabled) throw unauthenticated('this account is disabled');
  if (row.stale) {
    await em.getConnection().execute('update api_token set last_used_at = now() where id = ?', [row.token_id]);
  }
  return { accountId: row.account_id, role: row.role, organisationId: row.organisation_id, tokenId: row.token_id };
}

/** Revokes by id or by the token's prefix (as `token list` prints it); returns the tokens revoked. */
export async function revokeTokens(em: EntityManager, idOrPrefix: string): Promise<ApiToken[]> {
  const where = /^\d+$/.test(idOrPrefix) ? { id: Number(idOrPrefix) } : { prefix: idOrPrefix };
  const tokens = await em.find(ApiToken, { ...where, revokedAt: null });
  for (const token of tokens) token.revokedAt = new Date();
  await em.flush();
  return tokens;
}
