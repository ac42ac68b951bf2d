import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { convert } from 'html-to-text';
import { PDFParse } from 'pdf-parse';

export const INGESTIBLE = ['.txt', '.md', '.html', '.htm', '.pdf'];

export interface Extracted {
  title: string;
  text: string;
}

/** Plain text and a title from a .txt, .md, .html or .pdf file. */
export async function extractText(file: string): Promise<Extracted> {
  const extension = path.extname(file).toLowerCase();
  const fallbackTitle = path.basename(file, extension);
  if (extension === '.pdf') {
    const parser = new PDFParse({ data: await readFile(file) });
    try {
      const result = await parser.getText({ pageJoiner: '' });
      return { title: firstLine(result.text) ?? fallbackTitle, text: result.text.trim() };
    } finally {
      await parser.destroy();
    }
  }
  const raw = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  if (extension === '.html' || extension === '.htm') {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(raw)?.[1].trim();
    const text = convert(raw, {
      wordwrap: false,
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
        { selector: 'h1', options: { uppercase: false } },
        { selector: 'h2', options: { uppercase: false } },
        { selector: 'h3', options: { uppercase: false } },
        { selector: 'table', options: { uppercaseHeaderCells: false } },
      ],
    });
    return { title: title || fallbackTitle, text: text.trim() };
  }
  const heading = extension === '.md' ? /^#\s+(.+)$/m.exec(raw)?.[1].trim() : undefined;
  return { title: heading ?? firstLine(raw) ?? fallbackTitle, text: raw.trim() };
}

function firstLine(text: string): string | undefined {
  const line = text.split('\n').find((l) => l.trim())?.trim();
  return line ? line.slice(0, 200) : undefined;
}
