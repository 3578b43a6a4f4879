import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partialResultsNotice } from './outage';
import { parseClusterConfig } from '@/lib/cluster/config';
import { regionsOf } from '@/lib/cluster/shards';

test('the page names the regions a silent server holds, and says nothing when none is missing', () => {
  const server = (port: number) => ({ url: `http://127.0.0.1:${port}`, searchKey: 's', adminKey: 'a' });
  const config = parseClusterConfig({ servers: { ms0: server(1), ms1: server(2), ms2: server(3) }, shards: { 福建省: 'ms0', 江苏省: 'ms1', '*': 'ms2' } }, 'x');
  assert.match(partialResultsNotice(regionsOf(config, ['ms1']))!, /^以下地区的结果暂缺：江苏省。/);
  assert.match(partialResultsNotice(regionsOf(config, ['ms1', 'ms2']))!, /^以下地区的结果暂缺：江苏省、福建省、江苏省以外的地区。/);
  assert.equal(partialResultsNotice([]), null);
});
