import { DecimalType, Embeddable, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';

/** One text in one language. `translation` marks text added by editors rather than quoted from a source. */
export interface LocalizedValue {
  language: string;
  text: string;
  translation?: boolean;
}

@ObjectType({ description: 'A text in one language (ISO 639-3).' })
export class LocalizedText implements LocalizedValue {
  @Field(() => String, { description: 'ISO 639-3 code, e.g. "eng", "ita", "bul", "ces".' })
  language!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Boolean, { description: 'True when the text was added as a translation and is not quoted from a source.' })
  translation!: boolean;
}

export function toLocalizedTexts(values: LocalizedValue[] | null | undefined): LocalizedText[] {
  return (values ?? []).map((v) => ({ language: v.language, text: v.text, translation: v.translation ?? false }));
}

/**
 * The text in the requested language when there is one, otherwise the first source (non-translated)
 * text, otherwise whatever exists.
 */
export function pickText(values: LocalizedValue[] | null | undefined, language?: string | null): string | null {
  const list = values ?? [];
  return (
    (language ? list.find((v) => v.language === language) : undefined)?.text ??
    list.find((v) => !v.translation)?.text ??
    list[0]?.text ??
    null
  );
}

@Embeddable()
@ObjectType({ description: 'An amount of money in an ISO 4217 currency.' })
export class Money {
  @Field(() => Float)
  @Property({ type: new DecimalType('number'), columnType: 'numeric(16,2)' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "EUR".' })
  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;
}
