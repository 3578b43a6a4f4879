/**
 * Which printed row is which template row. Printed rows keep the template's order even when a
 * converter separates labels from their cells (the 2024 科委 Markdown prints several value rows
 * before the labels they belong to), so printed rows are matched to template rows in order: a
 * labelled row only to the rows its label names, an unlabelled row to any row. A printed row is
 * assigned when every order-preserving matching of all rows puts it on the same template row.
 */

export interface AlignInput {
  /** Template positions the row may be; null when its label names nothing (any position). */
  candidates: number[] | null;
}

export interface Alignment {
  /** Template position per printed row, or null when not decided. */
  assigned: (number | null)[];
  /** Printed rows left out because no order-preserving matching could include them. */
  dropped: number[];
  /** Printed rows that could be more than one template row, with the positions they could be. */
  ambiguous: { row: number; positions: number[] }[];
}

/** Positions each row can take in some complete order-preserving matching of `rows`. */
function feasible(rows: (number[] | null)[], size: number): number[][] | null {
  const all = Array.from({ length: size }, (_, j) => j);
  const cand = rows.map((c) => c ?? all);
  const forward: number[][] = [];
  cand.forEach((c, i) => {
    const prev = forward[i - 1];
    forward.push(i === 0 ? c : c.filter((j) => (prev as number[]).some((p) => p < j)));
  });
  const backward = new Array<number[]>(cand.length);
  for (let i = cand.length - 1; i >= 0; i--) {
    const next = backward[i + 1];
    const here = cand[i] as number[];
    backward[i] = i === cand.length - 1 ? here : here.filter((j) => (next as number[]).some((n) => n > j));
  }
  const result = cand.map((_, i) => (forward[i] as number[]).filter((j) => (backward[i] as number[]).includes(j)));
  return result.every((r) => r.length > 0) ? result : null;
}

function fromFeasible(indices: number[], positions: number[][], total: number): Alignment {
  const assigned: (number | null)[] = Array.from({ length: total }, () => null);
  const ambiguous: Alignment['ambiguous'] = [];
  indices.forEach((rowIndex, k) => {
    const p = positions[k] as number[];
    if (p.length === 1) assigned[rowIndex] = p[0] as number;
    else ambiguous.push({ row: rowIndex, positions: p });
  });
  const dropped = Array.from({ length: total }, (_, i) => i).filter((i) => !indices.includes(i));
  return { assigned, dropped, ambiguous };
}

export function align(rows: AlignInput[], size: number): Alignment {
  const everyRow = rows.map((_, i) => i);
  const full = feasible(
    rows.map((r) => r.candidates),
    size,
  );
  if (full) return fromFeasible(everyRow, full, rows.length);

  // Unlabelled rows that cannot all fit are left out before any labelled row is.
  const labelled = everyRow.filter((i) => rows[i]?.candidates !== null);
  const onlyLabelled = feasible(
    labelled.map((i) => rows[i]?.candidates ?? null),
    size,
  );
  if (onlyLabelled) return fromFeasible(labelled, onlyLabelled, rows.length);

  // Labels out of order or repeated: keep rows whose label names one row, in increasing order.
  const kept: number[] = [];
  const keptPositions: number[][] = [];
  let last = -1;
  for (const i of labelled) {
    const c = rows[i]?.candidates ?? [];
    if (c.length === 1 && (c[0] as number) > last) {
      kept.push(i);
      keptPositions.push(c);
      last = c[0] as number;
    }
  }
  return fromFeasible(kept, keptPositions, rows.length);
}
