/**
 * Choosing among readings and filling cells with the identities, and nothing else.
 *
 * Counts are whole numbers and never negative, so an identity fixes a cell in two cases only:
 * it is the one unknown in the identity (then it is the difference, if that is a whole number
 * ≥ 0), or every unknown is on the same side and the known cells already balance (then each
 * unknown is 0). A row with several readings keeps the readings that agree with every value the
 * identities require of it; it is decided when those readings agree on every cell. Anything the
 * identities do not fix stays unknown. Each filled cell and each decided row remembers the rule.
 */
import type { ReadCell, Reading, RowReadings } from './glued';
import { quotedRules } from './identities';

export interface Term {
  row: number;
  col: number;
  coef: 1 | -1;
}

export interface Equation {
  rule: string;
  terms: Term[];
}

export interface SolverInput {
  /** The row's readings (none when the row could not be read at all). */
  readings: Reading[];
  /** The source states the cells: its one reading is read, not chosen. */
  certain: boolean;
  /** Why there is no reading, when `readings` is empty. */
  reason: string | null;
  /**
   * A rule of the table's form to fall back on when the identities leave the row open: the
   * readings it keeps, and what it is, for the row's note. Never used while the identities decide.
   */
  prefer?: { keeps: (reading: Reading) => boolean; note: string };
}

/** A row's readings as solver input: certain when the source stated every cell, one way. */
export function fromReadings(r: RowReadings): SolverInput {
  return { readings: r.readings, certain: !r.split && !r.placed && !r.extraBlanks && r.readings.length === 1, reason: r.reason };
}

/** Marks a printed cell of a row whose reading the identities chose among several. */
export const CHOSEN = 'chosen';

export interface SolvedCell extends ReadCell {
  /** null when read; CHOSEN (see `SolvedRow.chosenBy`); otherwise the rule that gave the value. */
  inferredBy: string | null;
}

export interface SolvedRow {
  cells: (SolvedCell | undefined)[];
  /** Rules that chose this row's reading among several. */
  chosenBy: string[];
  /** For a row not decided: why. */
  unresolved: string | null;
  /** For a row decided only in part: the columns left open. */
  openColumns: number[];
  /** Number of readings the source allowed before the identities were applied. */
  readingCount: number;
  /** The rule of the table's form that narrowed the row when the identities could not (SolverInput.prefer). */
  assumed: string | null;
}

interface Requirement {
  /** NaN when two identities require different values. */
  value: number;
  rules: string[];
}

const EPSILON = 1e-9;

/** A reading breaks an equation on its own row only if every cell of it is printed. */
function violates(reading: Reading, eq: Equation): boolean {
  let sum = 0;
  for (const t of eq.terms) {
    const c = reading[t.col];
    if (!c) return false;
    sum += t.coef * c.value;
  }
  return Math.abs(sum) > EPSILON;
}

const key = (r: Reading) => JSON.stringify(r.map((c) => (c ? c.value : null)));

class Solver {
  readonly rows: SolvedRow[];
  /** Rows with several readings still possible, and the rules that have narrowed them. */
  private readonly open = new Map<number, { readings: Reading[]; chosenBy: Set<string> }>();

  constructor(
    private readonly inputs: SolverInput[],
    private readonly equations: Equation[],
    ncols: number,
  ) {
    this.rows = inputs.map((input) => ({
      cells: Array.from({ length: ncols }, () => undefined),
      chosenBy: [],
      unresolved: input.readings.length === 0 ? input.reason : null,
      openColumns: [],
      readingCount: input.readings.length,
      assumed: null,
    }));
    inputs.forEach((input, r) => this.start(input, r));
  }

  private row(r: number): SolvedRow {
    return this.rows[r] as SolvedRow;
  }

  private fix(r: number, reading: Reading, inferredBy: (col: number) => string | null): void {
    reading.forEach((c, col) => {
      if (c) this.row(r).cells[col] = { ...c, inferredBy: inferredBy(col) };
    });
    this.open.delete(r);
  }

  /** A certain reading is fixed; other readings are first narrowed by the row's own identities. */
  private start(input: SolverInput, r: number): void {
    if (input.readings.length === 0) return;
    if (input.certain && input.readings.length === 1) return this.fix(r, input.readings[0] as Reading, () => null);
    const own = this.equations.filter((eq) => eq.terms.every((t) => t.row === r));
    const kept = input.readings.filter((reading) => !own.some((eq) => violates(reading, eq)));
    if (kept.length === 0) {
      const rules = quotedRules([...new Set(own.map((eq) => eq.rule))]);
      const count = input.readings.length;
      this.row(r).unresolved = count === 1 ? `唯一的读法不满足${rules}` : `${count} 种读法都不满足${rules}`;
      return;
    }
    const narrowing = own.filter((eq) => input.readings.some((reading) => violates(reading, eq)));
    this.open.set(r, { readings: kept, chosenBy: new Set(narrowing.map((eq) => eq.rule)) });
  }

  /**
   * A cell's value when it is certain: read or inferred in a decided row, or the same in every
   * reading still open for its row (`8 0 8` placed every way that prints the total: the total is 8).
   */
  private known(t: Term): SolvedCell | undefined {
    const state = this.open.get(t.row);
    if (!state) return this.row(t.row).cells[t.col];
    const first = state.readings[0]?.[t.col];
    if (!first || !state.readings.every((reading) => reading[t.col]?.value === first.value)) return undefined;
    return { ...first, inferredBy: CHOSEN };
  }

