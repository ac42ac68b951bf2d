import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context, Viewer } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { diff, recordWrite } from '../audit/audit.service';
import { changeable, editableByViewer, organisationsByIds, transition, Transition, writableProject } from '../auth/contribution';
import { MutationOutcome, runMutation } from '../auth/mutation';
import * as v from '../auth/validation';
import { ContributionStatus, Output, OutputProducer } from './output.entity';
import {
  OutputPayload,
  PublishOutputInput,
  RegisterOutputInput,
  RejectOutputInput,
  SubmitOutputInput,
  UpdateOutputInput,
  WithdrawOutputInput,
} from './output.inputs';

const TYPE = 'Output';

async function snapshot(em: EntityManager, output: Output): Promise<Record<string, unknown>> {
  const producers = await em.find(OutputProducer, { output: output.id }, { orderBy: { organisation: 'asc' } });
  return {
    project: output.project.id,
    type: output.type,
    titles: output.titles,
    descriptions: output.descriptions,
    languages: output.languages,
    url: output.url ?? null,
    date: output.date ?? null,
    licence: output.licence ?? null,
    producers: producers.map((p) => p.organisation.id),
    status: output.status,
  };
}

async function setProducers(em: EntityManager, output: Output, ids: string[] | null | undefined): Promise<void> {
  const organisations = await organisationsByIds(em, 'input.producerIds', ids, v.LIMITS.producers);
  await em.nativeDelete(OutputProducer, { output: output.id });
  for (const organisation of organisations) em.create(OutputProducer, { output, organisation });
}

const load = (em: EntityManager, id: number) => em.findOne(Output, { id });

@Resolver()
export class OutputMutationResolver {
  @Mutation(() => OutputPayload, { description: 'Registers an output as a DRAFT of your organisation (partners: only for projects it takes part in).' })
  registerOutput(@Arg('input', () => RegisterOutputInput) input: RegisterOutputInput, @Ctx() ctx: Context) {
    return this.run(ctx, 'registerOutput', input, async (em, viewer) => {
      const project = await writableProject(em, viewer, input.projectId);
      const output = em.create(Output, {
        project,
        type: input.type,
        titles: v.localized('input.titles', input.titles, v.LIMITS.title, 1),
        descriptions: v.localized('input.descriptions', input.descriptions, v.LIMITS.description),
        languages: v.languages('input.languages', input.languages),
        url: input.url ? v.url('input.url', input.url) : undefined,
        date: input.date ? v.date('input.date', input.date) : undefined,
        licence: v.licence('input.licence', input.licence),
        status: ContributionStatus.DRAFT,
        submittedBy: viewer.role === 'PARTNER' && viewer.organisationId ? viewer.organisationId : undefined,
      } as never) as Output;
      const producers = await organisationsByIds(em, 'input.producerIds', input.producerIds, v.LIMITS.producers);
      await em.flush();
      for (const organisation of producers) em.create(OutputProducer, { output, organisation });
      await em.flush();
      recordWrite(em, ctx, { action: 'registerOutput', entityType: TYPE, entityId: output.id, changes: diff(null, await snapshot(em, output)) });
      return { id: output.id, userErrors: [] };
    });
  }

  @Mutation(() => OutputPayload, { description: 'Changes an output. Partners edit their drafts and rejected outputs; editors any.' })
  updateOutput(@Arg('input', () => UpdateOutputInput) input: UpdateOutputInput, @Ctx() ctx: Context) {
    return this.run(ctx, 'updateOutput', input, async (em, viewer) => {
      const output = await changeable(em, viewer, Output, TYPE, input);
      const refused = editableByViewer(viewer, output, 'output');
      if (refused) return refused;
      const before = await snapshot(em, output);
      if (input.type === null) throw badInput('input.type', 'cannot be cleared');
      if (input.type !== undefined) output.type = input.type;
      if (input.titles !== undefined) output.titles = v.localized('input.titles', input.titles, v.LIMITS.title, 1);
      if (input.descriptions !== undefined) output.descriptions = v.localized('input.descriptions', input.descriptions, v.LIMITS.description);
      if (input.languages !== undefined) output.languages = v.languages('input.languages', input.languages);
      if (input.url !== undefined) output.url = input.url ? v.url('input.url', input.url) : (null as never);
      if (input.date !== undefined) output.date = input.date ? v.date('input.date', input.date) : (null as never);
      if (input.licence !== undefined) output.licence = v.licence('input.licence', input.licence) ?? (null as never);
      if (input.producerIds !== undefined) await setProducers(em, output, input.producerIds);
      // Always bump the version, even when only producers changed, so concurrent edits conflict.
      output.updatedAt = new Date();
      await em.flush();
      const changes = diff(before, await snapshot(em, output));
      recordWrite(em, ctx, { action: 'updateOutput', entityType: TYPE, entityId: output.id, changes });
      return { id: output.id, userErrors: [] };
    });
  }

  @Mutation(() => OutputPayload, { description: 'DRAFT or REJECTED → SUBMITTED, for an editor to review.' })
  submitOutput(@Arg('input', () => SubmitOutputInput) input: SubmitOutputInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'submit', 'submitOutput', input);
  }

  @Mutation(() => OutputPayload, { description: 'Editors: SUBMITTED → PUBLISHED (public and searchable).' })
  publishOutput(@Arg('input', () => PublishOutputInput) input: PublishOutputInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'publish', 'publishOutput', input);
  }

  @Mutation(() => OutputPayload, { description: 'Editors: SUBMITTED → REJECTED, with a reason.' })
  rejectOutput(@Arg('input', () => RejectOutputInput) input: RejectOutputInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'reject', 'rejectOutput', input);
  }

  @Mutation(() => OutputPayload, { description: 'SUBMITTED or PUBLISHED → DRAFT (leaves search).' })
  withdrawOutput(@Arg('input', () => WithdrawOutputInput) input: WithdrawOutputInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'withdraw', 'withdrawOutput', input);
  }

  private step(ctx: Context, step: Transition, name: string, input: UpdateOutputInput | RejectOutputInput) {
    return this.run(ctx, name, input, (em, viewer) => transition(ctx, em, viewer, Output, TYPE, step, input));
  }

  private async run(
    ctx: Context,
    name: string,
    input: RegisterOutputInput | UpdateOutputInput,
    body: (em: EntityManager, viewer: Viewer) => Promise<MutationOutcome>,
  ): Promise<OutputPayload> {
    const { clientMutationId, userErrors, result } = await runMutation(ctx, name, input, body, load);
    return { clientMutationId, userErrors, output: result };
  }
}
