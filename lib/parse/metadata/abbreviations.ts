/**
 * The short names government bodies go by (科委, 人社局, 政府办), and their full names: data, as
 * the bodies themselves use them in titles (`2024年上海市科委政府信息公开工作年度报告`). A title's
 * short name is written out only when the report's text does not spell the body out itself.
 */
const FULL_NAMES: Readonly<Record<string, string>> = {
  发改委: '发展和改革委员会',
  经信委: '经济和信息化委员会',
  科委: '科学技术委员会',
  教委: '教育委员会',
  卫健委: '卫生健康委员会',
  卫计委: '卫生和计划生育委员会',
  住建委: '住房和城乡建设委员会',
  建委: '建设委员会',
  交委: '交通委员会',
  农委: '农业委员会',
  商委: '商务委员会',
  民宗委: '民族宗教事务委员会',
  国资委: '国有资产监督管理委员会',
  人社局: '人力资源和社会保障局',
  住建局: '住房和城乡建设局',
  市监局: '市场监督管理局',
  市场监管局: '市场监督管理局',
  发改局: '发展和改革局',
  文旅局: '文化和旅游局',
  文广新局: '文化广电新闻出版局',
  卫健局: '卫生健康局',
  卫计局: '卫生和计划生育局',
  城管局: '城市管理局',
  应急局: '应急管理局',
  医保局: '医疗保障局',
  工信局: '工业和信息化局',
  科技局: '科学技术局',
  教体局: '教育和体育局',
  环保局: '环境保护局',
  资规局: '自然资源和规划局',
  海渔局: '海洋与渔业局',
  安监局: '安全生产监督管理局',
  食药监局: '食品药品监督管理局',
  质监局: '质量技术监督局',
  工商局: '工商行政管理局',
  政府办: '人民政府办公室',
  外办: '外事办公室',
  侨办: '侨务办公室',
  台办: '台湾事务办公室',
  金融办: '金融工作办公室',
  法制办: '法制办公室',
};

/** The longest short names first, so that 市场监管局 is not read as …局. */
const SHORT_NAMES = Object.keys(FULL_NAMES).sort((a, b) => b.length - a.length);

/** Every short name with the full name it stands for (the search box reads 科委 as these bodies). */
export function bodyShortNames(): ReadonlyArray<{ short: string; full: string }> {
  return SHORT_NAMES.map((short) => ({ short, full: FULL_NAMES[short]! }));
}

/** `上海市科委` → `上海市科学技术委员会`; a name without a known short name as it is. */
export function fullBodyName(name: string): string {
  const short = SHORT_NAMES.find((candidate) => name.endsWith(candidate) && name.length > candidate.length);
  return short ? name.slice(0, -short.length) + FULL_NAMES[short] : name;
}
