import 'server-only'
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { offices } from '@/db/schema/comune'
import { categories, replyTemplates, reports, routingRules } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { parseOrThrow } from './parse-input'
import { categorySchema, type ExtraQuestion } from './schemas'

/**
 * Report categories are the Comune's organisation, like routing rules: only administrators
 * change them. A category with reports is never deleted (its reports keep their history);
 * it is retired, and citizens and Open311 clients stop seeing it.
 */
export async function listCategoriesForAdmin(actor: StaffActor) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  return db
    .select({
      id: categories.id,
      name: categories.name,
      officeName: offices.name,
      targetWorkingDays: categories.targetWorkingDays,
      duplicateRadiusMeters: categories.duplicateRadiusMeters,
      urgentNotice: categories.urgentNotice,
      questions: sql<number>`jsonb_array_length(${categories.extraQuestions})::int`,
      templates: sql<number>`(select count(*)::int from ${replyTemplates} where ${replyTemplates.categoryId} = ${categories.id})`,
      active: categories.active,
    })
    .from(categories)
    .innerJoin(offices, eq(offices.id, categories.officeId))
    .orderBy(asc(categories.sortOrder), asc(categories.id))
}

/** One category with its templates and how many reports it has; null when there is none. */
export async function getCategoryForAdmin(actor: StaffActor, id: number) {
  assertRole(actor, ['admin'])
  if (!isId(id)) return null
  const db = await getDb()
  const [category] = await db.select().from(categories).where(eq(categories.id, id))
  if (!category) return null
  const [[reportCount], templates] = await Promise.all([
    db.select({ n: count() }).from(reports).where(eq(reports.categoryId, id)),
    db.select({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body }).from(replyTemplates).where(eq(replyTemplates.categoryId, id)).orderBy(asc(replyTemplates.sortOrder), asc(replyTemplates.id)),
  ])
  return { ...category, reports: reportCount?.n ?? 0, templates }
}

/** The templates offered on every category's reports. */
export async function listGeneralReplyTemplates(actor: StaffActor) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  return db.select({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body }).from(replyTemplates).where(isNull(replyTemplates.categoryId)).orderBy(asc(replyTemplates.sortOrder), asc(replyTemplates.id))
}

/**
 * Creates (id null) or updates a category. The audit entry of an update says which fields
 * changed, with their values before and after. A new target applies to reports received from
 * now on; reports already open keep the date their citizens were told.
 */
export async function saveCategory(actor: StaffActor, id: number | null, rawInput: unknown, context: RequestContext) {
  assertRole(actor, ['admin'])
  if (id !== null && !isId(id)) throw new AppError('not_found', 'Categoria non trovata.')
  const input = parseOrThrow(categorySchema.safeParse(rawInput))
  const db = await getDb()
  return db.transaction(async (tx) => {
    const before = id === null ? null : (await tx.select().from(categories).where(eq(categories.id, id)).for('update'))[0]
    if (id !== null && !before) throw new AppError('not_found', 'Categoria non trovata.')
    const [office] = await tx.select({ id: offices.id }).from(offices).where(and(eq(offices.id, input.officeId), eq(offices.active, true)))
    if (!office) throw new AppError('invalid_input', 'Ufficio sconosciuto.', { officeId: 'Ufficio sconosciuto.' })
    const [sameName] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(sql`lower(${categories.name}) = lower(${input.name})`, id === null ? undefined : ne(categories.id, id)))
    if (sameName) throw new AppError('invalid_input', 'Esiste già una categoria con questo nome.', { name: 'Esiste già una categoria con questo nome.' })

    const values = {
      name: input.name,
      officeId: input.officeId,
      targetWorkingDays: input.targetWorkingDays,
      urgentNotice: input.urgentNotice,
      duplicateRadiusMeters: input.duplicateRadiusMeters,
      extraQuestions: withCodes(input.extraQuestions, before?.extraQuestions ?? []),
    }
    let categoryId = id
    let changes: Record<string, { from: unknown; to: unknown }> | undefined
    if (!before) {
      const [last] = await tx.select({ n: sql<number>`coalesce(max(${categories.sortOrder}), -1)::int` }).from(categories)
      const [row] = await tx
        .insert(categories)
        .values({ ...values, slug: await freeSlug(tx, input.name), sortOrder: (last?.n ?? -1) + 1 })
        .returning({ id: categories.id })
      categoryId = row!.id
    } else {
      changes = {}
      for (const field of ['name', 'officeId', 'targetWorkingDays', 'urgentNotice', 'duplicateRadiusMeters'] as const) {
        if (before[field] !== values[field]) changes[field] = { from: before[field], to: values[field] }
      }
      if (JSON.stringify(before.extraQuestions) !== JSON.stringify(values.extraQuestions)) {
        changes.extraQuestions = { from: before.extraQuestions, to: values.extraQuestions }
      }
      await tx.update(categories).set(values).where(eq(categories.id, before.id))
    }
    await recordAudit(tx, {
      action: before ? 'report_category.update' : 'report_category.create',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'report_category',
      targetId: String(categoryId),
      ip: context.ip,
      details: { name: input.name, ...(changes ? { changes } : { officeId: input.officeId, targetWorkingDays: input.targetWorkingDays }) },
    })
    return { id: categoryId! }
  })
}

