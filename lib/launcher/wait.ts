/**
 * The one poll loop: asks `check` every `intervalMs` until it gives an answer (anything but
 * undefined) or `timeoutMs` passes (undefined then). A check that throws ends the wait with its error.
 */
export async function poll<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number },
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await check();
    if (answer !== undefined) return answer;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return undefined;
}

/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs: number, isGone: () => boolean = () => false): Promise<boolean> {
  const answered = await poll(
    async () => {
      if (isGone()) return false;
      return (
        (await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
          () => true,
          () => false,
        )) || undefined
      );
    },
    { timeoutMs, intervalMs: 200 },
  );
  return answered === true;
}
