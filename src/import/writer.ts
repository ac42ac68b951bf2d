import { Utils, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalizedValue } from '../graphql/values';
import { Programme } from '../modules/programme/programme.entity';
import { Claim, ClaimOrigin } from '../modules/provenance/claim.entity';
import { ExternalId } from '../modules/provenance/external-id.entity';
import type { SearchableType } from '../search/documents';
import { enqueueSearchUpdate } from '../search/outbox';
import { HANDLERS } from './handlers';
import { ENTITY_TYPES, RECORD_TYPES, RecordType, TARGETS } from './targets';
import type { MappedRecord, MappedRow, Reject } from './transform';

export type Outcome = 'inserted' | 'updated' | 'unchanged';
const RANK: Record<Outcome, number> = { unchanged: 0, updated: 1, inserted: 2 };

export interface BatchResult {
  outcomes: Map<number, Outcome>;
  rejects: Reject[];
}

interface Item {
  row: number;
  record: MappedRecord;
}

interface Written extends Item {
  entity: { id: number };
  outcome: Outcome;
}

/** Postgres takes at most 65535 bind parameters per statement. */
const INSERT_CHUNK = 2000;

/**
 * Writes one batch of mapped rows in the caller's transaction. Records are matched on their
 * external id first, then on their natural key (programme code, acronym within the programme,
 * normalised name within the country…). The row that created a record owns it and may change
 * it; any other row only fills empty fields and adds list items, so importing the same file
 * again, or two sources that overlap, never flip values back and forth.
 */
export class BatchWriter {
  /** Entity → "source|external id" of the external id that created it. */
  private readonly owners = new WeakMap<object, string>();
  private readonly byExternalId = new Map<string, { id: number }>();
  private readonly rowEntities = new Map<number, Partial<Record<RecordType, { id: number }>>>();

  constructor(
    private readonly em: EntityManager,
    private readonly source: string,
    /** The file name that claims cite, as "<file>:<row>". */
    private readonly file: string,
  ) {}

  async write(rows: MappedRow[]): Promise<BatchResult> {
    const rejects: Reject[] = [];
    const known = await this.resolveRefs(rows, rejects);
    const rejected = new Set(rejects.map((r) => r.row));
    const live = rows.filter((r) => !rejected.has(r.row));
    const written: Written[] = [];
    for (const type of RECORD_TYPES) {
      const items = live.flatMap((r) => r.records.filter((rec) => rec.type === type).map((record) => ({ row: r.row, record })));
      if (items.length) written.push(...(await this.upsert(type, items, known)));
    }
    await this.em.flush();
    const claimed = await this.writeClaims(written);
    this.enqueueSearch(written);
    await this.em.flush();

    const outcomes = new Map<number, Outcome>();
    for (const w of written) {
      const outcome = w.outcome === 'unchanged' && claimed.has(w.entity) ? 'updated' : w.outcome;
      const previous = outcomes.get(w.row);
      if (!previous || RANK[outcome] > RANK[previous]) outcomes.set(w.row, outcome);
    }
    return { outcomes, rejects };
  }

  /**
   * Ids of the records that ref fields name (by external id, or programme code), loaded once per
   * batch. A row naming a record that exists neither in the database nor in the batch is rejected.
   */
  private async resolveRefs(rows: MappedRow[], rejects: Reject[]): Promise<Map<string, number>> {
    const wanted = new Map<RecordType, Set<string>>();
    const inBatch = new Set<string>();
    for (const row of rows) {
      for (const record of row.records) {
        if (record.externalId) inBatch.add(`${record.type}|${record.externalId}`);
        if (record.type === 'programme') inBatch.add(`programme|${record.fields.code}`);
        for (const [field, value] of Object.entries(record.refs)) {
          const type = TARGETS[record.type][field].ref!;
          if (!wanted.has(type)) wanted.set(type, new Set());
          wanted.get(type)!.add(value!);
        }
      }
    }
    const known = new Map<string, number>();
    for (const [type, values] of wanted) {
      const list = [...values];
      for (const link of await this.em.find(ExternalId, { source: this.source, entityType: ENTITY_TYPES[type], externalId: { $in: list } })) {
        known.set(`${type}|${link.externalId}`, link.entityId);
      }
      if (type === 'programme') {
        for (const p of await this.em.find(Programme, { code: { $in: list } })) if (!known.has(`programme|${p.code}`)) known.set(`programme|${p.code}`, p.id);
      }
    }
    for (const row of rows) {
      for (const record of row.records) {
        const missing = Object.entries(record.refs).find(([field, value]) => {
          const key = `${TARGETS[record.type][field].ref}|${value}`;
          return !known.has(key) && !inBatch.has(key);
        });
        if (missing) {
          const [field, value] = missing;
          rejects.push({ row: row.row, column: record.columns[field] ?? field, value: value!, reason: `${record.type}.${field}: no ${TARGETS[record.type][field].ref} with this id` });
          break;
        }
      }
    }
    return known;
  }

