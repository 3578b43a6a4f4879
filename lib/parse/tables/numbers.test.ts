import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold, hasLeadingZero, parseCell } from './numbers';

describe('parseCell', () => {
  const cases: [string, ReturnType<typeof parseCell>][] = [
    ['117', { kind: 'number', value: 117, unit: null }],
    ['-87', { kind: 'number', value: -87, unit: null }],
    ['+5174', { kind: 'number', value: 5174, unit: null }],
    ['－15', { kind: 'number', value: -15, unit: null }],
    ['202529227.9元', { kind: 'number', value: 202529227.9, unit: '元' }],
    ['588项', { kind: 'number', value: 588, unit: '项' }],
    ['7730.28万元', { kind: 'number', value: 7730.28, unit: '万元' }],
    ['１２３', { kind: 'number', value: 123, unit: null }],
    ['　0', { kind: 'number', value: 0, unit: null }],
    ['1,234,567', { kind: 'number', value: 1234567, unit: null }],
    ['73802895.90元', { kind: 'number', value: 73802895.9, unit: '元' }],
    ['-', { kind: 'blank' }],
    ['', { kind: 'blank' }],
    ['\u00a0', { kind: 'blank' }],
    ['—', { kind: 'blank' }],
    ['规章', { kind: 'text' }],
    ['1 2', { kind: 'text' }],
    ['12,34', { kind: 'text' }],
  ];
  for (const [text, expected] of cases) {
    it(`'${text}'`, () => assert.deepEqual(parseCell(text), expected));
  }
});

describe('fold', () => {
  it('keeps offsets: one character in, one character out', () => {
    const text = '（一）予以公开７０００００７　０';
    assert.equal(fold(text).length, text.length);
    assert.equal(fold(text), '(一)予以公开7000007 0');
  });
});

describe('hasLeadingZero', () => {
  it('tells cells that ran together', () => {
    assert.deepEqual(['00', '023', '0', '0.5', '10', '-07'].map(hasLeadingZero), [true, true, false, false, false, true]);
  });
});
