import type { RowValueView } from '@/lib/search/view';
import { formatFigure } from '../_lib/format';

/** A table row's figures as a one-row table (scrolls sideways on a phone, inside its positioned box). */
export function RowFigures({ label, values }: { label: string; values: RowValueView[] }) {
  if (values.length === 0) return <p className="text-sm text-slate-600">这一行没有读出数字。</p>;
  return (
    <div className="relative overflow-x-auto" role="region" aria-label={`${label}的数字`} tabIndex={0}>
      <table className="figures border-collapse text-sm">
        <thead>
          <tr>
            {values.map((value) => (
              <th key={value.column} scope="col">
                {value.column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {values.map((value) => (
              <td key={value.column}>
                {formatFigure(value.value)}
                {value.unit ?? ''}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
