import 'server-only'
import { riskTemplates } from '@/db/schema/alerts'
import { getDb } from '../db'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { PLAN_ROLES, riskCodes, type RiskTemplateInput } from './schemas'

/** The self-protection instructions of every risk (empty where none are written yet). */
export async function listRiskTemplates(actor: StaffActor) {
  assertRole(actor, PLAN_ROLES)
  const db = await getDb()
  const rows = await db.select().from(riskTemplates)
  return riskCodes.map((risk) => {
    const row = rows.find((r) => r.risk === risk)
    return { risk, instructionsIt: row?.instructionsIt ?? '', instructionsEn: row?.instructionsEn ?? '', updatedAt: row?.updatedAt ?? null }
  })
}

/** Saves one risk's instructions; the composer copies them into new alerts (published alerts keep theirs). */
export async function saveRiskTemplate(actor: StaffActor, input: RiskTemplateInput, context: RequestContext) {
  assertRole(actor, PLAN_ROLES)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const now = new Date()
    await tx
      .insert(riskTemplates)
      .values({ ...input, updatedAt: now })
      .onConflictDoUpdate({ target: riskTemplates.risk, set: { instructionsIt: input.instructionsIt, instructionsEn: input.instructionsEn, updatedAt: now } })
    await recordAudit(tx, { action: 'risk_template.update', actorId: actor.id, actorLabel: actorLabel(actor), targetType: 'risk_template', targetId: input.risk, ip: context.ip, details: { risk: input.risk } })
  })
}
