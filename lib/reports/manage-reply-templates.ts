import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { categories, replyTemplates } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { parseOrThrow } from './parse-input'
import { replyTemplateSchema } from './schemas'

/**
 * Reply templates ("risposte pronte") offered to staff on a category's reports, or on every
 * report when they belong to no category. Administrators write them; a template already used
 * lives on as the text of the note it filled, so deleting one changes no report.
 */
export async function saveReplyTemplate(actor: StaffActor, id: number | null, rawInput: unknown, context: RequestContext) {
  assertRole(actor, ['admin'])
  if (id !== null && !isId(id)) throw new AppError('not_found', 'Risposta pronta non trovata.')
  const input = parseOrThrow(replyTemplateSchema.safeParse(rawInput))
  const db = await getDb()
  return db.transaction(async (tx) => {
    if (input.categoryId !== null) {
      const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId))
      if (!category) throw new AppError('invalid_input', 'Categoria sconosciuta.', { categoryId: 'Categoria sconosciuta.' })
    }
    let templateId = id
    let changes: Record<string, { from: unknown; to: unknown }> | undefined
    if (id === null) {
      const [last] = await tx.select({ n: sql<number>`coalesce(max(${replyTemplates.sortOrder}), -1)::int` }).from(replyTemplates)
      const [row] = await tx.insert(replyTemplates).values({ ...input, sortOrder: (last?.n ?? -1) + 1 }).returning({ id: replyTemplates.id })
      templateId = row!.id
    } else {
      const [before] = await tx.select().from(replyTemplates).where(eq(replyTemplates.id, id)).for('update')
      if (!before) throw new AppError('not_found', 'Risposta pronta non trovata.')
      changes = {}
      for (const field of ['categoryId', 'title', 'body'] as const) {
        if (before[field] !== input[field]) changes[field] = { from: before[field], to: input[field] }
      }
      await tx.update(replyTemplates).set(input).where(eq(replyTemplates.id, id))
    }
    await recordAudit(tx, {
      action: id === null ? 'reply_template.create' : 'reply_template.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'reply_template',
      targetId: String(templateId),
      ip: context.ip,
      details: { title: input.title, categoryId: input.categoryId, ...(changes ? { changes } : {}) },
    })
    return { id: templateId! }
  })
}

export async function deleteReplyTemplate(actor: StaffActor, id: number, context: RequestContext) {
  assertRole(actor, ['admin'])
  if (!isId(id)) throw new AppError('not_found', 'Risposta pronta non trovata.')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(replyTemplates).where(eq(replyTemplates.id, id)).returning({ title: replyTemplates.title, categoryId: replyTemplates.categoryId })
    if (!deleted) throw new AppError('not_found', 'Risposta pronta non trovata.')
    await recordAudit(tx, { action: 'reply_template.delete', actorId: actor.id, actorLabel: actorLabel(actor), targetType: 'reply_template', targetId: String(id), ip: context.ip, details: { ...deleted } })
  })
}

function isId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
}
