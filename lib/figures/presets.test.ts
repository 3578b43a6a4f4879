import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEVELS } from '@/lib/report/schema';
import { measureById } from './catalogue';
import { COMMON_MEASURES } from './common-measures';
import { PRESETS, presetHref } from './presets';

test('presets and common measures name measures of the catalogue and levels of the schema', () => {
  for (const { id } of COMMON_MEASURES) assert.ok(measureById(id), id);
  for (const preset of PRESETS) {
    assert.ok(measureById(preset.measureId), preset.measureId);
    if (preset.level) assert.ok((LEVELS as readonly string[]).includes(preset.level), preset.level);
  }
  assert.equal(presetHref(PRESETS[0]!), `/compare?measure=t3-3-3.total&level=${encodeURIComponent('区县级')}&sort=value-desc`);
});
