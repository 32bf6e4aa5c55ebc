import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, desc, eq } from 'drizzle-orm'
import { comuneSettings, offices } from '@/db/schema/comune'
import { categories, replyTemplates, reports } from '@/db/schema/reports'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { newCitizen } from '../testing/actors'
import { getOpen311ServiceDefinition, listOpen311Services } from '../open311/list-services'
import { toJsonValue } from '../open311/serialize-shared'
import { deleteCategory, getCategoryForAdmin, listCategoriesForAdmin, saveCategory, setCategoryActive } from './manage-categories'
import { deleteReplyTemplate, saveReplyTemplate } from './manage-reply-templates'
import { getReportFormSetup } from './report-form-setup'
import { getReportForStaff } from './staff-reports'
import { submitReport } from './submit-report'
import { dueDateFor } from './working-days-shared'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}
const context = { ip: '127.0.0.1' }
const officeIds: Record<string, number> = {}
let illuminazione: number

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  for (const o of await db.select().from(offices)) officeIds[o.slug] = o.id
  illuminazione = (await db.select().from(categories).where(eq(categories.slug, 'illuminazione-pubblica')))[0]!.id
})

afterAll(async () => {
  await stopJobs()
})

async function errorOf(promise: Promise<unknown>): Promise<AppError | null> {
  try {
    await promise
    return null
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
}

const auditsOf = async (targetType: string, targetId: string) =>
  database.current().db.select().from(auditLog).where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId))).orderBy(desc(auditLog.id))

let n = 0
const report = (categoryId: number, answers: Record<string, string> = {}) =>
  submitReport(
    { kind: 'citizen', id: citizenId, locale: 'it' },
    { categoryId, title: 'Lampione spento', description: 'Il lampione è spento da giorni.', latitude: 43.4661, longitude: 11.8822, answers, idempotencyKey: `categories-${++n}-${Date.now()}` },
  )
let citizenId: string

