/**
 * Runs once when the portal's server starts (Next.js calls `register` before serving). The
 * environment and the MEILI_CLUSTER file are checked here, so that a mistake stops the server
 * with a message naming it, instead of a server that answers every request with a 500.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkServerConfiguration } = await import('./lib/server/check-config');
  checkServerConfiguration();
}
