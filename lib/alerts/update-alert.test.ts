import { describe, expect, it } from 'vitest'
import { asc, desc, eq } from 'drizzle-orm'
import { alertMessages, alerts } from '@/db/schema/alerts'
import { notifications } from '@/db/schema/notifications'
import { auditLog } from '@/db/schema/staff'
import { buildPayload } from '../notify/payload'
import { AppError } from '../errors'
import { createAlertDraft } from './create-alert'
import { endAlert, publishAlert } from './publish-alert'
import { approveAlertUpdate, requestAlertUpdate, withdrawAlertUpdate } from './update-alert'
import { alertUpdateSchema } from './schemas'
import { alertDraft, code, hour, setupAlertTests, validateCap } from './alert-test-setup'
import { getCapDocument, getCapFeed } from './cap-documents'
import { getAlertDesk } from './alert-desk'
import { listAlertsForStaff } from './list-alerts-for-staff'

const { database, ctx, actors, secondCp, seen, seenUpdate } = setupAlertTests({ ip: '192.0.2.9' })

const draft = alertDraft({
  risks: ['idraulico'],
  headline: 'Fiume in crescita',
  description: 'Il livello del fiume sta salendo dopo le piogge della notte.',
  instructions: 'Non scendere in cantine e garage.',
})

const update = (alertId: string, overrides: Record<string, unknown> = {}) =>
  alertUpdateSchema.parse({
    alertId,
    level: 'gialla',
    headline: 'Fiume in crescita: livello stabile',
    description: 'Il livello del fiume è stabile da due ore. Restiamo in allerta.',
    instructions: 'Non scendere in cantine e garage.',
    validUntil: new Date(Date.now() + 18 * hour),
    ...overrides,
  })

async function publishedYellow() {
  const { id, identifier } = await createAlertDraft(actors.civil_protection!, draft(), ctx)
  await publishAlert(actors.civil_protection!, id, {}, ctx)
  return { id, identifier }
}

