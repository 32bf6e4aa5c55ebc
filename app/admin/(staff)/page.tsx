import type { Metadata } from 'next'
import Link from 'next/link'
import { roleLabels } from '@/lib/auth/actor'
import { getAlertDesk } from '@/lib/alerts/alert-desk'
import { levelLabels } from '@/lib/alerts/schemas'
import { listDeliveriesInProgress } from '@/lib/notify/list-notifications-for-staff'
import { getChatFigures } from '@/lib/chat/chat-figures'
import { countInbox } from '@/lib/chat/list-inbox'
import { listUnreadMentions } from '@/lib/chat/list-mentions'
import { LevelBadge, levelBorder } from '@/components/alerts/level-badge'
import { AutoRefresh } from '@/components/admin/auto-refresh'
import { ReopenAlerts } from '@/components/reports/reopen-alerts'
import { listReopenAlerts } from '@/lib/reports/reopen-alerts'
import { staffOrSignIn } from '../_lib/guard'

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' })
const kinds: Record<string, string> = { news: 'Notizia', event: 'Evento', alert: 'Allerta', campaign: 'Campagna', digest: 'Riepilogo eventi' }
/** Seconds as people say them: "4 min", "2 h 10 min"; a dash when there is nothing yet. */
function duration(seconds: number | null): string {
  if (seconds === null) return '—'
  const minutes = Math.round(seconds / 60)
  if (minutes < 1) return 'meno di 1 min'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
}

const levelLabel = (level: string) => levelLabels[level as keyof typeof levelLabels] ?? level

export const metadata: Metadata = { title: 'Bacheca' }

const roleIntro = {
  admin: 'Gestisci gli account del personale, gli uffici, gli argomenti e controlla il registro delle attività.',
  operator: 'Pubblica notizie ed eventi e tieni aggiornati orari e contatti degli uffici che i cittadini vedono nell’app.',
  office: 'Tieni aggiornati orari e contatti del tuo ufficio: i cittadini li vedono nell’app.',
  civil_protection: 'Prepara, approva e chiudi le allerte di protezione civile per i cittadini.',
} as const

