/** Every command answers --help with its usage and exit code 0, before it starts, reads or writes anything. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runScript } from '@/test/support/cli';

const SCRIPTS = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

for (const script of SCRIPTS) {
  test(`${script} --help prints its usage and exits 0`, async () => {
    // A port nothing answers on: a command that went on to start would fail, not reach a running engine.
    const env = { ...process.env, MEILI_HOST: 'http://127.0.0.1:9', PORT: '9' };
    const { code, output } = await runScript(path.join(import.meta.dirname, script), ['--help'], env, 60_000).done;
    assert.equal(code, 0, output);
    assert.match(output, /^usage: /m);
  });
}