describe('alert updates', () => {
  it('a yellow update goes out at once: CAP Update referencing the alert, same push Topic and tag, in the feed in place of the earlier', async () => {
    const { db } = database.current()
    const { id, identifier } = await publishedYellow()
    const outcome = await requestAlertUpdate(actors.civil_protection!, update(id), {}, ctx)
    expect(outcome).toMatchObject({ state: 'sent', override: false })

    const [row] = await db.select().from(alerts).where(eq(alerts.id, id))
    expect(row).toMatchObject({ version: 2, headline: 'Fiume in crescita: livello stabile', state: 'active' })
    const messages = await db.select().from(alertMessages).where(eq(alertMessages.alertId, id)).orderBy(asc(alertMessages.id))
    expect(messages.map((m) => m.msgType)).toEqual(['Alert', 'Update'])
    const sent = await db.select().from(notifications).where(eq(notifications.sourceId, id)).orderBy(asc(notifications.createdAt))
    expect(sent).toHaveLength(2)
    expect(sent[1]!.title).toBe('Aggiornamento – Allerta GIALLA: Fiume in crescita: livello stabile')
    expect(sent.map((n) => n.urgency)).toEqual(['high', 'high'])
    expect(sent[0]!.pushTopic).toBeTruthy()
    expect(sent[1]!.pushTopic).toBe(sent[0]!.pushTopic)
    // What the phone gets: the same tag, so the update replaces the alert in the tray.
    const tags = sent.map((n) => JSON.parse(buildPayload({ ...n, urgency: 'normal' })).tag as string)
    expect(tags[0]).toBe(tags[1])

    const updateXml = await getCapDocument(`${identifier}.2`)
    expect(updateXml).toContain('<msgType>Update</msgType>')
    expect(updateXml).toMatch(new RegExp(`<references>[^<]*,${identifier.replace(/\./g, '\\.')}\\.1,`))
    validateCap(updateXml!, 'update.xml')
    validateCap((await getCapDocument(`${identifier}.1`))!, 'alert.xml')

    const feed = await getCapFeed()
    expect(feed).toContain(`/cap/alerts/${identifier}.2.xml`)
    expect(feed).not.toContain(`/cap/alerts/${identifier}.1.xml`)

    await endAlert(actors.civil_protection!, id, ctx)
    const cancelXml = await getCapDocument(`${identifier}.3`)
    expect(cancelXml).toContain('<msgType>Cancel</msgType>')
    expect(cancelXml).toContain(`,${identifier}.2,`)
    validateCap(cancelXml!, 'cancel.xml')
    const all = await db.select().from(notifications).where(eq(notifications.sourceId, id))
    expect(new Set(all.map((n) => n.pushTopic)).size).toBe(1)
    expect(await getCapFeed()).not.toContain(identifier)
  })

  it('raising an alert to red needs a second person; the request waits and nothing is sent until approved', async () => {
    const { db } = database.current()
    const { id } = await publishedYellow()
    const red = update(id, { level: 'rossa', headline: 'Esondazione in corso', instructions: 'Sali ai piani alti. Non uscire di casa.' })
    expect(await requestAlertUpdate(actors.civil_protection!, red, {}, ctx)).toEqual({ state: 'pending_approval' })
    expect(await db.select().from(notifications).where(eq(notifications.sourceId, id))).toHaveLength(1)
    const shown = await seenUpdate(id)
    expect(await code(approveAlertUpdate(actors.civil_protection!, id, { seen: shown }, ctx))).toBe('forbidden')
    // Only civil protection and admins approve, whatever the screen shows.
    expect(await code(approveAlertUpdate(actors.operator!, id, { seen: shown }, ctx))).toBe('forbidden')
    expect(await code(approveAlertUpdate(actors.office!, id, { seen: shown }, ctx))).toBe('forbidden')
    // The dashboard shows it waiting: the requester cannot approve it, a second person can.
    const mine = await getAlertDesk(actors.civil_protection!)
    expect(mine.pendingApprovals.find((a) => a.id === id)).toMatchObject({ kind: 'update', level: 'rossa', canApprove: false })
    expect((await getAlertDesk(secondCp())).pendingApprovals.find((a) => a.id === id)).toMatchObject({ canApprove: true })
    expect((await getAlertDesk(actors.operator!)).pendingApprovals).toEqual([])

    const outcome = await approveAlertUpdate(secondCp(), id, { seen: shown }, ctx)
    expect(outcome).toMatchObject({ state: 'sent', override: false })
    const [row] = await db.select().from(alerts).where(eq(alerts.id, id))
    expect(row).toMatchObject({ level: 'rossa', pendingUpdate: null, version: 2 })
    const sent = await db.select().from(notifications).where(eq(notifications.sourceId, id))
    expect(sent.find((n) => n.title.startsWith('Aggiornamento – Allerta ROSSA'))?.urgency).toBe('high')
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(asc(auditLog.id))).map((e) => e.action)
    expect(actions).toEqual(['alert.draft', 'alert.publish', 'alert.update_submit', 'alert.update'])
    const [approved] = await db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(desc(auditLog.id)).limit(1)
    expect(approved!.details).toMatchObject({ level: 'rossa', previousLevel: 'gialla', recipients: expect.any(Number), devices: expect.any(Number), requestedBy: actors.civil_protection!.id })
  })

  it('a waiting update cannot be replaced behind its approver: refused while it waits, and an approval of a withdrawn and rewritten one is refused', async () => {
    const { db } = database.current()
    const { id } = await publishedYellow()
    const red = update(id, { level: 'rossa', headline: 'Esondazione in corso', instructions: 'Sali ai piani alti.' })
    await requestAlertUpdate(actors.civil_protection!, red, {}, ctx)
    const shownToApprover = await seenUpdate(id)

    // Another person (or the same one) cannot overwrite it, not even with a yellow update that needs no approval.
    const other = await requestAlertUpdate(secondCp(), update(id, { headline: 'Tutto tranquillo' }), {}, ctx).catch((e: unknown) => e)
    expect((other as AppError).code).toBe('conflict')
    expect((other as AppError).message).toMatch(/già un aggiornamento in attesa/)
    expect(await code(requestAlertUpdate(actors.civil_protection!, red, {}, ctx))).toBe('conflict')

    // Only who asked for it (or an admin) withdraws it, and only the version they see.
    expect(await code(withdrawAlertUpdate(secondCp(), id, shownToApprover, ctx))).toBe('forbidden')
    await withdrawAlertUpdate(actors.civil_protection!, id, shownToApprover, ctx)
    await requestAlertUpdate(actors.civil_protection!, update(id, { level: 'rossa', headline: 'Evacuate la frazione', instructions: 'Andate all’area di attesa.' }), {}, ctx)

    const stale = await approveAlertUpdate(secondCp(), id, { seen: shownToApprover }, ctx).catch((e: unknown) => e)
    expect((stale as AppError).code).toBe('conflict')
    expect((stale as AppError).message).toMatch(/cambiato dopo che hai aperto la pagina/)
    const [row] = await db.select().from(alerts).where(eq(alerts.id, id))
    expect(row).toMatchObject({ level: 'gialla', version: 1, pendingUpdate: { headline: 'Evacuate la frazione' } })
    expect(await db.select().from(notifications).where(eq(notifications.sourceId, id))).toHaveLength(1)

    expect(await approveAlertUpdate(secondCp(), id, { seen: await seenUpdate(id) }, ctx)).toMatchObject({ state: 'sent' })
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(asc(auditLog.id))).map((e) => e.action)
    expect(actions).toEqual(['alert.draft', 'alert.publish', 'alert.update_submit', 'alert.update_withdraw', 'alert.update_submit', 'alert.update'])
  })

  it('an admin may publish an orange update alone with a reason; recorded as an override', async () => {
    const { db } = database.current()
    const { id } = await publishedYellow()
    const orange = update(id, { level: 'arancione' })
    expect(await code(requestAlertUpdate(actors.civil_protection!, orange, { overrideReason: 'Di corsa' }, ctx))).toBe('forbidden')
    const outcome = await requestAlertUpdate(actors.admin!, orange, { overrideReason: 'Argine ceduto, nessun altro raggiungibile' }, ctx)
    expect(outcome).toMatchObject({ state: 'sent', override: true })
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'alert.update_override'))
    expect(entry).toMatchObject({ targetId: id })
    // Flagged on the message and in the staff list, not only in the log.
    const messages = await db.select().from(alertMessages).where(eq(alertMessages.alertId, id)).orderBy(asc(alertMessages.id))
    expect(messages.map((m) => [m.msgType, m.override, m.overrideReason])).toEqual([
      ['Alert', false, null],
      ['Update', true, 'Argine ceduto, nessun altro raggiungibile'],
    ])
    expect((await listAlertsForStaff(actors.civil_protection!)).find((a) => a.id === id)?.override).toBe(true)
  })

  it('refuses an update valid for more than 14 days', async () => {
    const { id } = await publishedYellow()
    const long = await requestAlertUpdate(actors.civil_protection!, update(id, { validUntil: new Date(Date.now() + 20 * 24 * hour) }), {}, ctx).catch((e: unknown) => e)
    expect((long as AppError).fieldErrors?.validUntil).toMatch(/al massimo 14 giorni/)
  })

  it('only civil protection and admins publish or approve a drafted alert', async () => {
    const { id } = await createAlertDraft(actors.civil_protection!, draft({ level: 'arancione' }), ctx)
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    for (const role of ['operator', 'office']) expect(await code(publishAlert(actors[role]!, id, {}, ctx))).toBe('forbidden')
    expect((await getAlertDesk(actors.office!)).inForce.find((a) => a.id === id)).toBeUndefined()
    await publishAlert(actors.admin!, id, { seen: await seen(id) }, ctx)
    expect((await getAlertDesk(actors.office!)).inForce.find((a) => a.id === id)).toMatchObject({ level: 'arancione' })
  })

  it('refuses an update whose validity has already ended, a red update without instructions, updates of ended alerts, and other roles', async () => {
    const { id } = await publishedYellow()
    const past = await requestAlertUpdate(actors.civil_protection!, update(id, { validUntil: new Date(Date.now() - hour) }), {}, ctx).catch((e: unknown) => e)
    expect((past as AppError).fieldErrors?.validUntil).toMatch(/già finita/)
    const red = alertUpdateSchema.safeParse({ alertId: id, level: 'rossa', headline: 'Esondazione', description: 'Il fiume è uscito.', instructions: '', validUntil: new Date(Date.now() + hour) })
    expect(red.error?.issues[0]?.message).toMatch(/allerta rossa deve dire ai cittadini cosa fare/)
    expect(await code(requestAlertUpdate(actors.operator!, update(id), {}, ctx))).toBe('forbidden')
    expect(await code(requestAlertUpdate(actors.office!, update(id), {}, ctx))).toBe('forbidden')
    await endAlert(actors.civil_protection!, id, ctx)
    expect(await code(requestAlertUpdate(actors.civil_protection!, update(id), {}, ctx))).toBe('conflict')
  })
})
