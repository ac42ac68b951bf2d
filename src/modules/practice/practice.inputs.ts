import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalizedTextInput, MutationInput, MutationPayload } from '../auth/mutation';
import { TransitionInput } from '../auth/contribution';
import { BestPractice } from './practice.entity';

@InputType({ description: 'A new best practice, registered as a DRAFT of the caller\'s organisation.' })
export class RegisterBestPracticeInput extends MutationInput {
  @Field(() => ID, { description: 'The project that documented it; a partner\'s organisation must take part in it.' })
  projectId!: string;

  @Field(() => [LocalizedTextInput], { description: 'At least one; plain text, 1..300 characters each.' })
  titles!: LocalizedTextInput[];

  @Field(() => [LocalizedTextInput], { nullable: true })
  summaries?: LocalizedTextInput[] | null;

  @Field(() => ID, { nullable: true, description: 'The organisation (company) the practice describes.' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  clusterName?: string | null;

  @Field(() => String, { nullable: true, description: 'Sector code.' })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => [String], { nullable: true, description: 'Theme codes.' })
  themes?: string[] | null;

  @Field(() => String, { nullable: true })
  evidence?: string | null;

  @Field(() => String, { nullable: true })
  transferability?: string | null;
}

@InputType({ description: 'Changes to a best practice; omitted fields stay as they are, null clears an optional one.' })
export class UpdateBestPracticeInput extends TransitionInput {
  @Field(() => [LocalizedTextInput], { nullable: true })
  titles?: LocalizedTextInput[] | null;

  @Field(() => [LocalizedTextInput], { nullable: true })
  summaries?: LocalizedTextInput[] | null;

  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  clusterName?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => [String], { nullable: true })
  themes?: string[] | null;

  @Field(() => String, { nullable: true })
  evidence?: string | null;

  @Field(() => String, { nullable: true })
  transferability?: string | null;
}

@InputType()
export class SubmitBestPracticeInput extends TransitionInput {}

@InputType()
export class PublishBestPracticeInput extends TransitionInput {}

@InputType()
export class WithdrawBestPracticeInput extends TransitionInput {}

@InputType()
export class RejectBestPracticeInput extends TransitionInput {
  @Field(() => String, { description: 'Why; shown to the partner. Plain text, 1..2000 characters.' })
  reason!: string;
}

@ObjectType()
export class BestPracticePayload extends MutationPayload {
  @Field(() => BestPractice, { nullable: true, description: 'The practice after the change; null when nothing was changed.' })
  bestPractice!: BestPractice | null;
}
