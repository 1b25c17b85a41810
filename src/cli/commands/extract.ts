// `crosscheck extract`: per-article mentions with offsets (src/cli/extract.ts does the work), printed or
// written to a file. Loaded by main.ts only when this command runs.

import { runExtract } from '../extract.js';
import { checkOutputPath, writeOutput } from './output.js';
import { EXIT_NOTHING_ANALYSED, UserError } from './exit.js';

export interface ExtractCommandOptions {
  published?: string;
  format: 'json' | 'md';
  text?: boolean;
  explain?: boolean;
  out?: string;
}

export async function extractCommand(files: string[], opts: ExtractCommandOptions): Promise<void> {
  checkOutputPath(opts.out);
  const { output, analysed, rejected } = await runExtract(files, {
    published: opts.published ?? null,
    format: opts.format,
    withText: Boolean(opts.text),
    explain: Boolean(opts.explain),
  });
  for (const r of rejected) process.stderr.write(`rejected ${r.path}: ${r.reason}\n`);
  if (analysed === 0) throw new UserError('no article could be read', EXIT_NOTHING_ANALYSED);
  writeOutput(opts.out, output);
}
