import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationInput, MutationPayload, LocalizedTextInput } from '../auth/mutation';
import { TransitionInput } from '../auth/contribution';
import { Output, OutputType } from './output.entity';

@InputType({ description: 'A new output, registered as a DRAFT of the caller\'s organisation.' })
export class RegisterOutputInput extends MutationInput {
  @Field(() => ID, { description: 'The project that produced it; a partner\'s organisation must take part in it.' })
  projectId!: string;

  @Field(() => OutputType)
  type!: OutputType;

  @Field(() => [LocalizedTextInput], { description: 'At least one; plain text, 1..300 characters each.' })
  titles!: LocalizedTextInput[];

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'Plain text, up to 10000 characters each.' })
  descriptions?: LocalizedTextInput[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-3 languages the output is available in.' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, 1950 to ten years ahead.' })
  date?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Organisations that produced it.' })
  producerIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Licence identifier, e.g. "CC-BY-4.0".' })
  licence?: string | null;
}

@InputType({ description: 'Changes to an output; omitted fields stay as they are, null clears an optional one.' })
export class UpdateOutputInput extends TransitionInput {
  @Field(() => OutputType, { nullable: true })
  type?: OutputType | null;

  @Field(() => [LocalizedTextInput], { nullable: true })
  titles?: LocalizedTextInput[] | null;

  @Field(() => [LocalizedTextInput], { nullable: true })
  descriptions?: LocalizedTextInput[] | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => [ID], { nullable: true })
  producerIds?: string[] | null;

  @Field(() => String, { nullable: true })
  licence?: string | null;
}

@InputType()
export class SubmitOutputInput extends TransitionInput {}

@InputType()
export class PublishOutputInput extends TransitionInput {}

@InputType()
export class WithdrawOutputInput extends TransitionInput {}

@InputType()
export class RejectOutputInput extends TransitionInput {
  @Field(() => String, { description: 'Why; shown to the partner. Plain text, 1..2000 characters.' })
  reason!: string;
}

@ObjectType()
export class OutputPayload extends MutationPayload {
  @Field(() => Output, { nullable: true, description: 'The output after the change; null when nothing was changed.' })
  output!: Output | null;
}
