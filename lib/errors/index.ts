/**
 * How a failure is put into words for the person running a command: one helper for the message
 * of anything thrown, one for what a failed look at a path means (which is not always "missing").
 */

/** The message of whatever was thrown: an Error's message, else the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const PATH_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'no such file or folder (a part of the path is a file)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links (a link loop?)',
};

/** The system's code of an error (`ENOENT`, `EACCES`, …), when it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Why a path could not be looked at or read: "no such file" only when that is the reason. */
export function pathProblem(error: unknown): string {
  const code = errorCode(error);
  const known = code === undefined ? undefined : PATH_PROBLEMS[code];
  return known ?? messageOf(error);
}

/** `value`, or an error naming what was missing: for a lookup that can only miss when the code is wrong. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