  private dead(t: Term): boolean {
    return !this.open.has(t.row) && this.row(t.row).unresolved !== null;
  }

  /** Fills cells of decided rows; returns what the identities require of open rows' cells. */
  private propagate(): { changed: boolean; required: Map<number, Map<number, Requirement>> } {
    let changed = false;
    const required = new Map<number, Map<number, Requirement>>();
    for (const eq of this.equations) {
      if (eq.terms.some((t) => this.dead(t))) continue;
      const unknown = eq.terms.filter((t) => this.known(t) === undefined);
      if (unknown.length === 0) continue;
      const sum = eq.terms.reduce((s, t) => s + t.coef * (this.known(t)?.value ?? 0), 0);
      let value: number | null = null;
      if (unknown.length === 1) {
        const x = -sum / (unknown[0] as Term).coef + 0; // + 0 turns -0 into 0
        if (Number.isInteger(x) && x >= 0) value = x;
      } else if (unknown.every((t) => t.coef === (unknown[0] as Term).coef) && Math.abs(sum) < EPSILON) {
        value = 0;
      }
      if (value === null) continue;
      for (const t of unknown) {
        if (!this.open.has(t.row)) {
          this.row(t.row).cells[t.col] = { value, unit: null, inferredBy: eq.rule };
          changed = true;
          continue;
        }
        const forRow = required.get(t.row) ?? new Map<number, Requirement>();
        const prior = forRow.get(t.col);
        forRow.set(t.col, {
          value: prior && prior.value !== value ? NaN : value,
          rules: [...(prior?.rules ?? []), eq.rule],
        });
        required.set(t.row, forRow);
      }
    }
    return { changed, required };
  }

  /** Keeps the readings of an open row that agree with the required values; decides it if one remains. */
  private narrow(r: number, req: Map<number, Requirement>): boolean {
    const state = this.open.get(r);
    if (!state) return false;
    const rules = [...new Set([...req.values()].flatMap((v) => v.rules))];
    const agrees = (reading: Reading) => [...req].every(([col, v]) => !reading[col] || reading[col]?.value === v.value);
    const fits = state.readings.filter(agrees);
    const fill = (reading: Reading): Reading =>
      reading.map((c, col) => {
        const required = req.get(col);
        return c ?? (required ? { value: required.value, unit: null } : null);
      });
    const completed = new Map(fits.map((reading) => [key(fill(reading)), fill(reading)] as const));
    if (completed.size === 0) {
      this.row(r).unresolved = `${state.readings.length} 种读法都不符合${quotedRules(rules)}要求的数值`;
      this.open.delete(r);
      return true;
    }
    if (completed.size === 1) {
      this.row(r).chosenBy = [...new Set([...state.chosenBy, ...rules])];
      // A cell that no remaining reading prints was given by the identity that required it.
      const printed = (col: number) => fits.some((reading) => reading[col]);
      this.fix(r, [...completed.values()][0] as Reading, (col) => (printed(col) ? CHOSEN : ((req.get(col) as Requirement).rules[0] as string)));
      return true;
    }
    if (fits.length === state.readings.length) return false;
    state.readings = fits;
    rules.forEach((rule) => state.chosenBy.add(rule));
    return true;
  }

  /** Decides what the identities can; then, as a last resort, narrows open rows by their table's rule. */
  run(): SolvedRow[] {
    this.settle();
    while (this.applyPreferences()) this.settle();
    // Rows still open keep the cells every remaining reading agrees on.
    this.keepAgreedCells();
    this.open.clear();
    return this.rows;
  }

  private settle(): void {
    for (let changed = true; changed;) {
      changed = false;
      for (const [r, state] of this.open) {
        if (state.readings.length !== 1) continue;
        this.row(r).chosenBy = [...state.chosenBy];
        this.fix(r, state.readings[0] as Reading, () => CHOSEN);
        changed = true;
      }
      const step = this.propagate();
      changed ||= step.changed;
      for (const [r, req] of step.required) changed = this.narrow(r, req) || changed;
    }
  }

  /** Narrows each open row by its preference (once); true when any row was narrowed. */
  private applyPreferences(): boolean {
    let narrowed = false;
    for (const [r, state] of this.open) {
      const prefer = this.inputs[r]?.prefer;
      if (!prefer || this.row(r).assumed) continue;
      const kept = state.readings.filter(prefer.keeps);
      if (kept.length === 0 || kept.length === state.readings.length) continue;
      state.readings = kept;
      this.row(r).assumed = prefer.note;
      narrowed = true;
    }
    return narrowed;
  }

  private keepAgreedCells(): void {
    for (const [r, state] of this.open) {
      const first = state.readings[0] as Reading;
      const everywhere = (c: ReadCell | null, col: number) => c && state.readings.every((o) => o[col]?.value === c.value);
      const agreed: Reading = first.map((c, col) => (everywhere(c, col) ? c : null));
      const row = this.row(r);
      row.openColumns = agreed.flatMap((c, col) => (c ? [] : [col]));
      row.chosenBy = [...state.chosenBy];
      if (agreed.some(Boolean)) this.fix(r, agreed, () => CHOSEN);
      else row.unresolved = `仍有 ${state.readings.length} 种读法都说得通，无法确定`;
    }
  }
}

export function solve(inputs: SolverInput[], equations: Equation[], ncols: number): SolvedRow[] {
  return new Solver(inputs, equations, ncols).run();
}
