import { describe, expect, it } from 'vitest'
import { MAX_PAYLOAD_BYTES, buildPayload, pushTopicFor } from './payload'

const base = { id: '6f3a…', title: 'Via Roma chiusa', body: 'Dal lunedì al venerdì.', url: '/notizie/via-roma', kind: 'news', urgency: 'normal' as const }

describe('push payload', () => {
  it('carries what the service worker needs, with the id as the default tag', () => {
    expect(JSON.parse(buildPayload(base))).toEqual({ ...base, tag: base.id })
  })

  it('shortens a long body so the payload stays under 3 KB, whatever the script', () => {
    const long = buildPayload({ ...base, body: 'è'.repeat(10_000) })
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES)
    expect(JSON.parse(long).body.endsWith('…')).toBe(true)
  })

  it('uses the tag the sender chose, so an alert update replaces the earlier notification on the phone', () => {
    const tag = pushTopicFor('alert', 'a1')
    expect(JSON.parse(buildPayload({ ...base, details: { tag } })).tag).toBe(tag)
    expect(JSON.parse(buildPayload({ ...base, id: 'other', details: { tag } })).tag).toBe(tag)
    expect(JSON.parse(buildPayload({ ...base, details: {} })).tag).toBe(base.id)
  })

  it('says whether to stay on screen only when the sender chose it', () => {
    expect(JSON.parse(buildPayload({ ...base, urgency: 'high', details: { requireInteraction: false } }))).toMatchObject({ urgency: 'high', requireInteraction: false })
    expect(JSON.parse(buildPayload(base))).not.toHaveProperty('requireInteraction')
  })

  it('never links outside the app', () => {
    expect(JSON.parse(buildPayload({ ...base, url: 'https://evil.example/x' })).url).toBe('/')
  })

  it('derives a stable, valid RFC 8030 topic from the source', () => {
    const topic = pushTopicFor('alert', 'it.comune.esempio.2026.0001')
    expect(topic).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(pushTopicFor('alert', 'it.comune.esempio.2026.0001')).toBe(topic)
    expect(pushTopicFor('alert', 'it.comune.esempio.2026.0002')).not.toBe(topic)
  })
})
