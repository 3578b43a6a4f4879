import type { TextSegment } from '@/lib/search/highlight';

/** Highlight segments as React text: report text is never HTML, so it is never parsed as such. */
export function Marked({ segments }: { segments: readonly TextSegment[] }) {
  return <>{segments.map((segment, index) => (segment.highlighted ? <mark key={index}>{segment.text}</mark> : segment.text))}</>;
}
