/**
 * The limit for scenarios (a)-(c): the same answers produced by one hand-written SQL statement each,
 * served over HTTP by node's http module and `pg` with no GraphQL layer at all.
 * Usage: tsx bench/raw-server.ts <database-url> <port>
 */
import http from 'node:http';
import { Pool } from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new Pool({ connectionString: databaseUrl, max: 10 });

const SQL: Record<string, string> = {
  project: `select json_build_object(
      'acronym', p.acronym, 'titles', p.titles, 'startDate', p.start_date, 'endDate', p.end_date,
      'totalBudget', json_build_object('amount', p.total_budget_amount, 'currency', p.total_budget_currency),
      'programme', (select json_build_object('code', g.code, 'name', g.name) from programme g where g.id = p.programme_id),
      'partners', (select coalesce(json_agg(json_build_object('role', pa.role, 'organisation', json_build_object('name', o.name,
          'country', json_build_object('code', c.code, 'name', c.name))) order by pa.id), '[]')
        from participation pa join organisation o on o.id = pa.organisation_id left join country c on c.code = o.country_code
        where pa.project_id = p.id),
      'outputs', (select coalesce(json_agg(json_build_object('type', x.type, 'titles', x.titles) order by x.id), '[]')
        from (select * from output where project_id = p.id and status = 'PUBLISHED' order by id limit 10) x),
      'themes', (select coalesce(json_agg(json_build_object('code', t.code, 'labels', t.labels)), '[]')
        from project_theme pt join theme t on t.id = pt.theme_id where pt.project_id = p.id)) as body
    from project p where p.acronym_key = $1`,
  list: `select coalesce(json_agg(json_build_object('acronym', p.acronym,
      'partners', (select coalesce(json_agg(json_build_object('role', pa.role, 'organisation', json_build_object('name', o.name, 'country', o.country_code)) order by pa.id), '[]')
        from participation pa join organisation o on o.id = pa.organisation_id where pa.project_id = p.id))
      order by p.acronym_key, p.id), '[]') as body
    from (select * from project where programme_id = (select id from programme where code = $1) order by acronym_key, id limit 50) p`,
  dashboard: `with scope as (select id from project where programme_id = (select id from programme where code = $1))
    select json_build_object(
      'projectCount', (select count(*) from scope),
      'partnerCount', (select count(distinct organisation_id) from participation where project_id in (select id from scope)),
      'outputCount', (select count(*) from output where project_id in (select id from scope) and status = 'PUBLISHED'),
      'totalBudget', (select sum(total_budget_amount) from project where id in (select id from scope)),
      'calls', (select json_agg(json_build_object('ordinal', c.ordinal, 'name', c.name) order by c.ordinal) from call c
        where c.programme_id = (select id from programme where code = $1)),
      'projects', (select json_agg(json_build_object('acronym', p.acronym) order by p.acronym_key, p.id)
        from (select * from project where id in (select id from scope) order by acronym_key, id limit 10) p)) as body`,
};

http
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const sql = SQL[url.pathname.slice(1)];
    if (!sql) {
      res.writeHead(404).end();
      return;
    }
    try {
      const { rows } = await pool.query(sql, [url.searchParams.get('key')]);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: rows[0]?.body ?? null }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(port), '127.0.0.1');
