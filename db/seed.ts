import { seedChat } from './seed-chat'
import { eq, sql } from 'drizzle-orm'
import { hashPassword, verifyPassword } from '../lib/auth/password'
import type { Db } from './client'
import { comuneSettings, offices } from './schema/comune'
import { events, newsItems } from './schema/content'
import { categories, replyTemplates, routingRules, streets } from './schema/reports'
import { seedDemoReports } from './seed-reports'
import { staffUsers } from './schema/staff'
import { topics } from './schema/topics'
import { DEMO_PASSWORD, demoReplyTemplates, demoStreets, demoCategories, demoComune, demoOffices, demoRiskTemplates, demoStaff, demoTopics, demoWaitingAreas, demoZones } from './seed-data'
import { alertMessages, alerts, riskTemplates, waitingAreas, zones } from './schema/alerts'

const DAY = 24 * 60 * 60 * 1000

/** Rome wall-clock time `days` from `now`, at hh:mm (close enough for demo content). */
function romeAt(now: Date, days: number, hh: number, mm = 0): Date {
  const d = new Date(now.getTime() + days * DAY)
  d.setUTCHours(hh - 1, mm, 0, 0)
  return d
}

/**
 * Creates the demo "Comune di Esempio". Idempotent: every row is keyed by a natural key
 * and inserted only when missing, so running it again changes nothing a user edited.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<{ created: boolean }> {
  const existing = await db.select({ id: comuneSettings.id }).from(comuneSettings).limit(1)
  const created = existing.length === 0
  const passwordHash = await hashPassword(DEMO_PASSWORD)

  await db.transaction(async (tx) => {
    await tx.insert(comuneSettings).values({ id: 1, ...demoComune }).onConflictDoNothing()

    await tx
      .insert(offices)
      .values(demoOffices.map((o, i) => ({ ...o, sortOrder: i })))
      .onConflictDoNothing({ target: offices.slug })
    const officeRows = await tx.select({ id: offices.id, slug: offices.slug }).from(offices)
    const officeId = (slug: string) => {
      const row = officeRows.find((o) => o.slug === slug)
      if (!row) throw new Error(`Seed: office ${slug} missing`)
      return row.id
    }

    await tx
      .insert(categories)
      .values(
        demoCategories.map((c, i) => ({
          slug: c.slug,
          name: c.name,
          officeId: officeId(c.office),
          targetWorkingDays: c.targetWorkingDays,
          urgentNotice: c.urgentNotice ?? null,
          extraQuestions: c.extraQuestions ?? [],
          sortOrder: i,
        })),
      )
      .onConflictDoNothing({ target: categories.slug })

    await tx
      .insert(topics)
      .values(demoTopics.map((t, i) => ({ ...t, sortOrder: i })))
      .onConflictDoNothing({ target: topics.slug })

    await tx
      .insert(staffUsers)
      .values(
        demoStaff.map((s) => ({
          email: s.email,
          name: s.name,
          role: s.role,
          officeId: s.office ? officeId(s.office) : null,
          passwordHash,
        })),
      )
      .onConflictDoNothing({ target: staffUsers.email })

    const topicRows = await tx.select({ id: topics.id, slug: topics.slug }).from(topics)
    const topicId = (slug: string) => topicRows.find((t) => t.slug === slug)?.id ?? null
    const [author] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.email, 'urp@comune.esempio.it'))

    await tx
      .insert(newsItems)
      .values([
        {
          slug: 'nuovi-orari-anagrafe',
          title: 'Anagrafe: aperta anche il martedì e il giovedì pomeriggio',
          summary: 'Da questo mese i Servizi demografici ricevono anche dalle 15:00 alle 17:30 del martedì e del giovedì.',
          body: 'Per venire incontro a chi lavora, i **Servizi demografici** sono aperti anche il martedì e il giovedì pomeriggio, dalle 15:00 alle 17:30.\n\nPer la carta d’identità elettronica porta una fototessera recente e la tessera sanitaria.',
          topicId: topicId('notizie'),
          publishedAt: new Date(now.getTime() - 2 * DAY),
          createdBy: author?.id ?? null,
        },
        {
          slug: 'lavori-via-roma',
          title: 'Via Roma chiusa al traffico per lavori alla rete idrica',
          summary: 'Dal lunedì al venerdì, dalle 8 alle 17, via Roma è chiusa tra piazza Garibaldi e via Mazzini. Deviazione da viale Europa.',
          body: 'Il cantiere sostituisce le tubature dell’acquedotto. I residenti possono entrare dal lato di via Mazzini.\n\nPer informazioni: Lavori pubblici, 0575 123420.',
          topicId: topicId('viabilita'),
          publishedAt: new Date(now.getTime() - 1 * DAY),
          createdBy: author?.id ?? null,
        },
        {
          slug: 'bando-contributi-affitto',
          title: 'Contributi per l’affitto: domande entro fine mese',
          summary: 'Le famiglie con ISEE fino a 16.500 euro possono chiedere un contributo per il canone di locazione.',
          body: 'La domanda si presenta online o all’URP. Servono ISEE in corso di validità, contratto di affitto registrato e ricevute di pagamento.',
          topicId: topicId('scadenze-bandi'),
          publishedAt: new Date(now.getTime() - 5 * DAY),
          createdBy: author?.id ?? null,
        },
      ])
      .onConflictDoNothing({ target: newsItems.slug })

    await tx
      .insert(events)
      .values([
        {
          slug: 'mercato-contadino',
          title: 'Mercato contadino in piazza',
          summary: 'Prodotti del territorio direttamente dai produttori.',
          // The date moves with the day the demo is seeded: the text names no weekday that could contradict it.
          body: 'In piazza della Libertà, dalle 8 alle 13: frutta, verdura, formaggi e pane dei produttori locali.',
          location: 'Piazza della Libertà',
          startsAt: romeAt(now, 2, 8),
          endsAt: romeAt(now, 2, 13),
          topicId: topicId('eventi'),
          publishedAt: now,
          createdBy: author?.id ?? null,
        },
        {
          slug: 'incontro-piano-protezione-civile',
          title: 'Incontro pubblico sul piano di protezione civile',
          summary: 'Cosa fare in caso di allerta, dove sono le aree di attesa, come ricevere gli avvisi.',
          body: 'La Protezione civile comunale presenta il piano di emergenza e risponde alle domande dei cittadini. Ingresso libero.',
          location: 'Sala consiliare, Piazza della Libertà 1',
          startsAt: romeAt(now, 4, 18),
          endsAt: romeAt(now, 4, 20),
          topicId: topicId('protezione-civile'),
          publishedAt: now,
          createdBy: author?.id ?? null,
        },
        {
          slug: 'concerto-banda',
          title: 'Concerto della banda cittadina',
          summary: 'Musiche della tradizione nel chiostro comunale.',
          body: 'La banda cittadina suona nel chiostro del palazzo comunale. In caso di pioggia il concerto si tiene in teatro.',
          location: 'Chiostro del Palazzo comunale',
          startsAt: romeAt(now, 9, 21),
          topicId: topicId('eventi'),
          publishedAt: now,
          createdBy: author?.id ?? null,
        },
      ])
      .onConflictDoNothing({ target: events.slug })

    await tx
      .insert(zones)
      .values(demoZones.map((z) => ({ name: z.name, description: z.description, polygon: { type: 'Polygon' as const, coordinates: [z.ring] } })))
      .onConflictDoNothing({ target: zones.name })
    await tx.insert(riskTemplates).values(demoRiskTemplates).onConflictDoNothing()
    if ((await tx.select({ id: waitingAreas.id }).from(waitingAreas).limit(1)).length === 0) {
      const zoneRows = await tx.select({ id: zones.id, name: zones.name }).from(zones)
      await tx.insert(waitingAreas).values(
        demoWaitingAreas.map((a) => ({ ...a, zoneId: zoneRows.find((z) => z.name === a.zone)?.id ?? null })),
      )
    }

    await seedReportSetup(tx, officeId)
    await seedDemoReports(tx, now)

    // One alert from last week, already over: citizens can see what an alert looks like.
    const identifier = 'it.comune.esempio.demo.0001'
    const [pastAlert] = await tx
      .insert(alerts)
      .values({
        identifier,
        state: 'ended',
        level: 'gialla',
        phase: 'attenzione',
        risks: ['temporali'],
        headline: 'Temporali forti nel pomeriggio',
        description: 'Il Centro funzionale regionale ha emesso un’allerta gialla per temporali dalle 12 alle 24.',
        comuneActions: 'Il Comune ha chiuso il sottopasso di via Roma e il parco fluviale.',
        instructions: demoRiskTemplates.find((r) => r.risk === 'temporali')!.instructionsIt,
        issuer: 'Sindaco del Comune di Esempio',
        validFrom: new Date(now.getTime() - 5 * DAY),
        validUntil: new Date(now.getTime() - 4.5 * DAY),
        version: 2,
        publishedAt: new Date(now.getTime() - 5 * DAY),
        endedAt: new Date(now.getTime() - 4.6 * DAY),
        createdAt: new Date(now.getTime() - 5 * DAY),
        updatedAt: new Date(now.getTime() - 4.6 * DAY),
      })
      .onConflictDoNothing({ target: alerts.identifier })
      .returning()
    if (pastAlert) {
      await tx.insert(alertMessages).values([
        { alertId: pastAlert.id, identifier: `${identifier}.1`, msgType: 'Alert', sent: pastAlert.publishedAt!, snapshot: { ...pastAlert, state: 'active', version: 1 } },
        { alertId: pastAlert.id, identifier: `${identifier}.2`, msgType: 'Cancel', sent: pastAlert.endedAt!, snapshot: { ...pastAlert } },
      ])
    }

    await seedChat(tx, now)
  })

  return { created }
}

/** Street directory, reply templates and one routing rule by area: only into empty tables. */
async function seedReportSetup(tx: Parameters<Parameters<Db['transaction']>[0]>[0], officeId: (slug: string) => number) {
  if ((await tx.select({ id: streets.id }).from(streets).limit(1)).length === 0) {
    await tx.insert(streets).values(
      demoStreets.map((s) => ({
        name: s.name,
        houseNumber: s.houseNumber ?? '',
        searchName: s.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim(),
        latitude: s.latitude,
        longitude: s.longitude,
      })),
    )
  }
  const categoryRows = await tx.select({ id: categories.id, slug: categories.slug }).from(categories)
  const categoryId = (slug: string) => categoryRows.find((c) => c.slug === slug)?.id ?? null
  if ((await tx.select({ id: replyTemplates.id }).from(replyTemplates).limit(1)).length === 0) {
    await tx.insert(replyTemplates).values(demoReplyTemplates.map((t, i) => ({ categoryId: t.category ? categoryId(t.category) : null, title: t.title, body: t.body, sortOrder: i })))
  }
  if ((await tx.select({ id: routingRules.id }).from(routingRules).limit(1)).length === 0) {
    const centro = demoZones.find((z) => z.name === 'Centro storico')!
    await tx.insert(routingRules).values({
      name: 'Verde del centro storico ai Lavori pubblici',
      categoryId: categoryId('parchi-verde'),
      area: { type: 'Polygon', coordinates: [centro.ring] },
      officeId: officeId('lavori-pubblici'),
      sortOrder: 10,
    })
  }
}

/** True when the database holds no Comune yet (a first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(comuneSettings)
  return (row?.n ?? 0) === 0
}

/** True when the demo staff accounts still exist with the demo password (worth printing). */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const [admin] = await db
    .select({ passwordHash: staffUsers.passwordHash })
    .from(staffUsers)
    .where(eq(staffUsers.email, demoStaff[0].email))
  return admin ? verifyPassword(admin.passwordHash, DEMO_PASSWORD) : false
}
