import { describe, expect, it } from 'vitest'
import {
  FALLBACK_NOTIFICATION,
  parsePushPayload,
  safeNotificationPath,
} from './push-payload-shared'

describe('parsePushPayload', () => {
  it('reads the shape the notification pipeline sends', () => {
    const raw = JSON.stringify({
      id: 'n-42',
      title: 'Allerta meteo gialla',
      body: 'Domani temporali dalle 14.',
      url: '/allerte/2026-0001',
      tag: 'alert-2026-0001',
      kind: 'alert',
      urgency: 'high',
    })
    expect(parsePushPayload(raw)).toEqual({
      id: 'n-42',
      title: 'Allerta meteo gialla',
      body: 'Domani temporali dalle 14.',
      url: '/allerte/2026-0001',
      tag: 'alert-2026-0001',
      kind: 'alert',
      urgency: 'high',
    })
  })

  it('reads whether to stay on screen, separately from the urgency', () => {
    const raw = JSON.stringify({ id: 'n-1', title: 'Allerta GIALLA', urgency: 'high', requireInteraction: false })
    expect(parsePushPayload(raw)).toMatchObject({ urgency: 'high', requireInteraction: false })
    expect(parsePushPayload(JSON.stringify({ id: 'n-2', title: 'x', requireInteraction: 'yes' }))).not.toHaveProperty('requireInteraction')
  })

  it('tolerates missing fields', () => {
    expect(parsePushPayload(JSON.stringify({ id: 7, title: 'Notizia' }))).toEqual({
      id: '7',
      title: 'Notizia',
      body: '',
      url: '/',
    })
  })

  it('always has something to show, even for an empty or broken message', () => {
    for (const raw of [null, undefined, '', '{}', '[]', 'null']) {
      const payload = parsePushPayload(raw)
      expect(payload.title).toBe(FALLBACK_NOTIFICATION.title)
      expect(payload.body).toBe(FALLBACK_NOTIFICATION.body)
      expect(payload.url).toBe('/')
      expect(payload.id).toBe('')
    }
    expect(parsePushPayload('Testo semplice')).toMatchObject({ body: 'Testo semplice', url: '/' })
  })

  it('drops unknown urgencies and other sites’ links', () => {
    const payload = parsePushPayload(
      JSON.stringify({
        id: 'a',
        title: 'T',
        body: 'B',
        url: 'https://evil.example/x',
        urgency: 'max',
      }),
    )
    expect(payload.url).toBe('/')
    expect(payload.urgency).toBeUndefined()
  })
})

describe('safeNotificationPath', () => {
  it('keeps paths of this site, with query and fragment', () => {
    expect(safeNotificationPath('/notizie/lavori-via-roma')).toBe('/notizie/lavori-via-roma')
    expect(safeNotificationPath('/notifiche/apri/12?x=1#top')).toBe('/notifiche/apri/12?x=1#top')
  })

  it('turns anything that could leave the site into the home', () => {
    for (const url of [
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      'javascript:alert(1)',
      'notizie',
      '',
      '/ok\nbad',
      42,
      null,
      undefined,
    ]) {
      expect(safeNotificationPath(url), String(url)).toBe('/')
    }
  })
})
