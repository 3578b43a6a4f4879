import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'data');

function runParse(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const folders: string[] = [];
after(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folderWith(files: Record<string, string | { copyOf: string }>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parse-cli-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name);
    if (typeof content === 'string') await writeFile(target, content);
    else await copyFile(path.join(DATA, content.copyOf), target);
  }
  return dir;
}

describe('npm run parse', () => {
  it('prints one report as JSON with --json', () => {
    const { code, stdout } = runParse(path.join(DATA, '2015-pingtan-zonghe-shiyanqu.txt'), '--json');
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.deepEqual(Object.keys(parsed).sort(), ['checks', 'duplicates', 'report', 'rows', 'sections', 'warnings']);
    assert.equal(parsed.report.id, '2015-pingtan-zonghe-shiyanqu');
  });

  it('prints a folder as one line per report, the failures, and the duplicate pairs', async () => {
    const dir = await folderWith({
      'county-2011.txt': { copyOf: '2011-pingtan-xian-renmin-zhengfu.txt' },
      'zone-2011.txt': { copyOf: '2011-pingtan-zonghe-shiyanqu.txt' },
      'empty.txt': '',
    });
    const { code, stdout } = runParse(dir);
    assert.equal(code, 0);
    assert.match(stdout, /^county-2011\s+pre-2019\s+sections\s+\d+/m);
    assert.match(stdout, /^zone-2011\s+pre-2019/m);
    assert.match(stdout, /^empty\.txt: FAILED: 空文件$/m);
    assert.match(stdout, /2 parsed, 1 failed/);
    assert.match(stdout, /county-2011 ≈ zone-2011 \(0\.\d+\)/);
  });

  it('fails with one line naming a file that is not a report', async () => {
    const dir = await folderWith({ 'recipe.txt': '番茄炒蛋：番茄两个，鸡蛋三个。先炒蛋，再炒番茄，最后一起翻炒。\n'.repeat(10) });
    const single = runParse(path.join(dir, 'recipe.txt'));
    assert.equal(single.code, 1);
    assert.equal(single.stderr.trim().split('\n').length, 1);
    assert.match(single.stderr, /recipe\.txt: 不是政府信息公开工作年度报告：没有报告标题/m);
    const folder = runParse(dir);
    assert.equal(folder.code, 1, 'a folder where nothing parsed fails');
  });

  it('explains its usage', () => {
    const { code, stderr } = runParse();
    assert.equal(code, 2);
    assert.match(stderr, /usage: npm run parse -- <file\|folder> \[--json\]/);
  });
});