  private refIds(item: Item, known: Map<string, number>): Record<string, number> {
    const ids: Record<string, number> = {};
    for (const [field, spec] of Object.entries(TARGETS[item.record.type])) {
      if (spec.kind !== 'ref') continue;
      const value = item.record.refs[field];
      const key = `${spec.ref}|${value}`;
      const id = value === undefined ? this.rowEntities.get(item.row)?.[spec.ref!]?.id : (known.get(key) ?? this.byExternalId.get(key)?.id);
      if (id !== undefined) ids[field] = id;
    }
    return ids;
  }

  private async upsert(type: RecordType, items: Item[], known: Map<string, number>): Promise<Written[]> {
    const handler = HANDLERS[type];
    const entityType = ENTITY_TYPES[type];
    const refs = items.map((item) => this.refIds(item, known));
    const externalIds = [...new Set(items.map((i) => i.record.externalId).filter((id): id is string => !!id))];
    const links = externalIds.length ? await this.em.find(ExternalId, { source: this.source, entityType, externalId: { $in: externalIds } }) : [];
    const linked = new Map(links.map((l) => [l.externalId, l.entityId]));
    const keys = items.map((item, i) => handler.keys(item.record.fields, refs[i]));
    const candidates = (await handler.load(this.em, [...new Set(keys.flat())], [...linked.values()])) as { id: number }[];
    candidates.sort((a, b) => a.id - b.id);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const byKey = new Map<string, { id: number }>();
    const index = (entity: { id: number }) => handler.keysOf(entity).forEach((k) => byKey.has(k) || byKey.set(k, entity));
    candidates.forEach(index);
    await this.loadOwners(entityType, candidates);

    const written: Written[] = [];
    const newLinks: { externalId: string; entity: { id: number } }[] = [];
    items.forEach((item, i) => {
      const { externalId } = item.record;
      const ownKey = externalId ? `${this.source}|${externalId}` : undefined;
      const batchKey = `${type}|${externalId}`;
      const data: Record<string, unknown> = { ...item.record.fields, ...refs[i] };
      let entity =
        (externalId && (this.byExternalId.get(batchKey) ?? byId.get(linked.get(externalId)!))) ||
        keys[i].map((k) => byKey.get(k)).find(Boolean);
      let outcome: Outcome;
      if (!entity) {
        entity = this.em.create(handler.entity, { ...data, ...handler.derive(data) } as never) as { id: number };
        if (ownKey) this.owners.set(entity, ownKey);
        outcome = 'inserted';
      } else {
        const owned = ownKey !== undefined && this.owners.get(entity) === ownKey;
        outcome = this.merge(type, entity, data, owned) ? 'updated' : 'unchanged';
      }
      index(entity);
      if (externalId && !this.byExternalId.has(batchKey)) {
        this.byExternalId.set(batchKey, entity);
        if (!linked.has(externalId)) newLinks.push({ externalId, entity });
      }
      this.rowEntities.set(item.row, { ...this.rowEntities.get(item.row), [type]: entity });
      written.push({ ...item, entity, outcome });
    });
    await this.em.flush();
    for (const link of newLinks) {
      this.em.persist(this.em.create(ExternalId, { source: this.source, entityType, externalId: link.externalId, entityId: link.entity.id }));
    }
    return written;
  }

  /** The external id each record was created with: the oldest link, whatever its source. */
  private async loadOwners(entityType: string, entities: { id: number }[]): Promise<void> {
    const unknown = entities.filter((e) => !this.owners.has(e));
    if (!unknown.length) return;
    const rows = await this.em.execute<{ entity_id: number; source: string; external_id: string }[]>(
      `select distinct on (entity_id) entity_id, source, external_id from external_id
        where entity_type = ? and entity_id = any(?::int[]) order by entity_id, id`,
      [entityType, `{${unknown.map((e) => e.id).join(',')}}`],
    );
    const byId = new Map(unknown.map((e) => [e.id, e]));
    for (const row of rows) this.owners.set(byId.get(row.entity_id)!, `${row.source}|${row.external_id}`);
  }

