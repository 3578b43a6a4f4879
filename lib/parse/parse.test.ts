/**
 * End to end on the real data folder: ingest → metadata → sections → tables → checks →
 * warnings, and what a folder run does with files that are not reports.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { IngestError } from '@/lib/ingest';
import type { ParsedReport } from '@/lib/report/schema';
import { listReportFiles, parseFolder, parseReportFile, ParseError, type FolderResult } from '@/lib/parse';
import { DATA_DIR, dataFile } from '@/test/support/corpus';

const CN = ['一', '二', '三', '四', '五', '六'];
const STANDARD_CATEGORIES = ['总体情况', '主动公开', '依申请公开', '复议诉讼', '问题与改进', '其他'];

const temporary: string[] = [];
async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parse-'));
  temporary.push(dir);
  return dir;
}
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

let corpus: FolderResult;
const byId = (id: string): ParsedReport => {
  const report = corpus.reports.find((r) => r.report.id === id);
  assert.ok(report, `${id} parsed`);
  return report;
};
const parts = (report: ParsedReport) => report.sections.filter((s) => s.depth === 1);

before(async () => {
  corpus = await parseFolder(DATA_DIR);
});

describe('the data folder', () => {
  it('parses every report file without an error', async () => {
    const files = await listReportFiles(DATA_DIR);
    assert.deepEqual(corpus.failures, []);
    assert.equal(corpus.reports.length, files.length);
  });

  it('gives every 2019+ report its six parts, numbered 一 to 六, with their headings', async () => {
    const recent = corpus.reports.filter((r) => r.report.layout !== 'pre-2019');
    assert.ok(recent.length >= 12);
    for (const report of recent) {
      const { id, sourceFile } = report.report;
      const found = new Map(
        parts(report)
          .filter((s) => /^part-\d$/.test(s.anchor))
          .map((s) => [Number(s.anchor.slice(5)), s]),
      );
      for (const [i, numeral] of CN.entries()) {
        const part = found.get(i + 1);
        if (part) {
          assert.match(part.heading, new RegExp(`^${numeral}、\\S`), `${id} part ${numeral}`);
          continue;
        }
        // The one exception must be real: the file itself has no heading for the part.
        const source = await readFile(path.join(DATA_DIR, sourceFile), 'utf8');
        assert.doesNotMatch(source, new RegExp(`${numeral}、\\s*存在`), `${id} lacks part ${numeral}`);
        assert.ok(report.warnings.some((w) => w.code === 'missing-part' && w.message.startsWith(`未找到第${numeral}部分“`)));
      }
    }
  });

  it('files the six standard parts under their categories', () => {
    for (const report of corpus.reports.filter((r) => r.report.layout !== 'pre-2019')) {
      const categories = new Map(parts(report).map((s) => [s.anchor, s.category]));
      // The 科委 report numbers its own six text parts (总体情况, 工作机制保障, …) before the tables.
      if (report.report.id === '2024-shanghai-kewei-pdf2md') {
        assert.deepEqual(
          CN.map((_, i) => categories.get(`part-${i + 1}`)),
          ['总体情况', '监督保障', '主动公开', '依申请公开', '政府信息管理', '平台建设'],
        );
        continue;
      }
      CN.forEach((numeral, i) => {
        const category = categories.get(`part-${i + 1}`);
        if (category) assert.equal(category, STANDARD_CATEGORIES[i], `${report.report.id} part ${numeral}`);
      });
    }
  });

  it('splits the one-line crawler bodies into their parts', () => {
    assert.deepEqual(
      parts(byId('2011-pingtan-xian-renmin-zhengfu')).map((s) => s.heading),
      [
        '一、 概述',
        '二、主动公开政府信息情况',
        '三、政府信息依申请公开工作情况',
        '四、政府信息公开工作存在的主要问题及改进情况',
        '附件1：平潭县人民政府2011年政府信息公开情况统计表',
      ],
    );
    assert.equal(parts(byId('2015-pingtan-zonghe-shiyanqu')).length, 7);
    const problems = byId('2015-pingtan-zonghe-shiyanqu').sections.filter((s) => s.anchor.startsWith('part-6-'));
    assert.deepEqual(
      problems.map((s) => s.heading),
      ['(一)存在问题', '（二）改进措施'],
    );
  });

  it('keeps table cells out of the section text', () => {
    const xiacheng = byId('2020-hangzhou-xiacheng-qu');
    assert.ok(xiacheng.rows.some((row) => row.table === '三'));
    const requests = xiacheng.sections.find((s) => s.anchor === 'part-3')!;
    assert.doesNotMatch(requests.text, /予以公开|本年新收/);
    assert.ok(!xiacheng.sections.some((s) => s.heading.startsWith('（一）予以公开')));
  });

  it('keeps page chrome out of the sections', () => {
    for (const report of corpus.reports) {
      for (const section of report.sections) {
        assert.doesNotMatch(section.text, /当前位置[：:]|QQ空间|附件下载|^— \d+ —$/m, `${report.report.id} #${section.anchor}`);
      }
    }
  });

  it('warns where the text contradicts table 三 (17 in the text, 95 in the table)', () => {
    const hongze = byId('2024-huaian-hongze-qu');
    const mismatches = hongze.warnings.filter((w) => w.code === 'text-table-mismatch');
    assert.equal(mismatches.length, 1);
    assert.match(mismatches[0]!.message, /^正文称收到政府信息公开申请 17 件，与表三不符（/);
    assert.match(mismatches[0]!.message, /（一、本年新收 = 95，一 \+ 二 = 95，三（七）总计 = 95）/);
    assert.match(mismatches[0]!.message, /区政府办代表区政府受理政府信息公开申请\s*17\s*件/);
    const statedIn = hongze.sections.find((s) => s.text.includes('代表区政府受理'));
    assert.equal(statedIn?.heading, '（二）依申请公开情况');
    assert.equal(mismatches[0]!.anchor, statedIn.anchor);
    const others = corpus.reports.filter((r) => r !== hongze && r.warnings.some((w) => w.code === 'text-table-mismatch'));
    assert.deepEqual(
      others.map((r) => r.report.id),
      [],
    );
  });

  it('marks the cross-issuer 2011 pair as duplicates, not the 2011 and 2012 county reports', () => {
    const county2011 = byId('2011-pingtan-xian-renmin-zhengfu');
    assert.deepEqual(
      county2011.duplicates.map((d) => d.id),
      ['2011-pingtan-zonghe-shiyanqu'],
    );
    assert.ok(county2011.duplicates[0]!.similarity >= 0.8);
    assert.deepEqual(
      byId('2011-pingtan-zonghe-shiyanqu').duplicates.map((d) => d.id),
      ['2011-pingtan-xian-renmin-zhengfu'],
    );
    assert.deepEqual(byId('2012-pingtan-xian-renmin-zhengfu').duplicates, []);
  });

  it('gives the same anchors on a second run', async () => {
    for (const id of ['2015-pingtan-zonghe-shiyanqu', '2024-huaian-hongze-qu', '2021-pingtan-zonghe-shiyanqu']) {
      const first = byId(id);
      const again = await parseReportFile(path.join(DATA_DIR, first.report.sourceFile), { dataDir: DATA_DIR });
      assert.deepEqual(
        again.sections.map((s) => s.anchor),
        first.sections.map((s) => s.anchor),
        id,
      );
      assert.deepEqual(
        again.rows.map((r) => r.anchor),
        first.rows.map((r) => r.anchor),
        id,
      );
    }
  });
});

describe('the manifest entry of one file', () => {
  it('is found whether the file is named relative to the working folder or absolutely', async () => {
    const relative = path.relative(process.cwd(), dataFile('2024-shanghai-kewei-pdf2md.md'));
    for (const file of [relative, dataFile('2024-shanghai-kewei-pdf2md.md')]) {
      const { report } = await parseReportFile(file, { dataDir: path.relative(process.cwd(), DATA_DIR) });
      // The report itself writes only the abbreviation 上海市科委; the manifest the full name.
      assert.deepEqual([report.issuer, report.sources.issuer], ['上海市科学技术委员会', 'manifest'], file);
    }
  });
});

describe('a report dropped in without a manifest entry', () => {
  it('takes its metadata from its title, the province completed from GB/T 2260', async () => {
    const dir = await tempFolder();
    await copyFile(dataFile('2024-huaian-hongze-qu.pdf'), path.join(dir, 'hongze.pdf'));
    const { report } = await parseReportFile(path.join(dir, 'hongze.pdf'), { dataDir: dir });
    assert.deepEqual(
      [report.id, report.year, report.issuer, report.province, report.city, report.district, report.level, report.layout],
      ['hongze', 2024, '淮安市洪泽区人民政府', '江苏省', '淮安市', '洪泽区', '区县级', '2021'],
    );
    assert.equal(report.sourceFile, 'hongze.pdf');
  });

  it('places 平潭综合实验区 (not a GB/T 2260 division) in 福建省 / 福州市', async () => {
    const dir = await tempFolder();
    await copyFile(dataFile('2011-pingtan-zonghe-shiyanqu.txt'), path.join(dir, 'zone-2011.txt'));
    const { report } = await parseReportFile(path.join(dir, 'zone-2011.txt'), { dataDir: dir });
    assert.deepEqual(
      [report.year, report.issuer, report.province, report.city, report.district, report.level],
      [2011, '平潭综合实验区管委会', '福建省', '福州市', '平潭综合实验区', '区县级'],
    );
    assert.match(report.sourceUrl ?? '', /t20120420_80678/);
  });
});

describe('files that are not reports', () => {
  const readme = '# gov-disclosure-reports-search\n\nA search portal for annual reports. Run `npm run parse -- data/` to parse them all.\n'.repeat(5);
  const recipe =
    '番茄炒蛋\n\n材料：番茄两个，鸡蛋三个，葱花、盐、糖少许。\n做法：一、鸡蛋打散，加少许盐。二、番茄切块。三、热锅下油，炒蛋至凝固后盛出。四、再下番茄翻炒出汁，加糖，倒回鸡蛋炒匀即可。\n'.repeat(
      3,
    );

  async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
    const dir = await tempFolder();
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  }

  const namedError = (file: string, reason: RegExp) => (error: unknown) => {
    assert.ok(error instanceof ParseError || error instanceof IngestError, `a named error, got ${String(error)}`);
    assert.equal(path.basename(error.file), path.basename(file));
    assert.match(error.reason, reason);
    return true;
  };

  it('an empty file is an error naming it', async () => {
    const file = await fileWith('empty.txt', '');
    await assert.rejects(parseReportFile(file), namedError(file, /^空文件$|^文字太少（\d+ 字），不像是一份报告$/));
  });

  it('a report cut short is still a report: what it holds is read, what it lacks is listed', async () => {
    const crawler = await readFile(dataFile('2012-pingtan-xian-renmin-zhengfu.txt'), 'utf8');
    const cut = crawler.slice(0, crawler.indexOf('正文') + 120);
    const parsed = await parseReportFile(await fileWith('cut.txt', cut));
    assert.deepEqual([parsed.report.year, parsed.report.issuer], [2012, '平潭县人民政府']);
    assert.ok(parsed.sections.length > 0);
    assert.ok(
      parsed.warnings.some((w) => w.code === 'incomplete'),
      'the cut is said',
    );
  });

  it('a broken file is an error naming it', async () => {
    const pdf = await readFile(dataFile('2024-huaian-hongze-qu.pdf'));
    const halfPdf = await fileWith('half.pdf', pdf.subarray(0, pdf.length / 2));
    await assert.rejects(parseReportFile(halfPdf), namedError(halfPdf, /./));
  });

  it('an English README or a recipe is an error saying it is no disclosure report', async () => {
    const notes = await fileWith('notes.md', readme);
    await assert.rejects(parseReportFile(notes), namedError(notes, /^不是政府信息公开工作年度报告：没有报告标题/));
    const dish = await fileWith('recipe.txt', recipe);
    await assert.rejects(parseReportFile(dish), namedError(dish, /^不是政府信息公开工作年度报告：没有报告标题/));
  });

  it('fail alone: the other files of the folder still parse', async () => {
    const dir = await tempFolder();
    await copyFile(dataFile('2021-pingtan-zonghe-shiyanqu.html'), path.join(dir, '2021-pingtan.html'));
    await copyFile(dataFile('2015-pingtan-zonghe-shiyanqu.txt'), path.join(dir, '2015-pingtan.txt'));
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'recipe.txt'), recipe);
    await writeFile(path.join(dir, 'README.md'), readme);
    const result = await parseFolder(dir);
    assert.deepEqual(result.reports.map((r) => r.report.id).sort(), ['2015-pingtan', '2021-pingtan']);
    assert.deepEqual(result.failures.map((f) => f.file).sort(), ['empty.txt', 'recipe.txt']);
    assert.ok(result.failures.every((f) => f.reason.length > 0 && !f.reason.includes('\n')));
  });
});
