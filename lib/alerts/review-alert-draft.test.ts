import { describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { alerts } from '@/db/schema/alerts'
import { notifications } from '@/db/schema/notifications'
import { auditLog } from '@/db/schema/staff'
import { AppError } from '../errors'
import { createAlertDraft } from './create-alert'
import { editAlertDraft } from './edit-alert-draft'
import { publishAlert } from './publish-alert'
import { returnAlertDraft } from './return-alert-draft'
import { withdrawAlertDraft } from './withdraw-alert-draft'
import { getAlertDesk } from './alert-desk'
import { alertDraft, code, hour, setupAlertTests } from './alert-test-setup'

const { database, ctx, actors, secondCp, seen } = setupAlertTests({ ip: '192.0.2.11' })

const draft = alertDraft({
  level: 'rossa',
  risks: ['idraulico'],
  headline: 'Piena del torrente',
  description: 'Il torrente ha superato la soglia di allarme a monte del paese.',
  instructions: 'Non attraversate i ponti. Salite ai piani alti.',
})

async function submittedRed() {
  const { id } = await createAlertDraft(actors.civil_protection!, draft(), ctx)
  await publishAlert(actors.civil_protection!, id, {}, ctx)
  return id
}

const stateOf = async (id: string) => (await database.current().db.select().from(alerts).where(eq(alerts.id, id)))[0]!
const actionsOf = async (id: string) =>
  (await database.current().db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(asc(auditLog.id))).map((e) => e.action)
const sentFor = async (id: string) => database.current().db.select().from(notifications).where(eq(notifications.sourceId, id))

describe('reviewing drafts before publication', () => {
  it('the author edits a draft waiting for approval: it goes back to draft, and the approver who read the old text cannot publish it', async () => {
    const id = await submittedRed()
    const readByApprover = await seen(id)
    await editAlertDraft(actors.civil_protection!, id, draft({ instructions: 'Evacuate via del Mulino e via Roma.' }), ctx)
    expect(await stateOf(id)).toMatchObject({ state: 'draft', instructions: 'Evacuate via del Mulino e via Roma.' })

    const refused = await publishAlert(secondCp(), id, { seen: readByApprover }, ctx).catch((e: unknown) => e)
    expect((refused as AppError).code).toBe('conflict')
    expect(await sentFor(id)).toHaveLength(0)
    expect((await stateOf(id)).state).toBe('draft')

    // Submitted again, approved on the text now shown.
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    expect(await publishAlert(secondCp(), id, { seen: await seen(id) }, ctx)).toMatchObject({ state: 'active' })
    expect((await sentFor(id))[0]!.body).toBe('Evacuate via del Mulino e via Roma.')
    expect(await actionsOf(id)).toEqual(['alert.draft', 'alert.submit', 'alert.edit', 'alert.submit', 'alert.publish'])
    // Published: no more edits.
    expect(await code(editAlertDraft(actors.civil_protection!, id, draft(), ctx))).toBe('conflict')
  })

  it('only the author edits, with the same checks as a new draft', async () => {
    const id = await submittedRed()
    expect(await code(editAlertDraft(secondCp(), id, draft({ headline: 'Altro titolo' }), ctx))).toBe('forbidden')
    expect(await code(editAlertDraft(actors.admin!, id, draft({ headline: 'Altro titolo' }), ctx))).toBe('forbidden')
    expect(await code(editAlertDraft(actors.operator!, id, draft({ headline: 'Altro titolo' }), ctx))).toBe('forbidden')
    const past = draft({ validFrom: new Date(Date.now() - 5 * hour), validUntil: new Date(Date.now() - hour) })
    const expired = await editAlertDraft(actors.civil_protection!, id, past, ctx).catch((e: unknown) => e)
    expect((expired as AppError).fieldErrors?.validUntil).toMatch(/già finita/)
    expect(await stateOf(id)).toMatchObject({ state: 'pending_approval', headline: 'Piena del torrente' })
  })

  it('a second person sends it back with a note; the author sees it until submitting again', async () => {
    const id = await submittedRed()
    expect(await code(returnAlertDraft(actors.civil_protection!, id, { note: 'Ci ripenso', seen: await seen(id) }, ctx))).toBe('forbidden')
    expect(await code(returnAlertDraft(actors.operator!, id, { note: 'Non va', seen: await seen(id) }, ctx))).toBe('forbidden')
    await returnAlertDraft(secondCp(), id, { note: 'Manca l’area di attesa di via Roma.', seen: await seen(id) }, ctx)
    expect(await stateOf(id)).toMatchObject({ state: 'draft', returnNote: 'Manca l’area di attesa di via Roma.', returnedBy: secondCp().id })
    expect(await sentFor(id)).toHaveLength(0)
    expect((await getAlertDesk(secondCp())).pendingApprovals.find((a) => a.id === id)).toBeUndefined()
    const [entry] = await database.current().db.select().from(auditLog).where(eq(auditLog.action, 'alert.reject'))
    expect(entry).toMatchObject({ targetId: id, details: expect.objectContaining({ note: 'Manca l’area di attesa di via Roma.' }) })

    await publishAlert(actors.civil_protection!, id, {}, ctx)
    expect(await stateOf(id)).toMatchObject({ state: 'pending_approval', returnNote: null })
  })

  it('the author or an admin withdraws a draft: it leaves the queue and can never be published', async () => {
    const mine = await submittedRed()
    expect(await code(withdrawAlertDraft(secondCp(), mine, ctx))).toBe('forbidden')
    await withdrawAlertDraft(actors.civil_protection!, mine, ctx)
    expect((await stateOf(mine)).state).toBe('withdrawn')
    expect(await code(publishAlert(secondCp(), mine, { seen: await seen(mine) }, ctx))).toBe('conflict')
    expect(await code(editAlertDraft(actors.civil_protection!, mine, draft(), ctx))).toBe('conflict')
    expect((await getAlertDesk(secondCp())).pendingApprovals.find((a) => a.id === mine)).toBeUndefined()

    const other = await submittedRed()
    await withdrawAlertDraft(actors.admin!, other, ctx)
    expect((await stateOf(other)).state).toBe('withdrawn')
    expect(await actionsOf(other)).toEqual(['alert.draft', 'alert.submit', 'alert.withdraw'])
  })

  it('a pending alert whose validity has ended leaves the approval queue', async () => {
    const id = await submittedRed()
    expect((await getAlertDesk(secondCp())).pendingApprovals.find((a) => a.id === id)).toBeDefined()
    expect((await getAlertDesk(secondCp(), new Date(Date.now() + 13 * hour))).pendingApprovals.find((a) => a.id === id)).toBeUndefined()
  })
})
