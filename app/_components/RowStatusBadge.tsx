import type { RowStatus } from '@/lib/report/schema';

const LABELS: Record<Exclude<RowStatus, 'read'>, { text: string; className: string }> = {
  inferred: { text: '推算', className: 'border-amber-500 bg-amber-50 text-amber-900' },
  unreadable: { text: '无法读取', className: 'border-red-500 bg-red-50 text-red-900' },
};

/** Marks a row whose figures were not all read as printed; `note` says why. */
export function RowStatusBadge({ status, note }: { status: RowStatus | undefined; note?: string | null }) {
  if (!status || status === 'read') return null;
  const { text, className } = LABELS[status];
  return (
    <span className={`inline-block rounded border px-1.5 text-xs font-medium leading-5 ${className}`} title={note ?? undefined}>
      {text}
      {note ? <span className="sr-only">：{note}</span> : null}
    </span>
  );
}
