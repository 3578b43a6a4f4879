import { CHART_SIZES } from '@/lib/figures/chart';
import { MAX_CHART_LINES, type ComparisonChart } from '@/lib/figures/comparison-chart';

/**
 * The server-rendered chart as an <img> with a data: URI: the SVG is ECharts' output, and an
 * image can run nothing and needs no inline style (the page's CSP allows `img-src data:`, not
 * inline styles), so the library's markup never enters the page's DOM. The alt text says what
 * the chart shows; the table below it (referenced by aria-describedby) has every figure. A plain
 * <img>, not next/image: there is nothing to optimise in a data: URI.
 */
export function ComparisonChartFigure({ chart, tableCaptionId, totalPlaces }: { chart: ComparisonChart; tableCaptionId: string; totalPlaces: number }) {
  return (
    <figure className="space-y-2">
      {/* A phone gets the chart drawn for its width, so the labels keep their 12 px. */}
      <picture>
        <source media="(max-width: 40rem)" srcSet={chart.narrow.dataUri} width={CHART_SIZES.narrow.width} height={CHART_SIZES.narrow.height} />
        <img
          src={chart.dataUri}
          alt={chart.alt}
          aria-describedby={tableCaptionId}
          width={CHART_SIZES.wide.width}
          height={CHART_SIZES.wide.height}
          className="h-auto w-full max-w-3xl"
        />
      </picture>
      <figcaption className="text-sm text-slate-600">
        {chart.kind === 'trend'
          ? '三角形的点是推算值或所在表格勾稽不符的数值；竖虚线标出口径变化，折线在此断开；缺值处不画点。'
          : '半透明、虚线框的柱是推算值或所在表格勾稽不符的数值；缺值处没有柱。'}
        {totalPlaces > chart.places && ` 图中只画前 ${MAX_CHART_LINES} 个发布机关，表格中有全部 ${totalPlaces} 个。`}
        {chart.otherUnit > 0 && ` 有 ${chart.otherUnit} 个数值的单位与图中不同，未画入图中（见表格）。`}
      </figcaption>
    </figure>
  );
}
