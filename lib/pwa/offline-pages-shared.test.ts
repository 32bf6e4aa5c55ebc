import { describe, expect, it } from 'vitest'
import { isNeverHandledPath, isOfflineReadablePath } from './offline-pages-shared'

describe('isOfflineReadablePath', () => {
  it('accepts the public citizen pages', () => {
    for (const path of [
      '/',
      '/uffici',
      '/uffici/urp',
      '/notizie',
      '/notizie/lavori-via-roma',
      '/eventi/',
      '/eventi/sagra',
      '/privacy',
      '/allerte',
      '/allerte/2026-1',
      '/segnalazioni/nuova',
    ]) {
      expect(isOfflineReadablePath(path), path).toBe(true)
    }
  })

  it('refuses personal pages, the staff area and look-alikes', () => {
    for (const path of [
      '/notifiche',
      '/impostazioni',
      '/segnalazioni/ABC',
      '/segnalazioni/mie',
      '/segnalazioni/nuova/altro',
      '/admin',
      '/admin/uffici',
      '/api/health',
      '/notiziex',
      '/uffici-segreti',
      '/offline',
    ]) {
      expect(isOfflineReadablePath(path), path).toBe(false)
    }
  })
})

describe('isNeverHandledPath', () => {
  it('covers the staff area, the API, Open311 and the worker’s own files', () => {
    expect(isNeverHandledPath('/admin')).toBe(true)
    expect(isNeverHandledPath('/admin/accedi')).toBe(true)
    expect(isNeverHandledPath('/api/push/subscriptions')).toBe(true)
    expect(isNeverHandledPath('/open311/v2/requests.json')).toBe(true)
    expect(isNeverHandledPath('/serwist/sw.js')).toBe(true)
    expect(isNeverHandledPath('/administration')).toBe(false)
    expect(isNeverHandledPath('/')).toBe(false)
  })
})
