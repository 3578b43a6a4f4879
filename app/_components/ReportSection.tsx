import type { Section } from '@/lib/report/schema';
import { highlightWords } from '@/lib/search/highlight';
import { CopyLink } from './CopyLink';
import { Marked } from './Marked';

function Heading({ level, id, children }: { level: number; id: string; children: React.ReactNode }) {
  const className = 'font-semibold';
  if (level <= 2)
    return (
      <h2 id={id} className={`${className} text-xl`}>
        {children}
      </h2>
    );
  if (level === 3)
    return (
      <h3 id={id} className={`${className} text-lg`}>
        {children}
      </h3>
    );
  return (
    <h4 id={id} className={className}>
      {children}
    </h4>
  );
}

/**
 * One section: its heading at `level` (report-layout.ts headingLevels), the link control beside
 * it (outside the heading, whose name is its text alone), and its own text, query words marked.
 */
export function ReportSection({ section, level, words }: { section: Section; level: number | null; words: string[] }) {
  const headingId = `${section.anchor}-heading`;
  const paragraphs = section.text.split('\n').filter((line) => line.trim() !== '');
  return (
    <section id={section.anchor} aria-labelledby={section.heading ? headingId : undefined} className="space-y-2 p-1">
      {section.heading && (
        <div className="flex items-baseline gap-1">
          <Heading level={level ?? 2} id={headingId}>
            <Marked segments={highlightWords(section.heading, words)} />
          </Heading>
          <CopyLink anchor={section.anchor} label={section.heading} />
        </div>
      )}
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="text-slate-800">
          <Marked segments={highlightWords(paragraph, words)} />
        </p>
      ))}
    </section>
  );
}