describe('an administrator manages report categories', () => {
  beforeAll(async () => {
    citizenId = (await newCitizen(database.current().db)).id
  })

  it('edits office, target, urgent notice, radius and questions: new reports follow, and the audit log says what changed', async () => {
    const before = await getCategoryForAdmin(actors.admin!, illuminazione)
    expect(before).toMatchObject({ name: 'Illuminazione pubblica', targetWorkingDays: 7, duplicateRadiusMeters: 250, urgentNotice: null })
    const [palo] = before!.extraQuestions
    await saveCategory(
      actors.admin!,
      illuminazione,
      {
        name: 'Illuminazione pubblica',
        officeId: String(officeIds.ambiente),
        targetWorkingDays: '3',
        urgentNotice: 'Un palo pericolante? Se c’è pericolo per le persone chiama il 112.',
        duplicateRadiusMeters: '100',
        extraQuestions: JSON.stringify([
          { code: palo!.code, label: palo!.label, type: 'text', required: false, options: [] },
          { label: 'Quanti lampioni sono spenti?', type: 'choice', required: true, options: ['Uno', 'Più di uno', 'Tutta la via', 'Uno'] },
        ]),
      },
      context,
    )
    const after = await getCategoryForAdmin(actors.admin!, illuminazione)
    expect(after).toMatchObject({ officeId: officeIds.ambiente, targetWorkingDays: 3, duplicateRadiusMeters: 100, urgentNotice: 'Un palo pericolante? Se c’è pericolo per le persone chiama il 112.' })
    expect(after!.extraQuestions).toEqual([
      { code: palo!.code, label: palo!.label, type: 'text', required: false },
      { code: 'quanti-lampioni-sono-spenti', label: 'Quanti lampioni sono spenti?', type: 'choice', required: true, options: ['Uno', 'Più di uno', 'Tutta la via'] },
    ])

    // The citizen's form shows the notice and the new question; Open311 offers it as a list of values.
    const setup = await getReportFormSetup()
    expect(setup.categories.find((c) => c.id === illuminazione)).toMatchObject({ urgentNotice: after!.urgentNotice, extraQuestions: after!.extraQuestions })
    const definition = toJsonValue(await getOpen311ServiceDefinition('illuminazione-pubblica')) as { attributes: Array<Record<string, unknown>> }
    expect(definition.attributes[1]).toMatchObject({ code: 'quanti-lampioni-sono-spenti', datatype: 'singlevaluelist', required: true, values: [{ key: 'Uno', name: 'Uno' }, { key: 'Più di uno', name: 'Più di uno' }, { key: 'Tutta la via', name: 'Tutta la via' }] })

    // A new report goes to the new office, due in 3 working days, and must pick one of the choices.
    expect((await errorOf(report(illuminazione, { 'quanti-lampioni-sono-spenti': 'Dieci' })))?.message).toBe('Per «Quanti lampioni sono spenti?» scegli una delle risposte proposte.')
    expect((await errorOf(report(illuminazione)))?.message).toBe('Rispondi alla domanda «Quanti lampioni sono spenti?».')
    const now = new Date()
    const filed = await report(illuminazione, { 'quanti-lampioni-sono-spenti': 'Tutta la via' })
    const [row] = await database.current().db.select().from(reports).where(eq(reports.id, filed.id))
    expect(row).toMatchObject({ officeId: officeIds.ambiente, dueDate: dueDateFor(now, 3, (await database.current().db.select().from(comuneSettings))[0]!.patronDay) })
    expect((await getReportForStaff(actors.operator!, filed.id))!.answerList).toEqual([{ code: 'quanti-lampioni-sono-spenti', label: 'Quanti lampioni sono spenti?', answer: 'Tutta la via' }])

    const [audit] = await auditsOf('report_category', String(illuminazione))
    expect(audit).toMatchObject({ action: 'report_category.update', actorId: actors.admin!.id, ip: '127.0.0.1' })
    expect(audit!.details).toMatchObject({
      changes: {
        officeId: { from: officeIds['lavori-pubblici'], to: officeIds.ambiente },
        targetWorkingDays: { from: 7, to: 3 },
        duplicateRadiusMeters: { from: 250, to: 100 },
        urgentNotice: { from: null, to: after!.urgentNotice },
        extraQuestions: { from: before!.extraQuestions, to: after!.extraQuestions },
      },
    })
    expect(Object.keys((audit!.details as { changes: object }).changes)).not.toContain('name')

    // The question edited in place keeps its code: answers already given stay under it.
    await saveCategory(actors.admin!, illuminazione, { ...editOf(after!), extraQuestions: [{ code: 'quanti-lampioni-sono-spenti', label: 'Quanti lampioni non si accendono?', type: 'choice', required: true, options: ['Uno', 'Più di uno', 'Tutta la via'] }] }, context)
    expect((await getReportForStaff(actors.operator!, filed.id))!.answerList).toEqual([{ code: 'quanti-lampioni-sono-spenti', label: 'Quanti lampioni non si accendono?', answer: 'Tutta la via' }])
  })

  it('refuses bad input with an Italian message and changes nothing', async () => {
    const before = await getCategoryForAdmin(actors.admin!, illuminazione)
    const valid = editOf(before!)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ targetWorkingDays: '0' }, 'L’obiettivo va da 1 a 365 giorni lavorativi.'],
      [{ targetWorkingDays: 'dieci' }, 'Scrivi l’obiettivo in giorni lavorativi.'],
      [{ duplicateRadiusMeters: '100000' }, 'Il raggio va da 10 a 5000 metri.'],
      [{ officeId: '999999' }, 'Ufficio sconosciuto.'],
      [{ name: '<b>Luce</b>' }, 'Il nome: non usare codice HTML o script, scrivi solo testo.'],
      [{ name: 'Strade, marciapiedi, segnaletica e viabilità' }, 'Esiste già una categoria con questo nome.'],
      [{ urgentNotice: '<script>alert(1)</script>' }, 'L’avviso urgente: non usare codice HTML o script, scrivi solo testo.'],
      [{ extraQuestions: JSON.stringify([{ label: 'Colore?', type: 'choice', required: false, options: ['Rosso'] }]) }, 'La domanda «Colore?» è a scelta: scrivi almeno due risposte possibili, una per riga.'],
      [{ extraQuestions: JSON.stringify([{ label: 'Uguale', type: 'text' }, { label: 'uguale', type: 'text' }]) }, 'Due domande hanno lo stesso testo: cambiane una.'],
      [{ extraQuestions: '{non è json' }, 'Domande aggiuntive non valide: ricarica la pagina.'],
      [{ extraQuestions: JSON.stringify([{ label: 'No', type: 'text' }]) }, 'Scrivi il testo della domanda.'],
    ]
    for (const [patch, message] of cases) {
      expect((await errorOf(saveCategory(actors.admin!, illuminazione, { ...valid, ...patch }, context)))?.message, JSON.stringify(patch)).toBe(message)
    }
    expect((await errorOf(saveCategory(actors.admin!, 999_999, valid, context)))?.code).toBe('not_found')
    expect(await getCategoryForAdmin(actors.admin!, illuminazione)).toEqual(before)
  })

  it('creates a category, retires it (citizens and Open311 stop seeing it) and brings it back', async () => {
    const { id } = await saveCategory(actors.admin!, null, { name: 'Fontanelle e bagni pubblici', officeId: String(officeIds['lavori-pubblici']), targetWorkingDays: '8', duplicateRadiusMeters: '150', extraQuestions: '' }, context)
    const created = await getCategoryForAdmin(actors.admin!, id)
    expect(created).toMatchObject({ slug: 'fontanelle-e-bagni-pubblici', name: 'Fontanelle e bagni pubblici', targetWorkingDays: 8, active: true, extraQuestions: [], reports: 0 })
    expect((await listCategoriesForAdmin(actors.admin!)).at(-1)).toMatchObject({ id, name: 'Fontanelle e bagni pubblici', active: true })
    expect((await auditsOf('report_category', String(id)))[0]).toMatchObject({ action: 'report_category.create' })

    await report(id)
    await setCategoryActive(actors.admin!, id, false, context)
    expect((await getReportFormSetup()).categories.map((c) => c.id)).not.toContain(id)
    const services = toJsonValue(await listOpen311Services()) as Array<{ service_code: string }>
    expect(services.map((s) => s.service_code)).not.toContain('fontanelle-e-bagni-pubblici')
    expect((await errorOf(report(id)))?.message).toBe('Tipo di problema sconosciuto: scegline uno dall’elenco.')
    expect((await auditsOf('report_category', String(id)))[0]).toMatchObject({ action: 'report_category.retire' })

    // A category with reports is never deleted.
    expect(await errorOf(deleteCategory(actors.admin!, id, context))).toMatchObject({ code: 'conflict', message: 'La categoria «Fontanelle e bagni pubblici» ha una segnalazione: non si può eliminare. Ritirala: i cittadini non la vedranno più.' })
    expect(await getCategoryForAdmin(actors.admin!, id)).toMatchObject({ reports: 1 })

    await setCategoryActive(actors.admin!, id, true, context)
    expect((await getReportFormSetup()).categories.map((c) => c.id)).toContain(id)

    // One nobody used can go.
    const unused = await saveCategory(actors.admin!, null, { name: 'Creata per sbaglio', officeId: String(officeIds.urp), targetWorkingDays: '5', duplicateRadiusMeters: '250' }, context)
    await deleteCategory(actors.admin!, unused.id, context)
    expect(await getCategoryForAdmin(actors.admin!, unused.id)).toBeNull()
    expect((await auditsOf('report_category', String(unused.id)))[0]).toMatchObject({ action: 'report_category.delete', details: { name: 'Creata per sbaglio' } })
  })

  it('writes reply templates per category: staff see them on that category’s reports only', async () => {
    const { id } = await saveReplyTemplate(actors.admin!, null, { categoryId: String(illuminazione), title: 'Lampada ordinata', body: 'Abbiamo ordinato la lampada: la sostituiamo appena arriva.' }, context)
    const filed = await report(illuminazione, { 'quanti-lampioni-sono-spenti': 'Uno' })
    expect((await getReportForStaff(actors.operator!, filed.id))!.templates).toContainEqual({ id, title: 'Lampada ordinata', body: 'Abbiamo ordinato la lampada: la sostituiamo appena arriva.' })
    const strade = (await database.current().db.select().from(categories).where(eq(categories.slug, 'strade-viabilita')))[0]!.id
    const other = await report(strade)
    expect((await getReportForStaff(actors.operator!, other.id))!.templates.map((t) => t.id)).not.toContain(id)

    await saveReplyTemplate(actors.admin!, id, { categoryId: String(illuminazione), title: 'Lampada ordinata', body: 'La lampada arriva la prossima settimana.' }, context)
    expect((await auditsOf('reply_template', String(id)))[0]).toMatchObject({ action: 'reply_template.update', details: { changes: { body: { from: 'Abbiamo ordinato la lampada: la sostituiamo appena arriva.', to: 'La lampada arriva la prossima settimana.' } } } })
    expect((await errorOf(saveReplyTemplate(actors.admin!, id, { categoryId: '999999', title: 'X y z', body: 'Testo' }, context)))?.message).toBe('Categoria sconosciuta.')
    expect((await errorOf(saveReplyTemplate(actors.admin!, id, { categoryId: '', title: 'Ok', body: '<img src=x onerror=alert(1)>' }, context)))?.code).toBe('invalid_input')
    const [kept] = await database.current().db.select().from(replyTemplates).where(eq(replyTemplates.id, id))
    expect(kept).toMatchObject({ categoryId: illuminazione, body: 'La lampada arriva la prossima settimana.' })

    await deleteReplyTemplate(actors.admin!, id, context)
    expect((await getCategoryForAdmin(actors.admin!, illuminazione))!.templates.map((t) => t.id)).not.toContain(id)
  })

  it('is for administrators only', async () => {
    const edit = { name: 'Presa', officeId: String(officeIds.urp), targetWorkingDays: '1', duplicateRadiusMeters: '250' }
    for (const role of ['operator', 'office', 'civil_protection']) {
      const actor = actors[role]!
      for (const attempt of [
        saveCategory(actor, illuminazione, edit, context),
        saveCategory(actor, null, edit, context),
        setCategoryActive(actor, illuminazione, false, context),
        deleteCategory(actor, illuminazione, context),
        getCategoryForAdmin(actor, illuminazione),
        listCategoriesForAdmin(actor),
        saveReplyTemplate(actor, null, { categoryId: '', title: 'Presa', body: 'Presa in carico.' }, context),
        deleteReplyTemplate(actor, 1, context),
      ]) {
        expect((await errorOf(attempt))?.code, role).toBe('forbidden')
      }
    }
    expect(await getCategoryForAdmin(actors.admin!, illuminazione)).toMatchObject({ name: 'Illuminazione pubblica', active: true })
  })
})

function editOf(c: NonNullable<Awaited<ReturnType<typeof getCategoryForAdmin>>>) {
  return { name: c.name, officeId: String(c.officeId), targetWorkingDays: String(c.targetWorkingDays), urgentNotice: c.urgentNotice ?? '', duplicateRadiusMeters: String(c.duplicateRadiusMeters), extraQuestions: c.extraQuestions }
}
