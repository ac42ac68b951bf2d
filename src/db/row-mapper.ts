import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Read-only entities straight from SQL rows. The loaders only read, and MikroORM's hydration
 * (entity factory, references, unit-of-work registration, change-tracking snapshots) cost more
 * CPU than everything else on a list page. These objects have the entity's prototype, scalar and
 * embedded values converted like the ORM converts them, and many-to-one relations as stubs holding
 * only the key, which is all an unpopulated ORM reference holds too. They are never flushed:
 * writes load what they change through the ORM.
 */
export type RowMapper<T> = (row: Record<string, unknown>) => T;

type Assign = (target: Record<string, unknown>, row: Record<string, unknown>) => void;

const mappers = new WeakMap<EntityMetadata, RowMapper<unknown>>();

export function rowMapper<T extends object>(em: EntityManager, entity: EntityClass<T>): RowMapper<T> {
  const meta = em.getMetadata().get(entity.name) as EntityMetadata<T>;
  let mapper = mappers.get(meta);
  if (!mapper) {
    mapper = compile(meta, em.getPlatform());
    mappers.set(meta, mapper);
  }
  return mapper as RowMapper<T>;
}

/**
 * A prototype under the entity's own whose plain data properties shadow the accessors MikroORM
 * puts on entity prototypes: assigning through those builds a change-tracking helper per entity,
 * which is the very cost this module avoids. `instanceof` and the constructor stay the entity's.
 */
function shadowPrototype(prototype: object, names: string[]): object {
  return Object.create(prototype, Object.fromEntries(names.map((name) => [name, { value: undefined, writable: true, configurable: true }])));
}

function compile(meta: EntityMetadata, platform: Platform): RowMapper<unknown> {
  const assigns = meta.props.flatMap((prop) => propertyAssign(prop, platform));
  const prototype = shadowPrototype(meta.prototype, meta.props.map((prop) => prop.name));
  return (row) => {
    const entity = Object.create(prototype) as Record<string, unknown>;
    for (const assign of assigns) assign(entity, row);
    return entity;
  };
}

function scalarConverter(prop: EntityProperty, platform: Platform): (value: unknown) => unknown {
  if (prop.customType) return (value) => (value == null ? value : prop.customType!.convertToJSValue(value, platform));
  // The driver returns timestamps as text (MikroORM's pg type overrides); the ORM makes them Dates.
  if (prop.runtimeType === 'Date') return (value) => (value == null ? value : new Date(value as string));
  return (value) => value;
}

function propertyAssign(prop: EntityProperty, platform: Platform): Assign[] {
  if (prop.persist === false || prop.formula || prop.embedded) return [];
  const name = prop.name;
  switch (prop.kind) {
    case ReferenceKind.SCALAR: {
      const field = prop.fieldNames[0];
      const convert = scalarConverter(prop, platform);
      return [(target, row) => void (target[name] = convert(row[field]))];
    }
    case ReferenceKind.MANY_TO_ONE:
    case ReferenceKind.ONE_TO_ONE: {
      if (!prop.owner && prop.kind === ReferenceKind.ONE_TO_ONE) return [];
      const field = prop.fieldNames[0];
      const targetMeta = prop.targetMeta!;
      const key = targetMeta.primaryKeys[0];
      const stubPrototype = shadowPrototype(targetMeta.prototype, [key]);
      return [
        (target, row) => {
          const value = row[field];
          if (value == null) target[name] = value;
          else {
            const stub = Object.create(stubPrototype) as Record<string, unknown>;
            stub[key] = value;
            target[name] = stub;
          }
        },
      ];
    }
    case ReferenceKind.EMBEDDED: {
      const children = Object.values(prop.embeddedProps).map((child) => ({
        name: child.embedded![1],
        field: child.fieldNames[0],
        convert: scalarConverter(child, platform),
      }));
      const prototype = shadowPrototype(prop.embeddable.prototype, children.map((child) => child.name));
      return [
        (target, row) => {
          if (children.every((child) => row[child.field] == null)) return;
          const value = Object.create(prototype) as Record<string, unknown>;
          for (const child of children) value[child.name] = child.convert(row[child.field]);
          target[name] = value;
        },
      ];
    }
    default:
      // Collections (1:m, m:n) are never read from an entity here; every list goes through a loader.
      return [];
  }
}
