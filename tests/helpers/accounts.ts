import type { MikroORM } from '@mikro-orm/postgresql';
import { encodeGlobalId } from '../../src/graphql/global-id';
import { AccountRole } from '../../src/modules/auth/auth.entity';
import { createAccount, issueToken } from '../../src/modules/auth/auth.service';

export interface Actor {
  name: string;
  headers: Record<string, string>;
  accountId: number;
  tokenId?: number;
  organisationId?: number;
}

/** An account with one token, straight in the database (what `npm run token -- create` does). */
export async function createActor(
  orm: MikroORM,
  role: AccountRole,
  organisationId?: number,
  options: { expiresAt?: Date } = {},
): Promise<Actor & { token: string }> {
  const em = orm.em.fork();
  const account = createAccount(em, { name: `${role.toLowerCase()} ${organisationId ?? ''}`.trim(), role, organisationId });
  const { token, apiToken } = issueToken(em, account, 'test', options.expiresAt);
  await em.flush();
  return { name: role, token, headers: { authorization: `Bearer ${token}` }, accountId: account.id, tokenId: apiToken.id, organisationId };
}

/** Two projects and two organisations: `own` takes part in `project`, `other` does not. */
export async function partnerFixture(orm: MikroORM) {
  const rows = await orm.em.fork().getConnection().execute<{ organisation_id: number; project_id: number; acronym: string }[]>(
    `select p.organisation_id, p.project_id, pr.acronym from participation p join project pr on pr.id = p.project_id
      where p.organisation_id not in (select organisation_id from participation group by organisation_id having count(distinct project_id) > 1)
      order by pr.acronym, p.organisation_id`,
  );
  const project = rows[0].project_id;
  const own = rows[0].organisation_id;
  const other = rows.find((r) => r.project_id !== project)!;
  return {
    projectId: project,
    projectGid: encodeGlobalId('Project', project),
    otherProjectGid: encodeGlobalId('Project', other.project_id),
    ownOrgId: own,
    ownOrgGid: encodeGlobalId('Organisation', own),
    otherOrgId: other.organisation_id,
  };
}
