// GET /cap/alerts/{identifier}.xml – one published alert, update or cancellation as an OASIS CAP 1.2 document
import { getCapDocument } from '@/lib/alerts/cap-documents'
import { CAP_MIME_TYPE } from '@/lib/alerts/cap'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params
  const identifier = file.endsWith('.xml') ? file.slice(0, -4) : null
  const xml = identifier && /^[\w.-]{1,200}$/.test(identifier) ? await getCapDocument(identifier) : null
  if (!xml) return new Response('Documento CAP non trovato.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  // A published CAP message never changes: later news is a new message that references it.
  return new Response(xml, { headers: { 'Content-Type': `${CAP_MIME_TYPE}; charset=utf-8`, 'Cache-Control': 'public, max-age=3600' } })
}