  /** Applies a row's values to an existing record; true when anything changed. */
  private merge(type: RecordType, entity: object, data: Record<string, unknown>, owned: boolean): boolean {
    const current = entity as Record<string, unknown>;
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(data)) {
      const kind = TARGETS[type][field]?.kind;
      const before = current[field];
      let next: unknown;
      if (kind === 'list') next = [...new Set([...((before as string[]) ?? []), ...(value as string[])])];
      else if (kind === 'localized') next = mergeLocalized((before as LocalizedValue[]) ?? [], value as LocalizedValue[], owned);
      else if (owned || before === null || before === undefined || before === '') next = value;
      else continue;
      if (!same(before, next)) changes[field] = next;
    }
    this.em.assign(entity, changes as never);
    const derived = Object.entries(HANDLERS[type].derive(entity)).filter(([field, value]) => !same(current[field], value));
    this.em.assign(entity, Object.fromEntries(derived) as never);
    return Object.keys(changes).length + derived.length > 0;
  }

  /**
   * One claim per imported value, citing "<file>:<row>"; a value already claimed by the same row
   * is left alone, a changed one is updated. Returns the records whose claims changed.
   */
  private async writeClaims(written: Written[]): Promise<Set<object>> {
    const changed = new Set<object>();
    const existing = new Map<string, { id: number; value: unknown }>();
    const idsByType = new Map<string, Set<number>>();
    for (const w of written) {
      const type = ENTITY_TYPES[w.record.type];
      idsByType.set(type, (idsByType.get(type) ?? new Set()).add(w.entity.id));
    }
    for (const [subjectType, set] of idsByType) {
      const ids = `{${[...set].join(',')}}`;
      const rows = await this.em.execute<{ id: number; subject_id: number; field: string; value: unknown; source_ref: string }[]>(
        `select id, subject_id, field, value, source_ref from claim where origin = 'IMPORT' and subject_type = ? and subject_id = any(?::int[])`,
        [subjectType, ids],
      );
      for (const r of rows) existing.set(`${subjectType}|${r.subject_id}|${r.field}|${r.source_ref}`, r);
    }
    const inserts: Partial<Claim>[] = [];
    for (const w of written) {
      const subjectType = ENTITY_TYPES[w.record.type];
      const sourceRef = `${this.file}:${w.row}`;
      for (const [field, value] of Object.entries({ ...w.record.fields, ...w.record.extra })) {
        const found = existing.get(`${subjectType}|${w.entity.id}|${field}|${sourceRef}`);
        if (found && stableJson(found.value) === stableJson(value)) continue;
        changed.add(w.entity);
        if (found) await this.em.nativeUpdate(Claim, { id: found.id }, { value });
        else inserts.push({ subjectType, subjectId: w.entity.id, field, value, origin: ClaimOrigin.IMPORT, sourceRef, shown: true });
      }
    }
    for (let i = 0; i < inserts.length; i += INSERT_CHUNK) await this.em.insertMany(Claim, inserts.slice(i, i + INSERT_CHUNK));
    return changed;
  }

  /** Changed records become searchable through the outbox, in this same transaction. */
  private enqueueSearch(written: Written[]): void {
    const queued = new Set<string>();
    for (const w of written) {
      if (w.outcome === 'unchanged') continue;
      for (const [type, id] of HANDLERS[w.record.type].searchable(w.entity)) {
        if (!queued.has(`${type}|${id}`)) {
          queued.add(`${type}|${id}`);
          queueSearch(this.em, type, id);
        }
      }
    }
  }
}

/** The one call into the search module (src/search/outbox.ts). */
function queueSearch(em: EntityManager, type: SearchableType, id: number): void {
  enqueueSearchUpdate(em, type, id);
}

function mergeLocalized(before: LocalizedValue[], values: LocalizedValue[], owned: boolean): LocalizedValue[] {
  const result = before.map((v) => ({ ...v }));
  for (const value of values) {
    const same = result.find((v) => v.language === value.language);
    if (!same) result.push(value);
    else if (owned) Object.assign(same, value);
  }
  return result;
}

/** Compares values as stored: entities by primary key, embeddables and JSON by content. */
function same(a: unknown, b: unknown): boolean {
  return stableJson(plain(a)) === stableJson(plain(b));
}

function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (Utils.isEntity(value)) return wrap(value, true).getPrimaryKey();
  return value;
}

/** JSON with sorted keys: jsonb does not keep key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
