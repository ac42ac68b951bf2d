import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Document, DocumentOrganisation, DocumentOriginKind, DocumentProgramme, DocumentProject } from '../../modules/document/document.entity';
import { Claim, ClaimOrigin } from '../../modules/provenance/claim.entity';
import { enqueueSearchUpdate } from '../../search/outbox';
import { detectLanguage } from '../../shared/language-detection';
import { extractText, INGESTIBLE } from './extract';
import { codePointOffset, Mention, MentionFinder } from './mentions';

export interface IngestedFile {
  file: string;
  outcome: 'inserted' | 'unchanged' | 'failed';
  documentId?: number;
  language?: string;
  mentions?: number;
  error?: string;
}

/** The ingestible files among the paths given; folders are walked recursively. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const stat = statSync(p);
    if (stat.isDirectory()) files.push(...collectFiles(readdirSync(p).sort().map((name) => path.join(p, name))));
    else if (INGESTIBLE.includes(path.extname(p).toLowerCase())) files.push(p);
  }
  return files;
}

/**
 * Stores each file's text as a Document (once per distinct text), with its detected language,
 * links it to the projects, programmes and organisations it mentions, and records every mention
 * (the quoted span) as a claim. A file whose text is already stored is left as it is.
 */
export async function ingestFiles(orm: MikroORM, paths: string[]): Promise<IngestedFile[]> {
  const finder = await MentionFinder.load(orm.em.fork());
  const results: IngestedFile[] = [];
  for (const file of collectFiles(paths)) {
    try {
      const { title, text } = await extractText(file);
      if (!text) throw new Error('no text found');
      results.push(await orm.em.fork().transactional((em) => storeDocument(em, finder, file, title, text)));
    } catch (error) {
      results.push({ file, outcome: 'failed', error: (error as Error).message });
    }
  }
  return results;
}

async function storeDocument(em: EntityManager, finder: MentionFinder, file: string, title: string, text: string): Promise<IngestedFile> {
  const checksum = createHash('sha256').update(text).digest('hex');
  const existing = await em.findOne(Document, { checksum });
  if (existing) return { file, outcome: 'unchanged', documentId: existing.id, language: existing.language };
  const language = detectLanguage(text);
  const document = em.create(Document, {
    title: title.slice(0, 500),
    language,
    languageDetected: true,
    text,
    originKind: DocumentOriginKind.FILE,
    origin: path.resolve(file).slice(0, 2000),
    checksum,
  });
  await em.flush();
  const mentions = finder.find(text);
  link(em, document, mentions);
  for (const m of mentions) {
    em.create(Claim, {
      subjectType: m.type,
      subjectId: m.id,
      field: 'mention',
      value: m.name,
      document,
      startOffset: codePointOffset(text, m.start),
      endOffset: codePointOffset(text, m.end),
      quote: m.quote,
      shown: true,
      origin: ClaimOrigin.INGEST,
      sourceRef: path.basename(file),
    });
  }
  enqueueSearchUpdate(em, 'Document', document.id);
  await em.flush();
  return { file, outcome: 'inserted', documentId: document.id, language, mentions: mentions.length };
}

function link(em: EntityManager, document: Document, mentions: Mention[]): void {
  const linked = new Set<string>();
  for (const m of mentions) {
    if (linked.has(`${m.type}|${m.id}`)) continue;
    linked.add(`${m.type}|${m.id}`);
    if (m.type === 'Project') em.create(DocumentProject, { document, project: m.id });
    else if (m.type === 'Programme') em.create(DocumentProgramme, { document, programme: m.id });
    else em.create(DocumentOrganisation, { document, organisation: m.id });
  }
}
