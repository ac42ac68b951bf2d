import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context, Viewer } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { diff, recordWrite } from '../audit/audit.service';
import { changeable, editableByViewer, organisationsByIds, transition, Transition, writableProject } from '../auth/contribution';
import { MutationOutcome, runMutation } from '../auth/mutation';
import * as v from '../auth/validation';
import { Country } from '../country/country.entity';
import { ContributionStatus } from '../output/output.entity';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';
import { BestPractice, BestPracticeTheme } from './practice.entity';
import {
  BestPracticePayload,
  PublishBestPracticeInput,
  RegisterBestPracticeInput,
  RejectBestPracticeInput,
  SubmitBestPracticeInput,
  UpdateBestPracticeInput,
  WithdrawBestPracticeInput,
} from './practice.inputs';

const TYPE = 'BestPractice';
const TEXT_MAX = 10_000;

async function snapshot(em: EntityManager, practice: BestPractice): Promise<Record<string, unknown>> {
  const themes = await em.find(BestPracticeTheme, { bestPractice: practice.id }, { populate: ['theme'] });
  return {
    project: practice.project.id,
    titles: practice.titles,
    summaries: practice.summaries,
    organisation: practice.organisation?.id ?? null,
    clusterName: practice.clusterName ?? null,
    sector: practice.sector?.id ?? null,
    country: practice.country?.code ?? null,
    themes: themes.map((t) => t.theme.code).sort(),
    evidence: practice.evidence ?? null,
    transferability: practice.transferability ?? null,
    status: practice.status,
  };
}

type Fields = RegisterBestPracticeInput | UpdateBestPracticeInput;

/** Applies the given fields (undefined = unchanged, null = cleared), validating each. */
async function apply(em: EntityManager, practice: BestPractice, input: Fields): Promise<void> {
  if (input.titles !== undefined) practice.titles = v.localized('input.titles', input.titles, v.LIMITS.title, 1);
  if (input.summaries !== undefined) practice.summaries = v.localized('input.summaries', input.summaries, v.LIMITS.description);
  if (input.clusterName !== undefined) practice.clusterName = v.optionalText('input.clusterName', input.clusterName, 255) ?? (null as never);
  if (input.evidence !== undefined) practice.evidence = v.optionalText('input.evidence', input.evidence, TEXT_MAX) ?? (null as never);
  if (input.transferability !== undefined) {
    practice.transferability = v.optionalText('input.transferability', input.transferability, TEXT_MAX) ?? (null as never);
  }
  if (input.organisationId !== undefined) {
    const [organisation] = input.organisationId ? await organisationsByIds(em, 'input.organisationId', [input.organisationId], 1) : [];
    practice.organisation = organisation ?? (null as never);
  }
  if (input.sector !== undefined) {
    const sector = input.sector ? await em.findOne(Sector, { code: input.sector.slice(0, 100) }) : null;
    if (input.sector && !sector) throw badInput('input.sector', `unknown sector "${input.sector.slice(0, 40)}"`);
    practice.sector = sector ?? (null as never);
  }
  if (input.country !== undefined) {
    practice.country = input.country ? em.getReference(Country, v.country('input.country', input.country)) : (null as never);
  }
  if (input.themes !== undefined) {
    const codes = [...new Set(input.themes ?? [])];
    if (codes.length > v.LIMITS.themes) throw badInput('input.themes', `at most ${v.LIMITS.themes} themes`);
    const themes = codes.length ? await em.find(Theme, { code: { $in: codes } }) : [];
    const unknown = codes.findIndex((c) => !themes.some((t) => t.code === c));
    if (unknown >= 0) throw badInput(`input.themes[${unknown}]`, `unknown theme "${codes[unknown].slice(0, 40)}"`);
    if (practice.id) await em.nativeDelete(BestPracticeTheme, { bestPractice: practice.id });
    for (const theme of themes) em.create(BestPracticeTheme, { bestPractice: practice, theme });
  }
}

const load = (em: EntityManager, id: number) => em.findOne(BestPractice, { id });

