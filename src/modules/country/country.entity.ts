import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** ISO 3166-1 countries, loaded from the i18n-iso-countries code list (reference data, not seeds). */
@ObjectType({ description: 'A country (ISO 3166-1 alpha-2).' })
@Entity({ tableName: 'country' })
export class Country {
  [PrimaryKeyProp]?: 'code';

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, e.g. "CZ".' })
  @PrimaryKey({ type: 'string', columnType: 'char(2)' })
  code!: string;

  @Field(() => String, { description: 'English short name.' })
  @Property({ type: 'string' })
  name!: string;
}
