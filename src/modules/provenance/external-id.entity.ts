import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';

/**
 * The identifier a record has in an outside source ("seed" keys, CORDIS ids, Kohesio rows…):
 * imports and the seed loader match on it first, so re-running them updates instead of duplicating.
 */
@Entity({ tableName: 'external_id' })
@Unique({ properties: ['source', 'entityType', 'externalId'] })
@Index({ properties: ['entityType', 'entityId'] })
export class ExternalId extends BaseEntity {
  @Property({ type: 'string', length: 80 })
  source!: string;

  @Property({ type: 'string', length: 40 })
  entityType!: string;

  @Property({ type: 'string', length: 300 })
  externalId!: string;

  @Property({ type: 'integer' })
  entityId!: number;
}
