import { Entity, Enum, Index, ManyToOne, PrimaryKeyProp, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { Organisation } from '../organisation/organisation.entity';
import { Programme } from '../programme/programme.entity';
import { Project } from '../project/project.entity';

export enum DocumentOriginKind {
  FILE = 'FILE',
  URL = 'URL',
  TEXT = 'TEXT',
}
registerEnumType(DocumentOriginKind, { name: 'DocumentOriginKind' });

@ObjectType({ implements: Node, description: 'A source text; claims quote spans of it.' })
@Entity({ tableName: 'document' })
@Unique({ properties: ['checksum'] })
export class Document extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  title!: string;

  @Field(() => String, { description: 'ISO 639-3 code, detected from the text when not given.' })
  @Property({ type: 'string', columnType: 'char(3)' })
  @Index()
  language!: string;

  @Field(() => Boolean, { description: 'True when `language` was detected rather than declared.' })
  @Property({ type: 'boolean', default: true })
  languageDetected: boolean = true;

  @Field(() => String, { description: 'The full text, exactly as found; claims give offsets into it.' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => DocumentOriginKind)
  @Enum({ items: () => DocumentOriginKind })
  originKind!: DocumentOriginKind;

  @Field(() => String, { description: 'File name or URL the text came from.' })
  @Property({ type: 'string', length: 2000 })
  origin!: string;

  /** sha256 of the text: the same text is stored once. */
  @Property({ type: 'string', columnType: 'char(64)' })
  checksum!: string;
}

@Entity({ tableName: 'document_project' })
export class DocumentProject {
  [PrimaryKeyProp]?: ['document', 'project'];

  @ManyToOne({ entity: () => Document, primary: true, deleteRule: 'cascade' })
  document!: Document;

  @ManyToOne({ entity: () => Project, primary: true, deleteRule: 'cascade' })
  @Index()
  project!: Project;
}

@Entity({ tableName: 'document_programme' })
export class DocumentProgramme {
  [PrimaryKeyProp]?: ['document', 'programme'];

  @ManyToOne({ entity: () => Document, primary: true, deleteRule: 'cascade' })
  document!: Document;

  @ManyToOne({ entity: () => Programme, primary: true, deleteRule: 'cascade' })
  @Index()
  programme!: Programme;
}

@Entity({ tableName: 'document_organisation' })
export class DocumentOrganisation {
  [PrimaryKeyProp]?: ['document', 'organisation'];

  @ManyToOne({ entity: () => Document, primary: true, deleteRule: 'cascade' })
  document!: Document;

  @ManyToOne({ entity: () => Organisation, primary: true, deleteRule: 'cascade' })
  @Index()
  organisation!: Organisation;
}
