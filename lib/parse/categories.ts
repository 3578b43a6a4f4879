/**
 * 公开类别 of a section: decided by keywords of its own heading first, then of its parents'
 * (a `（二）主要做法` under `一、总体情况` is 总体情况). First matching rule wins, so the order
 * settles titles that name two things (`政府信息公开行政复议、行政诉讼情况` is 复议诉讼, not 主动公开).
 */
import type { Category } from '@/lib/report/schema';

const RULES: Array<{ category: Category; pattern: RegExp }> = [
  { category: '其他', pattern: /其他需要报告|其它需要报告/ },
  { category: '复议诉讼', pattern: /复议|诉讼/ },
  { category: '问题与改进', pattern: /问题|改进|不足/ },
  { category: '收费减免', pattern: /收费|减免|处理费/ },
  { category: '依申请公开', pattern: /依申请|公开申请|申请公开|收到和处理/ },
  { category: '主动公开', pattern: /主动公开/ },
  { category: '政府信息管理', pattern: /政府信息管理/ },
  { category: '平台建设', pattern: /平台|载体|网站|新媒体/ },
  { category: '政府信息管理', pattern: /管理/ },
  { category: '监督保障', pattern: /监督|保障|考核|培训/ },
  { category: '总体情况', pattern: /概述|总体情况|基本情况/ },
];

/** The category a heading's own words name, or null when they name none. */
export function categoryOfTitle(title: string): Category | null {
  return RULES.find((rule) => rule.pattern.test(title))?.category ?? null;
}

/**
 * The category of a section from its heading path (outermost first): its own heading, else the
 * nearest parent's that names one. A part whose heading names none is 其他; the preamble (no
 * heading) introduces the whole report: 总体情况.
 */
export function categoryOfPath(headingPath: string[]): Category {
  if (headingPath.length === 0) return '总体情况';
  for (let i = headingPath.length - 1; i >= 0; i--) {
    const category = categoryOfTitle(headingPath[i]!);
    if (category) return category;
  }
  return '其他';
}
