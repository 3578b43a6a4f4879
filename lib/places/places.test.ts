import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupPlace, provincesMentioned, resolvePlace } from '@/lib/places';

describe('lookupPlace', () => {
  it('finds a county-level division by its full name, with its ancestry', () => {
    assert.deepEqual(lookupPlace('洪泽区'), {
      code: '320813',
      name: '洪泽区',
      level: 'district',
      province: '江苏省',
      city: '淮安市',
      district: '洪泽区',
    });
  });

  it('accepts a name without its suffix only when one division carries it', () => {
    assert.equal(lookupPlace('平潭')?.name, '平潭县');
    assert.equal(lookupPlace('洪泽')?.code, '320813');
    // 朝阳区 exists in 北京市 and 长春市; 和平 in 天津市 and 沈阳市.
    assert.equal(lookupPlace('朝阳区'), null);
    assert.equal(lookupPlace('和平'), null);
  });

  it('gives a municipality as its own city', () => {
    const shanghai = lookupPlace('上海市');
    assert.equal(shanghai?.province, '上海市');
    assert.equal(shanghai?.city, '上海市');
    assert.equal(lookupPlace('黄浦区')?.city, '上海市');
  });

  it('knows nothing of names GB/T 2260 lacks', () => {
    assert.equal(lookupPlace('平潭综合实验区'), null);
  });

  it('knows divisions renamed or merged since 2017, under the name a report of their time used', () => {
    // 下城区 was merged into 拱墅区 in 2021; 洪泽县 became 洪泽区 in 2016.
    assert.deepEqual(lookupPlace('下城区'), {
      code: '330103',
      name: '下城区',
      level: 'district',
      province: '浙江省',
      city: '杭州市',
      district: '下城区',
      former: true,
    });
    assert.equal(lookupPlace('洪泽县')?.city, '淮安市');
    assert.equal(lookupPlace('莱芜市')?.province, '山东省');
  });
});

describe('resolvePlace', () => {
  it('completes a district issuer with its city and province', () => {
    const place = resolvePlace('淮安市洪泽区人民政府');
    assert.deepEqual([place?.province, place?.city, place?.district], ['江苏省', '淮安市', '洪泽区']);
    assert.equal(place?.via, 'exact');
  });

  it('completes a district named without its city', () => {
    const place = resolvePlace('洪泽区人民政府');
    assert.deepEqual([place?.province, place?.city, place?.district], ['江苏省', '淮安市', '洪泽区']);
  });

  it('places 平潭综合实验区 where 平潭县 is, keeping the name the report uses', () => {
    const place = resolvePlace('平潭综合实验区管委会');
    assert.deepEqual([place?.province, place?.city, place?.district], ['福建省', '福州市', '平潭综合实验区']);
    assert.equal(place?.via, 'short');
    assert.equal(resolvePlace('平潭县人民政府')?.district, '平潭县');
  });

  it('settles an ambiguous district by the city named with it', () => {
    assert.equal(resolvePlace('朝阳区人民政府'), null);
    assert.equal(resolvePlace('北京市朝阳区人民政府')?.division.code, '110105');
    assert.equal(resolvePlace('长春市朝阳区人民政府')?.division.code.slice(0, 4), '2201');
  });

  it('is not misled by a place name inside an unknown one', () => {
    // 城区 (several divisions) inside 新城区 of a zone that is no division must not hide 杭州市.
    const place = resolvePlace('杭州市某某新城区管委会');
    assert.deepEqual([place?.province, place?.city], ['浙江省', '杭州市']);
  });

  it('gives an autonomous county named by its short form its official name', () => {
    assert.equal(resolvePlace('关岭自治县永宁镇人民政府')?.district, '关岭布依族苗族自治县');
  });

  it('does not read a township for the county that carries its name elsewhere', () => {
    assert.equal(resolvePlace('钟祥镇人民政府'), null);
    assert.equal(resolvePlace('钟祥市人民政府')?.district, '钟祥市');
  });

  it('finds a province-level body', () => {
    const place = resolvePlace('上海市人民政府办公厅');
    assert.deepEqual([place?.province, place?.city, place?.district, place?.division.level], ['上海市', '上海市', null, 'province']);
  });

  it('returns null for text without a place', () => {
    assert.equal(resolvePlace('番茄炒蛋的做法'), null);
  });
});

describe('provincesMentioned', () => {
  it('counts full province names, most mentioned first', () => {
    assert.deepEqual(provincesMentioned('依托浙江省政务服务网，对接福建省和浙江省的平台'), [
      { province: '浙江省', count: 2 },
      { province: '福建省', count: 1 },
    ]);
  });
});
