import type { Ranking } from '@/lib/figures/compare-data';
import { compareHref, type CompareQuery } from '@/lib/figures/compare-params';
import type { ValueSort } from '@/lib/figures/ranking';
import { formatCount } from '../../_lib/format';
import { FigureValue } from './FigureValue';

/** The other direction, as a link on the figure column's header. */
function SortHeader({ query, sort }: { query: CompareQuery; sort: ValueSort }) {
  const other: ValueSort = sort === 'value-desc' ? 'value-asc' : 'value-desc';
  return (
    <th scope="col" aria-sort={sort === 'value-desc' ? 'descending' : 'ascending'} className="border border-slate-200 px-2 py-1 text-right">
      <a href={compareHref({ ...query, sort: other })} className="text-accent underline underline-offset-4">
        数值 {sort === 'value-desc' ? '↓' : '↑'}
        <span className="sr-only">
          （当前{sort === 'value-desc' ? '从大到小' : '从小到大'}，点击改为{other === 'value-desc' ? '从大到小' : '从小到大'}）
        </span>
      </a>
    </th>
  );
}

/**
 * One year, every place under the filters ordered by the figure, with its rank (ties share
 * one); places without a figure come last, unranked, with the reason. Each figure links to its
 * table row; each place to its own series over the years.
 */
export function RankingTable({ ranking, query, sort, shown }: { ranking: Ranking; query: CompareQuery; sort: ValueSort; shown: number }) {
  const { year, ranked, total, withFigure } = ranking;
  return (
    <div className="space-y-2">
      <div className="table-scroll relative overflow-x-auto" role="region" aria-label="排名表（可横向滚动）" tabIndex={0}>
        <table className="min-w-full border-collapse text-sm">
          <caption className="mb-2 text-left font-medium">
            {year}年 {query.measure.label}：{sort === 'value-desc' ? '从大到小' : '从小到大'}排名（共 {formatCount(total)} 份报告，{formatCount(withFigure)}{' '}
            份有数值）
          </caption>
          <thead>
            <tr className="bg-slate-50">
              <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                名次
              </th>
              <th scope="col" className="border border-slate-200 px-2 py-1 text-left">
                <a href={compareHref({ ...query, sort: 'place' })} className="text-accent underline underline-offset-4">
                  发布机关<span className="sr-only">（改为各地逐年对比）</span>
                </a>
              </th>
              <SortHeader query={query} sort={sort} />
            </tr>
          </thead>
          <tbody>
            {ranked.map(({ rank, observation }) => (
              <tr key={observation.reportId} data-rank={rank ?? ''}>
                <td className="border border-slate-200 px-2 py-1 text-right tabular-nums">{rank ?? '—'}</td>
                <th scope="row" className="border border-slate-200 px-2 py-1 text-left font-normal">
                  <a
                    href={compareHref({
                      ...query,
                      sort: 'place',
                      filters: { ...query.filters, year: [], issuer: [observation.place.issuer], province: [observation.place.province] },
                    })}
                    className="underline-offset-4 hover:underline"
                    title="查看这个发布机关的历年数值"
                  >
                    {observation.place.issuer}
                  </a>
                  <span className="block text-xs text-slate-500">
                    {[observation.place.province, observation.place.city, observation.place.district, observation.place.level].filter(Boolean).join(' · ')}
                  </span>
                </th>
                <td className="border border-slate-200 px-2 py-1 text-right">
                  <FigureValue reportId={observation.reportId} figure={observation.figure} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > shown && (
        <p className="text-sm text-slate-600">
          这里列出前 {formatCount(shown)} 名；下载可得全部 {formatCount(total)} 份报告的排名。
        </p>
      )}
    </div>
  );
}
