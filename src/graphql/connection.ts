import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 0..${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/**
 * Cursors are opaque to clients. They encode the offset in the ordered result; the ordering always
 * ends with the primary key, so pages are stable while the data does not change.
 */
function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, argument: string): number {
  const raw = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^o:(0|[1-9][0-9]{0,9})$/.exec(raw);
  if (!match) throw badInput(argument, `"${cursor.slice(0, 80)}" is not a valid cursor`);
  return Number(match[1]);
}

export interface Window {
  limit: number;
  offset: number;
}

/** Validates `first`/`after` and turns them into a LIMIT/OFFSET window (one extra row tells hasNextPage). */
export function pageWindow(args: { first?: number | null; after?: string | null }, prefix = ''): Window {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`${prefix}first`, `first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  const offset = args.after ? decodeCursor(args.after, `${prefix}after`) + 1 : 0;
  return { limit: first, offset };
}

/**
 * Builds a connection from one page of rows fetched with `limit + 1`. `count` runs only if the
 * client selects totalCount.
 */
export function toConnection<T>(rows: T[], window: Window, count: () => Promise<number>): ConnectionShape<T> {
  const nodes = rows.slice(0, window.limit);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(window.offset + i), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > window.limit,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}

/** A connection over a list already in memory (small, bounded lists such as a project's outputs). */
export function connectionFromList<T>(all: T[], args: { first?: number | null; after?: string | null }): ConnectionShape<T> {
  const window = pageWindow(args);
  const rows = all.slice(window.offset, window.offset + window.limit + 1);
  return toConnection(rows, window, async () => all.length);
}

/** A nested connection served by a paged loader (one page, fetched with one extra row) and a count loader. */
export async function loadConnection<T>(
  page: { first?: number | null; after?: string | null },
  loadPage: (window: Window) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<ConnectionShape<T>> {
  const window = pageWindow(page);
  const rows = window.limit === 0 ? [] : await loadPage({ limit: window.limit + 1, offset: window.offset });
  return toConnection(rows, window, count);
}

/** The page and count loaders of one parent → children relation (see db/loaders). */
export interface PagedRelation<K, T> {
  page(window: Window): { load(key: K): Promise<T[]> };
  count: { load(key: K): Promise<number> };
}

export function nestedConnection<K, T>(relation: PagedRelation<K, T>, key: K, page: { first?: number | null; after?: string | null }) {
  return loadConnection(page, (window) => relation.page(window).load(key), () => relation.count.load(key));
}