/** Retires a category (citizens and Open311 clients no longer see it) or brings it back. */
export async function setCategoryActive(actor: StaffActor, id: number, active: boolean, context: RequestContext) {
  assertRole(actor, ['admin'])
  if (!isId(id)) throw new AppError('not_found', 'Categoria non trovata.')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [row] = await tx.update(categories).set({ active }).where(eq(categories.id, id)).returning({ name: categories.name })
    if (!row) throw new AppError('not_found', 'Categoria non trovata.')
    await recordAudit(tx, {
      action: active ? 'report_category.restore' : 'report_category.retire',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'report_category',
      targetId: String(id),
      ip: context.ip,
      details: { name: row.name },
    })
  })
}

/** Only a category nobody has used yet can go (one made by mistake); one with reports is retired instead. */
export async function deleteCategory(actor: StaffActor, id: number, context: RequestContext) {
  assertRole(actor, ['admin'])
  if (!isId(id)) throw new AppError('not_found', 'Categoria non trovata.')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [category] = await tx.select({ name: categories.name }).from(categories).where(eq(categories.id, id)).for('update')
    if (!category) throw new AppError('not_found', 'Categoria non trovata.')
    const [used] = await tx.select({ n: count() }).from(reports).where(eq(reports.categoryId, id))
    if ((used?.n ?? 0) > 0) {
      throw new AppError('conflict', `La categoria «${category.name}» ha ${used!.n === 1 ? 'una segnalazione' : `${used!.n} segnalazioni`}: non si può eliminare. Ritirala: i cittadini non la vedranno più.`)
    }
    const [rules] = await tx.select({ n: count() }).from(routingRules).where(eq(routingRules.categoryId, id))
    await tx.delete(categories).where(eq(categories.id, id))
    await recordAudit(tx, {
      action: 'report_category.delete',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'report_category',
      targetId: String(id),
      ip: context.ip,
      details: { name: category.name, routingRulesRemoved: rules?.n ?? 0 },
    })
  })
}

/**
 * Every question gets a code that answers are stored under: a question that keeps its code
 * keeps the answers already given; a new one gets a code made from its text, unique in the list.
 */
function withCodes(questions: Array<{ code?: string; label: string; type: 'text' | 'choice'; required: boolean; options: string[] }>, stored: ExtraQuestion[]): ExtraQuestion[] {
  const storedCodes = new Set(stored.map((q) => q.code))
  // A new question never takes a code another question had: old answers would move under it.
  const reserved = new Set([...storedCodes, ...questions.flatMap((q) => (q.code ? [q.code] : []))])
  const used = new Set<string>()
  return questions.map((q) => {
    let code = q.code && storedCodes.has(q.code) && !used.has(q.code) ? q.code : ''
    // A question sent again without its code (a form not yet refreshed) is the stored one of the same text.
    if (!code) code = stored.find((s) => s.label === q.label && !used.has(s.code) && !questions.some((other) => other.code === s.code))?.code ?? ''
    if (!code) {
      const base = slugify(q.label).slice(0, 36) || 'domanda'
      code = base
      for (let n = 2; used.has(code) || reserved.has(code); n++) code = `${base}-${n}`
    }
    used.add(code)
    return { code, label: q.label, required: q.required, type: q.type, ...(q.type === 'choice' ? { options: q.options } : {}) }
  })
}

async function freeSlug(tx: DbOrTx, name: string): Promise<string> {
  const base = slugify(name).slice(0, 60) || 'categoria'
  const taken = new Set((await tx.select({ slug: categories.slug }).from(categories).where(sql`${categories.slug} like ${`${base}%`}`)).map((r) => r.slug))
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A category id from a form or a URL: anything else names no category (and never reaches SQL). */
function isId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
}
