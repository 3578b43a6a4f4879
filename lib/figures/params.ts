/**
 * Reading single parameters the way the search schema reads its own: every name may repeat in
 * a URL, empty values count as absent, and a bad value names the parameter (→ 400).
 */
import { z } from 'zod';
import { InvalidParameterError } from '@/lib/search/errors';
import type { RawParams } from '@/lib/search/query-schema';
import type { ExportFormat } from './download';

/** Every non-empty value of `name`, trimmed. */
export function valuesOf(raw: RawParams, name: string): string[] {
  const value = raw instanceof URLSearchParams ? raw.getAll(name) : raw[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => item.trim()).filter((item) => item !== '');
}

/** A parameter given at most once; absent → the fallback; anything else is an InvalidParameterError. */
export function singleParam<T>(raw: RawParams, name: string, schema: z.ZodType<T>, fallback: T, rule: string): T {
  const given = valuesOf(raw, name);
  if (given.length === 0) return fallback;
  const parsed = schema.safeParse(given[0]);
  if (given.length > 1 || !parsed.success) throw new InvalidParameterError(name, rule);
  return parsed.data;
}

const FormatParam = z.enum(['json', 'csv']);

/** `format`: json (the default) or csv. */
export function parseFormat(raw: RawParams): ExportFormat {
  return singleParam(raw, 'format', FormatParam, 'json', 'json / csv 之一，只能给一次');
}
