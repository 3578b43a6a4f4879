import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfPagesToLines, type PositionedText } from './pdf-lines';

/** A piece of text as a PDF sets it: Chinese characters one em wide, digits and Latin half. */
function piece(text: string, x: number, y: number, fontSize = 16): PositionedText {
  const ems = [...text].reduce((sum, char) => sum + (char.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
  return { text, x, y, width: ems * fontSize, fontSize };
}

const LEFT = 74;
const CHARS_PER_LINE = 28;
/** A line of 16pt Chinese that fills the text width: `start`, filler, `end`. */
const fullLine = (start: string, end = '') => start + '字'.repeat(CHARS_PER_LINE - start.length - end.length) + end;
const FULL_LINE = fullLine('正文', '。');

/** Full-width body lines low on the page: they set the text's left and right edges. */
const bodyFrame = () => [0, 1, 2, 3].map((i) => piece(FULL_LINE, LEFT, 200 - 28 * i));
const page = (items: PositionedText[]) => ({ items: [...items, ...bodyFrame()], height: 842 });
const withoutFrame = (lines: string[]) => lines.filter((line) => line !== FULL_LINE);

describe('PDF line reconstruction', () => {
  it('puts pieces on one baseline into one line, in x order, whatever the stream order', () => {
    const { lines } = pdfPagesToLines([page([piece('情况', LEFT + 64, 700), piece('一、总体', LEFT, 700), piece('正文', LEFT, 670)])]);
    assert.deepEqual(withoutFrame(lines), ['一、总体情况', '正文']);
  });

  it('separates cells by a tab where the gap is wide, and keeps a label with numbers set in a larger size', () => {
    const { lines } = pdfPagesToLines([
      page([
        piece('一、本年新收政府信息公开申请数量', 77, 330.2, 10),
        piece('95', 318.7, 328.7, 14.1),
        piece('0', 352.2, 328.7, 14.1),
        piece('95', 492.4, 328.7, 14.1),
      ]),
    ]);
    assert.deepEqual(withoutFrame(lines), ['一、本年新收政府信息公开申请数量\t95\t0\t95']);
  });

  it('joins pieces of one number or word with no gap, and does not space Chinese', () => {
    const { lines } = pdfPagesToLines([page([piece('202', LEFT, 700), piece('4', LEFT + 24, 700), piece('年', LEFT + 32, 700)])]);
    assert.deepEqual(withoutFrame(lines), ['2024年']);
  });

  it('drops page numbers in their usual forms, and a bare number only in the page margin', () => {
    const { lines, droppedPageNumbers } = pdfPagesToLines([
      page([piece('正文', LEFT, 700), piece('12', 300, 400), piece('- 1 -', 280, 40, 13)]),
      page([piece('— 2 —', 280, 40, 13), piece('3', 300, 20)]),
    ]);
    assert.deepEqual(withoutFrame(lines), ['正文', '12']);
    assert.deepEqual(droppedPageNumbers, ['- 1 -', '— 2 —', '3']);
  });

  it('joins a paragraph line that runs to the right edge with the unindented line after it', () => {
    const first = fullLine('本报告根据').slice(0, CHARS_PER_LINE - 2); // indented: a paragraph starts
    const second = fullLine('所列数据');
    const unpunctuated = fullLine('（一）写满一行却没有标点');
    const { lines } = pdfPagesToLines([
      page([
        piece(first, LEFT + 32, 700),
        piece(second, LEFT, 672),
        piece('均已核对。', LEFT, 644),
        piece('二、主动公开', LEFT + 32, 616),
        piece(unpunctuated, LEFT, 588),
        piece('（二）缩进的下一段', LEFT + 32, 560),
      ]),
    ]);
    assert.deepEqual(withoutFrame(lines), [`${first}${second}均已核对。`, '二、主动公开', unpunctuated, '（二）缩进的下一段']);
  });

  it('never joins after sentence-final punctuation, nor a table row', () => {
    const { lines } = pdfPagesToLines([
      page([
        piece(fullLine('这一句在行末结束', '。'), LEFT, 700),
        piece('下一句从行首开始', LEFT, 672),
        piece('行政许可', LEFT, 644),
        piece('9487', LEFT + 420, 644),
        piece('行政处罚', LEFT, 616),
      ]),
    ]);
    assert.deepEqual(withoutFrame(lines), [fullLine('这一句在行末结束', '。'), '下一句从行首开始', '行政许可\t9487', '行政处罚']);
  });

  it('joins a title set larger than the body over two lines', () => {
    const { lines } = pdfPagesToLines([page([piece('淮安市洪泽区人民政府', 186, 740, 22), piece('2024年政府信息公开工作年度报告', 128, 712, 22)])]);
    assert.equal(lines[0], '淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
  });

  it('continues a paragraph across a page break', () => {
    const lastLine = fullLine('这一段在第一页的最后一行');
    const { lines } = pdfPagesToLines([
      { items: [...bodyFrame(), piece(lastLine, LEFT, 80), piece('- 1 -', 280, 40, 13)], height: 842 },
      { items: [piece('在下一页接着写完。', LEFT, 780)], height: 842 },
    ]);
    assert.deepEqual(withoutFrame(lines), [`${lastLine}在下一页接着写完。`]);
  });
});
