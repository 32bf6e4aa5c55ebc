// GET /cap/alerts.atom – Atom feed of the alerts in force, for aggregators and other systems
import { createHash } from 'node:crypto'
import { getCapFeed } from '@/lib/alerts/cap-documents'
import { ATOM_MIME_TYPE } from '@/lib/alerts/cap'
import { cachedPublic } from '@/lib/cache/public-content'
import { getEnv } from '@/lib/env'

export const dynamic = 'force-dynamic'

/**
 * Aggregators poll this feed, and poll it hardest when an alert is out: the XML is built
 * once per FILO_PAGE_CACHE_SECONDS (and again at once when an alert changes in this
 * process), and an unchanged feed costs a poller a 304 thanks to its ETag.
 */
export async function GET(request: Request) {
  const ttlMs = getEnv().FILO_PAGE_CACHE_SECONDS * 1000
  const build = async () => {
    const xml = await getCapFeed()
    return { xml, etag: `"${createHash('sha1').update(xml).digest('base64url')}"` }
  }
  const feed = ttlMs > 0 ? (await cachedPublic('cap-feed', ttlMs, build)).value! : await build()
  const headers = {
    'Content-Type': `${ATOM_MIME_TYPE}; charset=utf-8`,
    'Cache-Control': 'public, max-age=15',
    ETag: feed.etag,
  }
  const ifNoneMatch = request.headers.get('if-none-match')
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === feed.etag || tag.trim() === `W/${feed.etag}`)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(feed.xml, { headers })
}
