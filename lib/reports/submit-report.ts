import 'server-only'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { comuneSettings, offices } from '@/db/schema/comune'
import { open311Requests } from '@/db/schema/open311'
import { categories, reportEvents, reportFollowers, reportPhotos, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import { romeWallClock } from '../time/rome-clock'
import type { CitizenActor } from '../citizens/actor'
import { geocodeAddress } from './geocode'
import { pointInPolygon } from './geo-shared'
import { notifyFollowers } from './notify-followers'
import { parseOrThrow } from './parse-input'
import { nextPublicCode } from './public-code'
import { decideRoute, loadRoutingRules } from './route-report'
import { submitReportSchema, type SubmitReportInput } from './schemas'
import { dueDateFor } from './working-days-shared'

/** A machine sending reports on citizens' behalf (an Open311 client), identified by its key. */
export type Open311ClientActor = { kind: 'open311'; clientId: string; label: string }
export type ReporterActor = CitizenActor | Open311ClientActor

export type SubmittedReport = {
  id: string
  publicCode: string
  officeId: number
  dueDate: string
  createdAt: Date
  /** False when the same draft had already been sent: nothing new was written. */
  created: boolean
}

export const OUTSIDE_COMUNE = 'Il punto indicato è fuori dal territorio del Comune: possiamo ricevere solo segnalazioni nel nostro Comune.'

class Replay extends Error {}

export type SubmitOptions = {
  /** The caller generated the idempotency key for this call alone: skip the replay lookup. */
  freshKey?: boolean
  /** What an Open311 client sent besides the report, kept in the same transaction. */
  open311?: { accountId: string | null; deviceId: string | null; mediaUrls: string[] }
}

/**
 * Files a report for a citizen or an Open311 client. Validates (category and its questions,
 * plain text, a place inside the Comune), routes it to the competent office, computes the
 * due date in working days, attaches the sender's uploaded photos and tells the reporter.
 * The idempotency key makes a retry of the same draft return the first report unchanged.
 */
export async function submitReport(actor: ReporterActor, rawInput: SubmitReportInput, now = new Date(), options: SubmitOptions = {}): Promise<SubmittedReport> {
  const input = parseOrThrow(submitReportSchema.safeParse(rawInput))
  const scope = actor.kind === 'citizen' ? `citizen:${actor.id}` : `open311:${actor.clientId}`
  const idempotencyKey = `${scope}:${input.idempotencyKey}`
  const db = await getDb()

  // A replayed draft returns its report before any check: its photos are attached by now.
  // A key the caller has just made up cannot have been used (Open311 POSTs).
  if (!options.freshKey) {
    const existing = await findByKey(idempotencyKey)
    if (existing) return existing
  }

  if (actor.kind === 'open311' && input.photoIds.length) {
    throw new AppError('invalid_input', 'Un client Open311 non può allegare foto caricate da un cittadino.')
  }

  try {
    return await db.transaction(async (tx) => {
      // Independent reads, sent together (postgres.js pipelines them on the transaction's connection).
      const [[comune], [category], rules] = await Promise.all([
        tx.select({ boundary: comuneSettings.boundary, patronDay: comuneSettings.patronDay }).from(comuneSettings),
        tx
          .select({
            id: categories.id,
            name: categories.name,
            officeId: categories.officeId,
            officeName: offices.name,
            extraQuestions: categories.extraQuestions,
            targetWorkingDays: categories.targetWorkingDays,
          })
          .from(categories)
          .innerJoin(offices, eq(offices.id, categories.officeId))
          .where(and(eq(categories.id, input.categoryId), eq(categories.active, true))),
        loadRoutingRules(tx, input.categoryId),
      ])
      if (!comune) throw new AppError('unavailable', 'Il Comune non è configurato.')
      if (!category) throw new AppError('invalid_input', 'Tipo di problema sconosciuto: scegline uno dall’elenco.', { categoryId: 'Tipo di problema sconosciuto.' })

      const answers: Record<string, string> = {}
      for (const question of category.extraQuestions) {
        const answer = input.answers[question.code]?.trim()
        if (answer && question.type === 'choice' && !question.options?.includes(answer)) {
          throw new AppError('invalid_input', `Per «${question.label}» scegli una delle risposte proposte.`, { [`answers.${question.code}`]: 'Scegli una delle risposte proposte.' })
        }
        if (answer) answers[question.code] = answer
        else if (question.required) {
          throw new AppError('invalid_input', `Rispondi alla domanda «${question.label}».`, { [`answers.${question.code}`]: 'Risposta obbligatoria.' })
        }
      }

      let lat = input.latitude
      let lon = input.longitude
      let address = input.address ?? ''
      if (lat === undefined || lon === undefined) {
        const found = await geocodeAddress(tx, address)
        if (!found) {
          throw new AppError('invalid_input', 'Non troviamo questo indirizzo nel Comune: scegline uno dall’elenco o indica il punto sulla mappa.', {
            address: 'Indirizzo non trovato.',
          })
        }
        lat = found.lat
        lon = found.lon
        address = found.label
      }
      const point = { lat, lon }
      if ((lat === 0 && lon === 0) || !pointInPolygon(point, comune.boundary)) {
        throw new AppError('invalid_input', OUTSIDE_COMUNE, { latitude: OUTSIDE_COMUNE })
      }

      const photos = input.photoIds.length && actor.kind === 'citizen'
        ? await tx
            .select({ id: reportPhotos.id })
            .from(reportPhotos)
            .where(and(inArray(reportPhotos.id, input.photoIds), isNull(reportPhotos.reportId), eq(reportPhotos.uploaderCitizenId, actor.id)))
            // Held until they are attached: the hourly purge of abandoned photos must not take them meanwhile.
            .for('update')
        : []
      if (photos.length !== new Set(input.photoIds).size) {
        throw new AppError('invalid_input', 'Una delle foto non si trova più: caricala di nuovo.', { photoIds: 'Foto non trovata.' })
      }

      const routing = decideRoute(category, rules, point)
      const publicCode = await nextPublicCode(tx, romeWallClock(now).year)
      const dueDate = dueDateFor(now, category.targetWorkingDays, comune.patronDay)
      const [row] = await tx
        .insert(reports)
        .values({
          publicCode,
          categoryId: category.id,
          officeId: routing.officeId,
          citizenId: actor.kind === 'citizen' ? actor.id : null,
          source: actor.kind === 'citizen' ? 'app' : 'open311',
          sourceClientId: actor.kind === 'open311' ? actor.clientId : null,
          title: input.title,
          description: input.description,
          latitude: lat,
          longitude: lon,
          address,
          answers,
          idempotencyKey,
          contactName: input.contactName ?? null,
          contactEmail: input.contactEmail ?? null,
          contactPhone: input.contactPhone ?? null,
          dueDate,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: reports.idempotencyKey })
        .returning({ id: reports.id, publicCode: reports.publicCode, officeId: reports.officeId, dueDate: reports.dueDate, createdAt: reports.createdAt })
      // A concurrent send of the same draft won the race: undo ours (and its code) and return theirs.
      if (!row) throw new Replay()

      if (photos.length) {
        for (const [index, id] of input.photoIds.entries()) {
          await tx.update(reportPhotos).set({ reportId: row.id, sortOrder: index }).where(eq(reportPhotos.id, id))
        }
      }
      await tx.insert(reportEvents).values([
        {
          reportId: row.id,
          at: now,
          kind: 'created',
          visibility: 'public',
          toStatus: 'received',
          actorLabel: actor.kind === 'citizen' ? 'Cittadino' : `Open311: ${actor.label}`,
        },
        {
          reportId: row.id,
          at: now,
          kind: 'routing',
          visibility: 'internal',
          note: `Assegnata a ${routing.officeName}. ${routing.reason}.`,
          actorLabel: 'Instradamento automatico',
          details: { officeId: routing.officeId, ruleId: routing.ruleId },
        },
      ])
      if (options.open311 && actor.kind === 'open311') await tx.insert(open311Requests).values({ reportId: row.id, clientId: actor.clientId, ...options.open311, createdAt: now })
      if (actor.kind === 'citizen') {
        await tx.insert(reportFollowers).values({ reportId: row.id, citizenId: actor.id, via: 'reporter', createdAt: now })
        await notifyFollowers(tx, row, {
          title: `Segnalazione ricevuta: ${row.publicCode}`,
          body: `Abbiamo ricevuto «${input.title}». Ti avviseremo a ogni passo.`,
        })
      }
      return { ...row, created: true }
    })
  } catch (error) {
    if (error instanceof Replay) {
      const first = await findByKey(idempotencyKey)
      if (first) return first
    }
    throw error
  }

  async function findByKey(key: string): Promise<SubmittedReport | null> {
    const [row] = await db
      .select({ id: reports.id, publicCode: reports.publicCode, officeId: reports.officeId, dueDate: reports.dueDate, createdAt: reports.createdAt })
      .from(reports)
      .where(eq(reports.idempotencyKey, key))
    return row ? { ...row, created: false } : null
  }
}