@Resolver()
export class BestPracticeMutationResolver {
  @Mutation(() => BestPracticePayload, { description: 'Registers a best practice as a DRAFT of your organisation.' })
  registerBestPractice(@Arg('input', () => RegisterBestPracticeInput) input: RegisterBestPracticeInput, @Ctx() ctx: Context) {
    return this.run(ctx, 'registerBestPractice', input, async (em, viewer) => {
      const project = await writableProject(em, viewer, input.projectId);
      const practice = em.create(BestPractice, {
        project,
        titles: [],
        summaries: [],
        status: ContributionStatus.DRAFT,
        submittedBy: viewer.role === 'PARTNER' && viewer.organisationId ? viewer.organisationId : undefined,
      } as never) as BestPractice;
      const { themes, ...rest } = input;
      await apply(em, practice, { ...rest, summaries: input.summaries ?? [] } as Fields);
      await em.flush();
      if (themes?.length) await apply(em, practice, { themes } as Fields);
      await em.flush();
      recordWrite(em, ctx, { action: 'registerBestPractice', entityType: TYPE, entityId: practice.id, changes: diff(null, await snapshot(em, practice)) });
      return { id: practice.id, userErrors: [] };
    });
  }

  @Mutation(() => BestPracticePayload, { description: 'Changes a best practice. Partners edit their drafts and rejected ones; editors any.' })
  updateBestPractice(@Arg('input', () => UpdateBestPracticeInput) input: UpdateBestPracticeInput, @Ctx() ctx: Context) {
    return this.run(ctx, 'updateBestPractice', input, async (em, viewer) => {
      const practice = await changeable(em, viewer, BestPractice, TYPE, input);
      const refused = editableByViewer(viewer, practice, 'best practice');
      if (refused) return refused;
      const before = await snapshot(em, practice);
      if (input.titles === null) throw badInput('input.titles', 'cannot be cleared');
      await apply(em, practice, input);
      practice.updatedAt = new Date();
      await em.flush();
      recordWrite(em, ctx, { action: 'updateBestPractice', entityType: TYPE, entityId: practice.id, changes: diff(before, await snapshot(em, practice)) });
      return { id: practice.id, userErrors: [] };
    });
  }

  @Mutation(() => BestPracticePayload, { description: 'DRAFT or REJECTED → SUBMITTED.' })
  submitBestPractice(@Arg('input', () => SubmitBestPracticeInput) input: SubmitBestPracticeInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'submit', 'submitBestPractice', input);
  }

  @Mutation(() => BestPracticePayload, { description: 'Editors: SUBMITTED → PUBLISHED.' })
  publishBestPractice(@Arg('input', () => PublishBestPracticeInput) input: PublishBestPracticeInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'publish', 'publishBestPractice', input);
  }

  @Mutation(() => BestPracticePayload, { description: 'Editors: SUBMITTED → REJECTED, with a reason.' })
  rejectBestPractice(@Arg('input', () => RejectBestPracticeInput) input: RejectBestPracticeInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'reject', 'rejectBestPractice', input);
  }

  @Mutation(() => BestPracticePayload, { description: 'SUBMITTED or PUBLISHED → DRAFT.' })
  withdrawBestPractice(@Arg('input', () => WithdrawBestPracticeInput) input: WithdrawBestPracticeInput, @Ctx() ctx: Context) {
    return this.step(ctx, 'withdraw', 'withdrawBestPractice', input);
  }

  private step(ctx: Context, step: Transition, name: string, input: UpdateBestPracticeInput | RejectBestPracticeInput) {
    return this.run(ctx, name, input, (em, viewer) => transition(ctx, em, viewer, BestPractice, TYPE, step, input));
  }

  private async run(
    ctx: Context,
    name: string,
    input: Fields | RejectBestPracticeInput,
    body: (em: EntityManager, viewer: Viewer) => Promise<MutationOutcome>,
  ): Promise<BestPracticePayload> {
    const { clientMutationId, userErrors, result } = await runMutation(ctx, name, input, body, load);
    return { clientMutationId, userErrors, bestPractice: result };
  }
}
