import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedReport } from '@/lib/report/schema';
import { buildBody } from './body';
import { DUPLICATE_THRESHOLD, jaccard, markDuplicates, normaliseBody, shingles } from './duplicates';
import { buildSections } from './sections';
import { dataFile } from '@/test/support/corpus';
import { crawlerBlock } from '@/test/support/parse';

/** A report with just what duplicate detection reads: its id and its sections. */
function reportOf(id: string, file: string): ParsedReport {
  const sections = buildSections(buildBody([crawlerBlock(dataFile(file))], []).text);
  return {
    report: {
      id,
      title: id,
      year: 2011,
      sources: {},
      missing: [],
      issuer: id,
      province: '福建省',
      city: null,
      district: null,
      level: '区县级',
      layout: 'pre-2019',
      sourceUrl: null,
      sourceFile: file,
      provenance: null,
      publishedAt: null,
      synthetic: false,
    },
    sections,
    rows: [],
    checks: [],
    warnings: [],
    duplicates: [{ id: 'stale', similarity: 1 }],
  };
}

describe('markDuplicates', () => {
  const county2011 = reportOf('county-2011', '2011-pingtan-xian-renmin-zhengfu.txt');
  const zone2011 = reportOf('zone-2011', '2011-pingtan-zonghe-shiyanqu.txt');
  const county2012 = reportOf('county-2012', '2012-pingtan-xian-renmin-zhengfu.txt');
  const zone2015 = reportOf('zone-2015', '2015-pingtan-zonghe-shiyanqu.txt');
  const reports = [county2011, zone2011, county2012, zone2015];
  markDuplicates(reports);

  it('marks one report published by two issuers, both ways', () => {
    assert.deepEqual(
      county2011.duplicates.map((d) => d.id),
      ['zone-2011'],
    );
    assert.deepEqual(
      zone2011.duplicates.map((d) => d.id),
      ['county-2011'],
    );
    assert.equal(county2011.duplicates[0]!.similarity, zone2011.duplicates[0]!.similarity);
    assert.ok(county2011.duplicates[0]!.similarity >= DUPLICATE_THRESHOLD);
  });

  it('does not mark next year’s report that copies the boilerplate with new figures', () => {
    const similarity = jaccard(shingles(normaliseBody(county2011)), shingles(normaliseBody(county2012)));
    assert.ok(similarity > 0.5, `shares boilerplate (${similarity})`);
    assert.ok(similarity < DUPLICATE_THRESHOLD);
    assert.deepEqual(county2012.duplicates, []);
    assert.deepEqual(zone2015.duplicates, []);
  });

  it('replaces what a previous run left', () => {
    assert.ok(reports.every((r) => !r.duplicates.some((d) => d.id === 'stale')));
  });

  it('marks an exact copy with similarity 1 and ignores empty bodies', () => {
    const copy = reportOf('copy', '2015-pingtan-zonghe-shiyanqu.txt');
    const empty = { ...reportOf('empty-a', '2015-pingtan-zonghe-shiyanqu.txt'), sections: [] };
    const alsoEmpty = { ...reportOf('empty-b', '2015-pingtan-zonghe-shiyanqu.txt'), sections: [] };
    const all = [reportOf('original', '2015-pingtan-zonghe-shiyanqu.txt'), copy, empty, alsoEmpty];
    markDuplicates(all);
    assert.deepEqual(copy.duplicates, [{ id: 'original', similarity: 1 }]);
    assert.deepEqual(empty.duplicates, []);
  });
});

describe('normaliseBody', () => {
  it('ignores whitespace and punctuation but keeps figures', () => {
    const report = reportOf('r', '2011-pingtan-zonghe-shiyanqu.txt');
    const body = normaliseBody(report);
    assert.doesNotMatch(body, /[\s，。、“”（）]/);
    assert.match(body, /主动公开信息数条4251516/);
  });
});
