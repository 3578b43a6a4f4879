import { UNMARKED, type Layout, type MetaSource, type ParsedReport } from '@/lib/report/schema';
import { DEFAULT_QUERY } from '@/lib/search/query-defaults';
import { searchHref, withFacetValues } from '@/lib/search/url';

const LAYOUT_LABELS: Record<Layout, string> = {
  'pre-2019': '2019 年以前的自由格式',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
  '2021': '2021 年格式（国办公开办函〔2021〕30号）',
};

/** Where a field was read from, said where it is not the title or a hand-made manifest. */
const SOURCE_LABELS: Partial<Record<MetaSource, string>> = {
  header: '取自网页信息',
  'statistics-period': '取自统计期限',
  sentence: '取自正文中的报告名称',
  body: '取自正文',
  'published-date': '按发布日期推定',
  url: '取自网页地址',
  'file-name': '取自文件名',
};

function Source({ source }: { source: MetaSource | undefined }) {
  const label = source && SOURCE_LABELS[source];
  return label ? <span className="ml-2 text-xs text-slate-500">（{label}）</span> : null;
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** The report's metadata and where it came from. */
export function ReportMeta({ parsed }: { parsed: ParsedReport }) {
  const { report, rows, checks } = parsed;
  const count = (status: string) => rows.filter((row) => row.status === status).length;
  const failed = checks.filter((check) => !check.ok).length;
  // Each part of the place links to the search filtered by it (a city repeated as its province, 上海市, once).
  const place = (
    [
      ['province', report.province],
      ['city', report.city],
      ['district', report.district],
    ] as const
  ).filter(([, part], index, parts) => part && parts.findIndex(([, other]) => other === part) === index);
  return (
    <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[7rem_1fr]">
      <Item term="发布机关">
        {report.issuer ?? UNMARKED}
        <Source source={report.sources.issuer} />
      </Item>
      <Item term="报告年度">
        {report.year === null ? UNMARKED : `${report.year}年`}
        <Source source={report.sources.year} />
      </Item>
      <Item term="地区">
        {place.length > 0
          ? place.map(([facet, part], index) => (
              <span key={facet}>
                {index > 0 && ' › '}
                <a
                  href={searchHref(withFacetValues(DEFAULT_QUERY, facet, [part!]))}
                  data-place={facet}
                  className="text-accent underline-offset-4 hover:underline"
                >
                  {part}
                </a>
              </span>
            ))
          : UNMARKED}
        <Source source={report.sources.place} />
      </Item>
      <Item term="层级">{report.level ?? UNMARKED}</Item>
      <Item term="格式">{LAYOUT_LABELS[report.layout]}</Item>
      {report.publishedAt && <Item term="发布时间">{report.publishedAt}</Item>}
      <Item term="原文">
        {report.sourceUrl ? (
          <a href={report.sourceUrl} rel="noopener noreferrer nofollow" className="break-all text-accent underline underline-offset-4">
            {report.sourceUrl}
          </a>
        ) : (
          '未注明'
        )}
      </Item>
      <Item term="来源文件">
        {/* Repository paths and commits are long: folded, so they do not fill a phone's first screen. */}
        <details>
          <summary className="cursor-pointer text-slate-700">查看文件与出处</summary>
          <code className="break-all">{report.sourceFile}</code>
          {report.provenance && <span className="block break-all text-slate-600">{report.provenance}</span>}
        </details>
      </Item>
      {rows.length > 0 && (
        <Item term="表格读取">
          {rows.length} 行：原文读取 {count('read')}，推算 {count('inferred')}，无法读取 {count('unreadable')}
          {checks.length > 0 && `；勾稽关系检查 ${checks.length} 项，未通过 ${failed} 项`}
        </Item>
      )}
    </dl>
  );
}
