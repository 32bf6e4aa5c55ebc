import { sql } from 'drizzle-orm'
import { dueDateFor } from '../lib/reports/working-days-shared'
import { nextPublicCode } from '../lib/reports/public-code'
import { romeWallClock } from '../lib/time/rome-clock'
import type { Tx } from './client'
import { categories, reportEvents, reports } from './schema/reports'
import { staffUsers } from './schema/staff'
import { demoComune } from './seed-data'

const DAY = 24 * 60 * 60 * 1000

type DemoReport = {
  category: string
  title: string
  description: string
  address: string
  lat: number
  lon: number
  daysAgo: number
  status: 'received' | 'taken' | 'scheduled' | 'resolved' | 'closed' | 'not_competent'
  state: 'new' | 'in_progress' | 'waiting' | 'closed'
  priority?: 'low' | 'normal' | 'high' | 'urgent'
  publicNote?: string
}

const demoReports: DemoReport[] = [
  { category: 'strade-viabilita', title: 'Buca profonda davanti al civico 12', description: 'Una buca larga circa mezzo metro sulla corsia verso il centro, pericolosa per chi va in bicicletta.', address: 'Via Roma 12', lat: 43.4661, lon: 11.8822, daysAgo: 1, status: 'received', state: 'new', priority: 'high' },
  { category: 'illuminazione-pubblica', title: 'Lampione spento da una settimana', description: 'Il lampione all’angolo con via Cavour non si accende più la sera.', address: 'Via Dante Alighieri', lat: 43.4702, lon: 11.8838, daysAgo: 6, status: 'taken', state: 'in_progress', publicNote: 'Abbiamo chiesto l’intervento alla ditta che gestisce l’illuminazione pubblica.' },
  { category: 'igiene-urbana-rifiuti', title: 'Cassonetti pieni e sacchi a terra', description: 'I cassonetti della carta sono pieni da giorni e ci sono sacchi lasciati sul marciapiede.', address: 'Via della Stazione', lat: 43.4601, lon: 11.872, daysAgo: 3, status: 'scheduled', state: 'waiting', publicNote: 'Il gestore svuoterà i cassonetti con il passaggio straordinario di giovedì.' },
  { category: 'parchi-verde', title: 'Ramo spezzato sopra la panchina', description: 'Nel giardino di via Verdi un grosso ramo è spezzato e pende sopra la panchina vicino ai giochi.', address: 'Via Giuseppe Verdi 40', lat: 43.4538, lon: 11.8902, daysAgo: 20, status: 'taken', state: 'in_progress', priority: 'urgent' },
  { category: 'arredo-urbano', title: 'Panchina rotta in piazza', description: 'Lo schienale di una panchina è staccato.', address: 'Piazza Garibaldi', lat: 43.4671, lon: 11.8772, daysAgo: 40, status: 'resolved', state: 'closed', publicNote: 'La panchina è stata riparata.' },
  { category: 'strade-viabilita', title: 'Segnale di stop piegato', description: 'Il cartello di stop all’incrocio è piegato e non si vede bene.', address: 'Viale Europa', lat: 43.4712, lon: 11.875, daysAgo: 90, status: 'resolved', state: 'closed', publicNote: 'Il cartello è stato sostituito.' },
  { category: 'acqua-allagamenti-fognature', title: 'Tombino che trabocca quando piove', description: 'A ogni temporale il tombino davanti alla scuola trabocca e allaga il marciapiede.', address: 'Via delle Scuole', lat: 43.474, lon: 11.8905, daysAgo: 15, status: 'closed', state: 'closed', publicNote: 'La caditoia è stata pulita e il tubo di scarico liberato.' },
  { category: 'ambiente-inquinamento', title: 'Odore forte dal fosso', description: 'Dal fosso lungo la strada arriva un odore forte, soprattutto la sera.', address: 'Via del Fiume', lat: 43.4522, lon: 11.8705, daysAgo: 8, status: 'received', state: 'new' },
]

/** Demo reports in every state, so the public map, the triage inbox and the counts show something. */
export async function seedDemoReports(tx: Tx, now: Date): Promise<void> {
  if ((await tx.select({ id: reports.id }).from(reports).limit(1)).length > 0) return
  const categoryRows = await tx.select().from(categories)
  const [operator] = await tx.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(sql`${staffUsers.role} = 'operator'`).limit(1)
  for (const demo of demoReports) {
    const category = categoryRows.find((c) => c.slug === demo.category)
    if (!category) continue
    const createdAt = new Date(now.getTime() - demo.daysAgo * DAY)
    const year = romeWallClock(createdAt).year
    const publicCode = await nextPublicCode(tx, year)
    const closed = demo.state === 'closed'
    const changedAt = new Date(createdAt.getTime() + Math.min(demo.daysAgo, 3) * DAY * 0.5)
    const [row] = await tx
      .insert(reports)
      .values({
        publicCode,
        categoryId: category.id,
        officeId: category.officeId,
        title: demo.title,
        description: demo.description,
        latitude: demo.lat,
        longitude: demo.lon,
        address: demo.address,
        state: demo.state,
        status: demo.status,
        priority: demo.priority ?? 'normal',
        dueDate: dueDateFor(createdAt, category.targetWorkingDays, demoComune.patronDay),
        createdAt,
        updatedAt: changedAt,
        closedAt: closed ? changedAt : null,
      })
      .returning({ id: reports.id })
    if (!row) continue
    await tx.insert(reportEvents).values({ reportId: row.id, at: createdAt, kind: 'created', visibility: 'public', toStatus: 'received', actorLabel: 'Cittadino' })
    if (demo.status !== 'received') {
      await tx.insert(reportEvents).values({
        reportId: row.id,
        at: changedAt,
        kind: 'status',
        visibility: 'public',
        fromStatus: 'received',
        toStatus: demo.status,
        note: demo.publicNote ?? '',
        actorStaffId: operator?.id ?? null,
        actorLabel: operator?.name ?? 'Comune',
      })
    }
  }
}
