/**
 * Charts rendered on the server with Apache ECharts' SSR SVG renderer, so they appear without
 * JavaScript. Report text (place names, measure labels) only ever goes into ECharts *text*
 * options, which ECharts escapes as XML text; style options (fonts, colours) are written into
 * attributes unescaped, so only constants go there. The accessible name is added here, escaped.
 */
import * as echarts from 'echarts';

/** A figure on a chart; `marked` figures (inferred, or in a table that fails its checks) get a distinct symbol. */
export interface ChartPoint {
  value: number;
  marked: boolean;
}

export interface TrendLine {
  name: string;
  /** One per year of the chart, in order; null is a gap (the line is not drawn across it). */
  points: ReadonlyArray<ChartPoint | null>;
  /** Indexes (into `points`) where the measure's meaning changed: the line starts again there. */
  breaksBefore: ReadonlySet<number>;
}

export interface TrendChartSpec {
  title: string;
  unit: string;
  years: readonly number[];
  lines: readonly TrendLine[];
}

export interface BarChartSpec {
  title: string;
  unit: string;
  bars: ReadonlyArray<{ name: string; point: ChartPoint | null }>;
}

export interface RenderedChart {
  /** SVG markup with role="img", aria-label and <title>. */
  svg: string;
  /** The same SVG as a data: URI for an <img>. */
  dataUri: string;
  /** Text alternative: what the chart shows; the data table next to it has every figure. */
  alt: string;
}

/** Unquoted on purpose: ECharts writes font-family into a double-quoted style attribute without escaping. */
const FONT_FAMILY = 'Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, sans-serif';
const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#475569', '#9333ea'];
const MARKED_SYMBOL = 'triangle';
const MARKED_BAR_STYLE = { opacity: 0.5, borderColor: '#111827', borderType: 'dashed', borderWidth: 1 } as const;
/** Wide for a desktop column; narrow for a phone, drawn at about the size it is shown so its labels stay 12 px. */
export const CHART_SIZES = { wide: { width: 760, height: 380 }, narrow: { width: 360, height: 440 } } as const;
export type ChartSize = keyof typeof CHART_SIZES;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Puts the accessible name on the root element: role="img", aria-label and a <title> child. */
function withAccessibleName(svg: string, name: string): string {
  const label = escapeXml(name);
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${label}"`).replace(/^(<svg[^>]*>)/, `$1<title>${label}</title>`);
}

function render(option: echarts.EChartsCoreOption, alt: string, size: ChartSize): RenderedChart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZES[size] });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    const svg = withAccessibleName(chart.renderToSVGString(), alt);
    return { svg, dataUri: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt };
  } finally {
    chart.dispose();
  }
}

function pointDatum(point: ChartPoint | null) {
  if (point === null) return null;
  return point.marked ? { value: point.value, symbol: MARKED_SYMBOL, symbolSize: 11 } : point.value;
}

/** Consecutive runs of a line between its breaks, as [start, end) index ranges. */
function segments(line: TrendLine, length: number): Array<[number, number]> {
  const starts = [0, ...[...line.breaksBefore].filter((index) => index > 0 && index < length).sort((a, b) => a - b)];
  return starts.map((start, position) => [start, starts[position + 1] ?? length]);
}

/**
 * One line per place over the years. A line is cut where the measure's meaning changed (each
 * run is its own ECharts series, with the place's name and colour), and the year where a new
 * meaning starts carries a vertical 口径变化 mark.
 */
export function renderTrendChart(spec: TrendChartSpec, size: ChartSize = 'wide'): RenderedChart {
  const length = spec.years.length;
  const breakIndexes = [...new Set(spec.lines.flatMap((line) => [...line.breaksBefore]))].sort((a, b) => a - b);
  const series = spec.lines.flatMap((line, lineIndex) =>
    segments(line, length).map(([start, end], segmentIndex) => ({
      type: 'line' as const,
      name: line.name,
      color: PALETTE[lineIndex % PALETTE.length],
      connectNulls: false,
      data: line.points.map((point, index) => (index >= start && index < end ? pointDatum(point) : null)),
      ...(lineIndex === 0 && segmentIndex === 0 && breakIndexes.length > 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: '#6b7280' },
              label: { formatter: '口径变化', color: '#374151' },
              data: breakIndexes.map((index) => ({ xAxis: index })),
            },
          }
        : {}),
    })),
  );
  return render(
    {
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 15 } },
      legend: { bottom: 0, type: 'plain' },
      grid: size === 'wide' ? { left: 64, right: 32, top: 56, bottom: 72 } : { left: 48, right: 16, top: 56, bottom: 150 },
      xAxis: { type: 'category', data: spec.years.map(String) },
      yAxis: { type: 'value', name: spec.unit },
      series,
    },
    `折线图：${spec.title}（${spec.years[0] ?? ''}–${spec.years.at(-1) ?? ''}年，${spec.lines.map((line) => line.name).join('、')}）。各数值见图旁的数据表。`,
    size,
  );
}

/** One bar per place, for a single year. */
export function renderBarChart(spec: BarChartSpec, size: ChartSize = 'wide'): RenderedChart {
  return render(
    {
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 15 } },
      grid: size === 'wide' ? { left: 64, right: 32, top: 56, bottom: 96 } : { left: 48, right: 16, top: 56, bottom: 150 },
      xAxis: {
        type: 'category',
        data: spec.bars.map((bar) => bar.name),
        axisLabel: { interval: 0, rotate: spec.bars.length > 4 || size === 'narrow' ? 30 : 0 },
      },
      yAxis: { type: 'value', name: spec.unit },
      series: [
        {
          type: 'bar',
          data: spec.bars.map(({ point }) => (point === null ? null : point.marked ? { value: point.value, itemStyle: MARKED_BAR_STYLE } : point.value)),
        },
      ],
    },
    `柱状图：${spec.title}（${spec.bars.map((bar) => bar.name).join('、')}）。各数值见图旁的数据表。`,
    size,
  );
}
