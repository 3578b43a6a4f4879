/**
 * npx tsx scripts/convert-js-report.ts <in.js> <out.html> [--title <title>]
 *
 * Turns a report shipped as HTML inside a JavaScript file (`let content = "…"`) into a
 * standalone UTF-8 .html file that ingest reads like any page. The title defaults to the
 * report's first line (its own heading). Exit 1 on any failure.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readHtml } from '@/lib/ingest/html';
import { extractJsStringVariable, standaloneHtml } from '@/lib/ingest/js-report';
import { messageOf } from '@/lib/errors';

const USAGE = 'usage: npx tsx scripts/convert-js-report.ts <in.js> <out.html> [--title <title>]';
const CONTENT_VARIABLE = 'content';

function readArgs(argv: string[]): { input: string; output: string; title?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { title: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [input, output] = positionals;
  if (!input || !output || positionals.length !== 2) throw new Error(USAGE);
  return { input, output, title: values.title };
}

/** The report's own first line, which is its title heading. */
function firstLine(html: string): string {
  const first = readHtml(html).blocks.find((block) => block.type === 'text');
  const line = first?.type === 'text' ? first.text.split('\n')[0] : undefined;
  if (!line) throw new Error('the report has no text to take a title from: pass --title');
  return line;
}

async function main(): Promise<void> {
  const { input, output, title } = readArgs(process.argv.slice(2));
  const source = await readFile(input, 'utf8');
  const body = extractJsStringVariable(source, CONTENT_VARIABLE);
  const page = standaloneHtml(body, {
    title: title ?? firstLine(body),
    source:
      `Converted by scripts/convert-js-report.ts from ${path.basename(input)}: ` +
      `the HTML is the JavaScript string literal assigned to "${CONTENT_VARIABLE}".`,
  });
  await writeFile(output, page, 'utf8');
  console.log(`${output}: ${page.length} characters`);
}

main().catch((error: unknown) => {
  console.error(messageOf(error));
  process.exit(1);
});
