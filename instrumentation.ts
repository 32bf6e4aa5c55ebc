export async function register() {
  // The edge runtime has no database or filesystem; only the Node.js server starts Filo.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { startServer } = await import('./lib/server/start')
  await startServer()
}
