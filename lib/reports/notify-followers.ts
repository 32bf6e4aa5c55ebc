import 'server-only'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { reportFollowers } from '@/db/schema/reports'
import { notify } from '../notify/notify'

/**
 * Tells every citizen following a report (the reporter, "Segnala anche tu", merged duplicates)
 * about a public change: an inbox entry and a push each, in the caller's transaction.
 */
export async function notifyFollowers(
  tx: DbOrTx,
  report: { id: string; publicCode: string },
  message: { title: string; body: string; createdBy?: string | null; exceptCitizenId?: string },
): Promise<number> {
  const followers = await tx.select({ citizenId: reportFollowers.citizenId }).from(reportFollowers).where(eq(reportFollowers.reportId, report.id))
  let told = 0
  for (const { citizenId } of followers) {
    if (citizenId === message.exceptCitizenId) continue
    await notify(tx, {
      kind: 'report',
      title: message.title,
      body: message.body.length > 240 ? `${message.body.slice(0, 237)}…` : message.body,
      url: `/segnalazioni/${report.publicCode}`,
      audience: { citizenId },
      urgency: 'normal',
      ttlSeconds: 7 * 86_400,
      sourceType: 'report',
      sourceId: report.id,
      createdBy: message.createdBy ?? null,
    })
    told++
  }
  return told
}