export default async function DashboardPage() {
  const actor = await staffOrSignIn()
  const shortcuts = [
    ...(actor.role !== 'civil_protection'
      ? [
          { href: '/admin/segnalazioni', title: 'Segnalazioni', text: 'Le segnalazioni dei cittadini: smista, prendi in carico, rispondi, chiudi.' },
          { href: '/admin/chat', title: 'Chat', text: 'Le conversazioni con i cittadini, dal vivo.' },
        ]
      : []),
    ...(actor.role === 'admin' || actor.role === 'civil_protection'
      ? [{ href: '/admin/allerte', title: 'Allerte', text: 'Prepara, approva, pubblica e chiudi le allerte di protezione civile.' }]
      : []),
    ...(actor.role === 'admin' || actor.role === 'operator'
      ? [
          { href: '/admin/campagne', title: 'Campagne', text: 'Un messaggio agli iscritti di uno o più argomenti, subito o programmato.' },
          { href: '/admin/notizie', title: 'Notizie', text: 'Scrivi, programma e pubblica le notizie; avvisa gli iscritti.' },
          { href: '/admin/eventi', title: 'Eventi', text: 'L’agenda degli eventi in città.' },
        ]
      : []),
    ...(actor.role !== 'civil_protection'
      ? [{ href: '/admin/uffici', title: actor.role === 'office' ? 'Il tuo ufficio' : 'Uffici', text: 'Orari di apertura, giorni di chiusura e contatti.' }]
      : []),
    ...(actor.role === 'admin'
      ? [
          { href: '/admin/zone', title: 'Zone e aree di attesa', text: 'Le zone disegnate sulla mappa, le aree di attesa e le norme di autoprotezione.' },
          { href: '/admin/argomenti', title: 'Argomenti', text: 'Gli argomenti che i cittadini scelgono: aggiungi, rinomina, ritira.' },
          { href: '/admin/segnalazioni/categorie', title: 'Categorie segnalazioni', text: 'Ufficio, obiettivo in giorni lavorativi, avviso urgente, domande e risposte pronte di ogni categoria.' },
          { href: '/admin/personale', title: 'Personale', text: 'Crea account, cambia ruolo e ufficio, disattiva.' },
          { href: '/admin/registro', title: 'Registro attività', text: 'Accessi e modifiche, con chi e quando.' },
        ]
      : []),
    { href: '/', title: 'Sito per i cittadini', text: 'Come i cittadini vedono il Comune.' },
  ]
  const desk = await getAlertDesk(actor)
  const deliveries = actor.role === 'office' ? [] : await listDeliveriesInProgress(actor)
  const sending = deliveries.some((d) => d.state !== 'done')
  const chat = actor.role === 'admin' || actor.role === 'operator' ? await getChatFigures(actor, 30) : null
  // What happened in the chat while this person was away: notes naming them, chats waiting too long.
  const [mentions, inbox] = actor.role !== 'civil_protection' ? await Promise.all([listUnreadMentions(actor), countInbox(actor)]) : [null, null]
  const chatNews = [
    mentions?.total ? (mentions.total === 1 ? '1 nota ti menziona' : `${mentions.total} note ti menzionano`) : null,
    inbox?.escalated ? (inbox.escalated === 1 ? '1 chat aspetta da troppo tempo' : `${inbox.escalated} chat aspettano da troppo tempo`) : null,
  ].filter((t): t is string => t !== null)
  const reopened = actor.role !== 'civil_protection' ? await listReopenAlerts(actor, 5) : null
  const alertsHref = (id: string) => (actor.role === 'admin' || actor.role === 'civil_protection' ? `/admin/allerte/${id}` : `/allerte/${id}`)
  return (
    <>
      <AutoRefresh active={sending} />
      <h1 className="mb-2 text-3xl font-bold">Bacheca</h1>
      <p className="mb-6">
        Ruolo: <strong>{roleLabels[actor.role]}</strong>. {roleIntro[actor.role]}
      </p>
      {chatNews.length ? (
        <p className="mb-6 rounded border-2 border-warning bg-warning-light p-4 text-ink">
          <strong>Chat:</strong> {chatNews.join(' · ')}.{' '}
          <Link href="/admin/chat" className="inline-flex min-h-11 items-center font-semibold text-primary-dark underline">
            Apri la chat
          </Link>
        </p>
      ) : null}
      {reopened ? <ReopenAlerts alerts={reopened.reports} total={reopened.total} headingId="reopened-reports" showOffice={actor.role !== 'office'} moreHref="/admin/segnalazioni" /> : null}
      <section aria-labelledby="alert-state" className="mb-6 rounded border border-line bg-white p-4">
        <h2 id="alert-state" className="mb-2 text-xl font-semibold">
          Allerte in corso
        </h2>
        {desk.inForce.length === 0 ? (
          <p>Nessuna allerta in corso.</p>
        ) : (
          <ul className="grid gap-2">
            {desk.inForce.map((a) => (
              <li key={a.id} className={`flex flex-wrap items-center gap-3 border-l-8 pl-3 ${levelBorder(a.level)}`}>
                <LevelBadge level={a.level} label={levelLabel(a.level)} />
                <Link href={alertsHref(a.id)} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                  {a.headline}
                </Link>
                <span className="text-muted">fino al {dateTime.format(a.validUntil)}</span>
              </li>
            ))}
          </ul>
        )}
        {desk.pendingApprovals.length ? (
          <>
            <h3 className="mt-4 mb-2 text-lg font-semibold">In attesa di approvazione</h3>
            <ul className="grid gap-2">
              {desk.pendingApprovals.map((a) => (
                <li key={`${a.kind}-${a.id}`} className="flex flex-wrap items-center gap-3">
                  <LevelBadge level={a.level} label={levelLabel(a.level)} />
                  <Link href={`/admin/allerte/${a.id}`} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                    {a.kind === 'update' ? `Aggiornamento: ${a.headline}` : a.headline}
                  </Link>
                  <span className="text-muted">{a.canApprove ? 'Puoi approvarla tu.' : 'Serve un’altra persona.'}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {actor.role !== 'office' ? (
        <section aria-labelledby="delivery-progress" className="mb-6 rounded border border-line bg-white p-4">
          <h2 id="delivery-progress" className="mb-2 text-xl font-semibold">
            Invii in corso e dell’ultima ora
          </h2>
          {deliveries.length === 0 ? (
            <p>Nessun invio in corso.</p>
          ) : (
            <ul className="grid gap-3">
              {deliveries.map((d) => {
                const done = d.sent + d.gone + d.failed
                return (
                  <li key={d.id}>
                    <p>
                      <span className="font-semibold">{d.title}</span>{' '}
                      <span className="text-muted">
                        · {kinds[d.kind] ?? d.kind}
                        {d.topicName ? ` · ${d.topicName}` : ''}
                      </span>
                    </p>
                    <p>
                      {d.state === 'done' ? 'Completato' : d.state === 'queued' ? 'In coda' : 'Invio in corso'}: consegnate {d.sent} su {d.total}
                      {d.gone ? `, ${d.gone} dispositivi non più iscritti` : ''}
                      {d.failed ? `, ${d.failed} non riuscite` : ''}
                    </p>
                    {d.total > 0 ? <progress className="block w-full max-w-md" value={done} max={d.total} aria-label={`${d.title}: ${done} di ${d.total}`} /> : null}
                  </li>
                )
              })}
            </ul>
          )}
          <p className="mt-3">
            <Link href="/admin/invii" className="inline-flex min-h-11 items-center text-primary underline">
              Tutti gli invii
            </Link>
          </p>
        </section>
      ) : null}
      {chat ? (
        <section aria-labelledby="chat-figures" className="mb-6 rounded border border-line bg-white p-4">
          <h2 id="chat-figures" className="mb-2 text-xl font-semibold">
            Chat negli ultimi 30 giorni
          </h2>
          <dl className="grid gap-2 sm:grid-cols-4">
            <div>
              <dt className="text-muted">Conversazioni</dt>
              <dd className="text-2xl font-bold">{chat.conversations}</dd>
            </div>
            <div>
              <dt className="text-muted">Messaggi dei cittadini</dt>
              <dd className="text-2xl font-bold">{chat.messages}</dd>
            </div>
            <div>
              <dt className="text-muted">Prima risposta (mediana)</dt>
              <dd className="text-2xl font-bold">{duration(chat.firstResponseMedian)}</dd>
            </div>
            <div>
              <dt className="text-muted">Risoluzione (mediana)</dt>
              <dd className="text-2xl font-bold">{duration(chat.resolutionMedian)}</dd>
            </div>
          </dl>
          <p className="mt-2">
            <Link href="/admin/chat/cifre" className="inline-flex min-h-11 items-center text-primary underline">
              Tutte le cifre della chat, per ora e per giorno
            </Link>
          </p>
        </section>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {shortcuts.map((s) => (
          <li key={s.href} className="rounded border border-line bg-white p-4">
            <h2 className="text-xl font-semibold">
              <Link href={s.href} className="inline-flex min-h-11 items-center text-primary underline">
                {s.title}
              </Link>
            </h2>
            <p className="text-muted">{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
