import { describe, expect, it } from 'vitest'
import { alertChanges, listPublicAlertHistory } from './public-alert-history'
import { createAlertDraft } from './create-alert'
import { endAlert, publishAlert } from './publish-alert'
import { requestAlertUpdate } from './update-alert'
import { alertUpdateSchema } from './schemas'
import { alertDraft, hour, setupAlertTests } from './alert-test-setup'

const { ctx, actors } = setupAlertTests({ ip: '192.0.2.62' })

const draft = alertDraft({
  risks: ['vento'],
  headline: 'Vento forte in arrivo',
  description: 'Raffiche fino a 60 km/h dal pomeriggio.',
  instructions: 'Fissa gli oggetti sui balconi.',
})

describe('the history of an alert citizens read', () => {
  it('lists the alert, each update with what it changed, and the cessata, in order', async () => {
    const { id } = await createAlertDraft(actors.civil_protection!, draft(), ctx)
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    const until = new Date(Date.now() + 20 * hour)
    await requestAlertUpdate(
      actors.civil_protection!,
      alertUpdateSchema.parse({
        alertId: id,
        level: 'gialla',
        phase: 'preallarme',
        headline: 'Vento forte: raffiche più intense',
        description: 'Raffiche fino a 80 km/h dal pomeriggio.',
        instructions: 'Fissa gli oggetti sui balconi.',
        validUntil: until,
      }),
      {},
      ctx,
    )
    await endAlert(actors.civil_protection!, id, ctx)

    const history = await listPublicAlertHistory(id)
    expect(history.map((h) => h.msgType)).toEqual(['Alert', 'Update', 'Cancel'])
    expect(history[0]!.changes).toEqual([])
    const fields = history[1]!.changes.map((c) => c.field).sort()
    expect(fields).toEqual(['description', 'headline', 'phase', 'validUntil'])
    expect(history[1]!.changes).toContainEqual({ field: 'phase', to: 'preallarme' })
    expect(history[1]!.changes).toContainEqual({ field: 'validUntil', to: until })
    expect(history[2]!.changes).toEqual([])
    expect(history[1]!.sent.getTime()).toBeGreaterThanOrEqual(history[0]!.sent.getTime())
  })

  it('says a level changed from what to what, and ignores fields an old snapshot lacks', () => {
    expect(alertChanges({ level: 'gialla', headline: 'A' }, { level: 'rossa', headline: 'A' })).toEqual([{ field: 'level', from: 'gialla', to: 'rossa' }])
    expect(alertChanges({ level: 'gialla' }, { level: 'gialla', zoneIds: [1] })).toEqual([])
    expect(alertChanges({ risks: ['vento'] }, { risks: ['vento', 'neve'] })).toEqual([{ field: 'risks' }])
  })
})
