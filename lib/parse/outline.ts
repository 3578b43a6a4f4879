/**
 * The heading tree: which candidates are headings. A heading at a level must carry the next
 * numeral of that level (一 then 二 …; （一） restarts under each part), so `一是…二是…`, a
 * stray `1.` in a sentence or a table's own row numbers cannot pass for headings.
 *
 * Levels are read top-down: the body is split at the outermost numbered style present, each
 * part is split at the next style inside it, and so on. Annexes (`附件1：…统计表`) close the
 * numbered parts and stand beside them.
 */
import { categoryOfTitle } from './categories';
import { NESTING, type HeadingCandidate, type MarkerStyle } from './headings';

export interface OutlineNode {
  heading: HeadingCandidate;
  /** Where this section (its text and its children) ends. */
  end: number;
  children: OutlineNode[];
}

/**
 * A title shaped like one of the report's part titles (`收到和处理政府信息公开申请情况`,
 * `其他需要报告的事项`), as opposed to a table row label that happens to be numbered the same
 * way (`四、结转下年度继续办理`, `一、本年新收政府信息公开申请数量`).
 */
function isPartTitle(title: string): boolean {
  return categoryOfTitle(title) !== null && /(情况|事项|概述|问题|措施|统计表)$/.test(title);
}

/**
 * The headings of one style in [from, to): 1, 2, 3 … in order. Where a numeral has several
 * candidates before the next numeral's first one, the first wins, except at the top level,
 * where a part title wins over a table row label that carries the same numeral (`三、本年度办理
 * 结果` inside part 三, `四、结转下年度继续办理` before part 四). Also at the top level only, a
 * part title numbered out of sequence is accepted: reports slip (`五、` after `三、`) and some
 * restart their numbering for the tables (`一、主动公开政府信息情况` after `六、`).
 */
function selectSequence(candidates: HeadingCandidate[], topLevel: boolean): HeadingCandidate[] {
  const plausible = candidates.filter((c) => c.plausible);
  const chosen: HeadingCandidate[] = [];
  let expected = 1;
  let after = -1;
  for (;;) {
    const pool = plausible.filter((c) => c.start > after && c.numeral === expected);
    if (pool.length === 0) {
      const slip = topLevel ? plausible.find((c) => c.start > after && chosen.length > 0 && isPartTitle(c.title) && c.numeral <= expected + 2) : undefined;
      if (!slip) break;
      chosen.push(slip);
      expected = slip.numeral + 1;
      after = slip.start;
      continue;
    }
    const next = plausible.find((c) => c.start > pool[0]!.start && c.numeral === expected + 1);
    const window = pool.filter((c) => !next || c.start < next.start);
    const choice = (topLevel && window.find((c) => isPartTitle(c.title))) || window[0]!;
    chosen.push(choice);
    expected += 1;
    after = choice.start;
  }
  return chosen;
}

function splitRange(candidates: HeadingCandidate[], from: number, to: number, styles: MarkerStyle[], topLevel: boolean): OutlineNode[] {
  const inRange = candidates.filter((c) => c.start >= from && c.start < to);
  for (const [rank, style] of styles.entries()) {
    const sequence = selectSequence(
      inRange.filter((c) => c.style === style),
      topLevel,
    );
    if (sequence.length === 0) continue;
    const inner = styles.slice(rank + 1);
    return sequence.map((heading, i) => {
      const end = sequence[i + 1]?.start ?? to;
      const children = isStatisticsTable(heading) ? [] : splitRange(candidates, heading.bodyStart, end, inner, false);
      return { heading, end, children };
    });
  }
  return [];
}

/**
 * A part or annex that is a statistics table with its title (`附件1：…统计表`, `七、…统计表`):
 * its numbered rows (`1、政府网站公开数`) are table rows, not headings.
 */
function isStatisticsTable(heading: HeadingCandidate): boolean {
  return heading.style === 'annex' || /统计表$/.test(heading.title);
}

/** The plausible annex headings (`附件1：…`), which may only follow the report's first part. */
function annexes(candidates: HeadingCandidate[], after: number): HeadingCandidate[] {
  return candidates.filter((c) => c.style === 'annex' && c.plausible && c.start > after);
}

export function buildOutline(candidates: HeadingCandidate[], length: number): OutlineNode[] {
  const firstPart = splitRange(candidates, 0, length, NESTING, true)[0];
  const annexList = firstPart ? annexes(candidates, firstPart.heading.start) : [];
  const mainEnd = annexList[0]?.start ?? length;
  const parts = splitRange(candidates, 0, mainEnd, NESTING, true);
  const annexNodes = annexList.map((heading, i): OutlineNode => {
    const end = annexList[i + 1]?.start ?? length;
    const children = isStatisticsTable(heading) ? [] : splitRange(candidates, heading.bodyStart, end, NESTING.slice(1), false);
    return { heading, end, children };
  });
  return [...parts, ...annexNodes];
}
