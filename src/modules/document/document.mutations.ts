import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { detectLanguage } from '../../shared/language-detection';
import { diff, recordWrite } from '../audit/audit.service';
import { writableProject } from '../auth/contribution';
import { MutationInput, MutationPayload, runMutation } from '../auth/mutation';
import * as v from '../auth/validation';
import { Document, DocumentOriginKind, DocumentProject } from './document.entity';

@InputType({ description: 'A source text for a project: its text, or the URL it is published at (or both).' })
export class AttachDocumentInput extends MutationInput {
  @Field(() => ID, { description: "The project it is about; a partner's organisation must take part in it." })
  projectId!: string;

  @Field(() => String, { description: 'Plain text, 1..500 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The full text (plain text, up to 1 000 000 characters).' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL the text is published at. The server does not fetch it.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-3; detected from the text when absent ("und" when it cannot tell).' })
  language?: string | null;
}

@ObjectType()
export class AttachDocumentPayload extends MutationPayload {
  @Field(() => Document, { nullable: true })
  document!: Document | null;
}

/**
 * Documents are public once attached (they are sources, not moderated contributions). The same
 * text is stored once: attaching a known text links the existing document to the project.
 */
@Resolver()
export class DocumentMutationResolver {
  @Mutation(() => AttachDocumentPayload, { description: 'Attaches a source text (or a URL) to a project.' })
  async attachDocument(@Arg('input', () => AttachDocumentInput) input: AttachDocumentInput, @Ctx() ctx: Context): Promise<AttachDocumentPayload> {
    const { clientMutationId, userErrors, result } = await runMutation(
      ctx,
      'attachDocument',
      input,
      async (em, viewer) => {
        const project = await writableProject(em, viewer, input.projectId);
        const title = v.text('input.title', input.title, 500);
        const text = input.text ? v.text('input.text', input.text, v.LIMITS.documentText) : undefined;
        const url = input.url ? v.url('input.url', input.url) : undefined;
        if (!text && !url) throw badInput('input.text', 'give the text, a URL, or both');
        const language = input.language ? v.language('input.language', input.language) : undefined;
        const checksum = createHash('sha256').update(text ?? `url:${url}`).digest('hex');

        let document = await em.findOne(Document, { checksum });
        if (!document) {
          document = em.create(Document, {
            title,
            text: text ?? '',
            language: language ?? (text ? detectLanguage(text) : 'und'),
            languageDetected: !language,
            originKind: url ? DocumentOriginKind.URL : DocumentOriginKind.TEXT,
            origin: url ?? 'attachDocument',
            checksum,
          });
          await em.flush();
          recordWrite(em, ctx, {
            action: 'attachDocument',
            entityType: 'Document',
            entityId: document.id,
            changes: diff(null, { title, language: document.language, originKind: document.originKind, origin: document.origin, checksum }),
          });
        }
        const linked = await em.count(DocumentProject, { document: document.id, project: project.id });
        if (!linked) {
          em.create(DocumentProject, { document, project });
          recordWrite(em, ctx, {
            action: 'linkDocument',
            entityType: 'Document',
            entityId: document.id,
            changes: { projects: { before: null, after: project.id } },
          });
        }
        return { id: document.id, userErrors: [] };
      },
      (em: EntityManager, id: number) => em.findOne(Document, { id }),
    );
    return { clientMutationId, userErrors, document: result };
  }
}
