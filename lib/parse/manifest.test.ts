import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadManifest, ManifestError } from './manifest';

const entry = {
  file: '2024-huaian-hongze-qu.pdf',
  title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告',
  year: 2024,
  issuer: '淮安市洪泽区人民政府',
  province: '江苏省',
  city: '淮安市',
  district: '洪泽区',
  level: 'district',
  format: 'pdf',
  layout: '2021',
  source_url: null,
  provenance: 'zxj6827111-blip/KIROGOVCOMPARE sample_pdfs_v1/hzq2024_working.pdf',
  published_at: null,
  notes: 'text and table 三 disagree',
};

const folders: string[] = [];
async function folderWith(manifest: string | null): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'manifest-'));
  folders.push(dir);
  if (manifest !== null) await writeFile(path.join(dir, 'manifest.json'), manifest);
  return dir;
}
after(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('loadManifest', () => {
  it('maps each file to its entry', async () => {
    const manifest = await loadManifest(await folderWith(JSON.stringify([entry, { ...entry, file: 'sub/other.pdf', level: 'county' }])));
    assert.deepEqual([...manifest.keys()], ['2024-huaian-hongze-qu.pdf', 'sub/other.pdf']);
    assert.equal(manifest.get('2024-huaian-hongze-qu.pdf')?.layout, '2021');
  });

  it('is empty for a folder without a manifest', async () => {
    assert.equal((await loadManifest(await folderWith(null))).size, 0);
  });

  it('names the entry and the field that break the schema', async () => {
    const dir = await folderWith(JSON.stringify([entry, { ...entry, file: 'bad.txt', year: '2024', level: 'country' }]));
    await assert.rejects(loadManifest(dir), (error: unknown) => {
      assert.ok(error instanceof ManifestError);
      assert.match(error.reason, /entry 1 \(bad\.txt\)/);
      assert.match(error.reason, /year/);
      assert.match(error.reason, /level/);
      return true;
    });
  });

  it('rejects a manifest that is not JSON, not an array, or lists a file twice', async () => {
    await assert.rejects(loadManifest(await folderWith('{ not json')), /not valid JSON/);
    await assert.rejects(loadManifest(await folderWith(JSON.stringify(entry))), /an array of entries/);
    await assert.rejects(loadManifest(await folderWith(JSON.stringify([entry, entry]))), /a second entry for 2024-huaian-hongze-qu\.pdf/);
  });
});
