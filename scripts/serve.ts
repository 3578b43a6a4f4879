/**
 * The portal's production server (lib/server/portal-server.ts), after `next build`: on --port
 * (else PORT, else 3000), on every interface or on --hostname. Run by `npm start`, the
 * end-to-end tests and the benchmark; `npm run serve` on a machine that only serves.
 */
import { parseArgs } from 'node:util';
import { messageOf } from '@/lib/errors';

const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
if (values.help) {
  console.log('usage: npm run serve -- [--port N] [--hostname H]   (serves the app built by `npm run build`; default port: PORT or 3000)');
  process.exit(0);
}
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Before Next.js and React load: they pick their production builds by it.
Object.assign(process.env, { NODE_ENV: 'production' });
const { startPortalServer } = await import('@/lib/server/portal-server');

try {
  const server = await startPortalServer({ dir: process.cwd(), port, hostname: values.hostname });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Readers still being answered get a few seconds; then the process goes regardless.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log(`portal server: http://${values.hostname ?? 'localhost'}:${port}/`);
} catch (error) {
  console.error(`portal server: ${messageOf(error)}`);
  process.exit(1);
}
