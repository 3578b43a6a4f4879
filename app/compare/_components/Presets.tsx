import { PRESETS, presetHref } from '@/lib/figures/presets';

/** One-click answers to the questions asked most (home page and /compare). */
export function Presets({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="presets-title" className="space-y-2">
      <Heading id="presets-title" className="text-lg font-semibold">
        常见问题，一键对比
      </Heading>
      <ul className="flex flex-wrap gap-2">
        {PRESETS.map((preset) => (
          <li key={preset.question}>
            <a
              href={presetHref(preset)}
              data-preset={preset.measureId}
              className="inline-block rounded-full border border-accent/40 bg-blue-50 px-3 py-1 text-sm text-accent no-underline hover:bg-blue-100"
            >
              {preset.question}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
