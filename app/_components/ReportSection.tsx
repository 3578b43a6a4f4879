import type { Section } from '@/lib/report/schema';
import { highlightWords } from '@/lib/search/highlight';
import { CopyLink } from './CopyLink';
import { Marked } from './Marked';

function Heading({ depth, id, children }: { depth: number; id: string; children: React.ReactNode }) {
  const className = 'font-semibold';
  if (depth <= 1) return <h2 id={id} className={`${className} text-xl`}>{children}</h2>;
  if (depth === 2) return <h3 id={id} className={`${className} text-lg`}>{children}</h3>;
  return <h4 id={id} className={className}>{children}</h4>;
}

/** One section: its heading (with a link control) and its own text, query words marked. */
export function ReportSection({ section, words }: { section: Section; words: string[] }) {
  const headingId = `${section.anchor}-heading`;
  const paragraphs = section.text.split('\n').filter((line) => line.trim() !== '');
  return (
    <section id={section.anchor} aria-labelledby={section.heading ? headingId : undefined} className="space-y-2 p-1">
      {section.heading && (
        <Heading depth={section.depth} id={headingId}>
          <Marked segments={highlightWords(section.heading, words)} />
          <CopyLink anchor={section.anchor} label={section.heading} />
        </Heading>
      )}
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="text-slate-800">
          <Marked segments={highlightWords(paragraph, words)} />
        </p>
      ))}
    </section>
  );
}
