import type { Metadata } from 'next'
import Link from 'next/link'
import { Forbidden } from '@/components/admin/forbidden'
import { getChatFigures } from '@/lib/chat/chat-figures'
import { staffOrSignIn } from '../../../_lib/guard'

export const metadata: Metadata = { title: 'Cifre della chat' }

function duration(seconds: number | null): string {
  if (seconds === null) return '—'
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  return `${(seconds / 3600).toFixed(1).replace('.', ',')} h`
}

export default async function ChatFiguresPage() {
  const actor = await staffOrSignIn()
  if (actor.role === 'civil_protection') return <Forbidden />
  const f = await getChatFigures(actor, 30)
  const maxHour = Math.max(1, ...f.byHour)
  const maxDay = Math.max(1, ...f.byDay.map((d) => d.messages))
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/chat" className="inline-flex min-h-11 items-center text-primary underline">
          ← Chat
        </Link>
        <h1 className="mt-2 text-3xl font-bold">Cifre della chat</h1>
        <p>Ultimi {f.days} giorni.</p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        {[
          ['Chat con messaggi', String(f.conversations)],
          ['Messaggi dei cittadini', String(f.messages)],
          ['Prima risposta (mediana)', duration(f.firstResponseMedian)],
          ['Prima risposta (9 su 10 entro)', duration(f.firstResponseP90)],
          ['Risoluzione (mediana)', duration(f.resolutionMedian)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md border border-line bg-white p-3">
            <dt className="text-muted">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="by-hour">
        <h2 id="by-hour" className="text-xl font-bold">
          Messaggi per ora del giorno
        </h2>
        <table className="mt-2 w-full max-w-xl">
          <thead>
            <tr>
              <th scope="col" className="text-left">
                Ora
              </th>
              <th scope="col" className="text-left">
                Messaggi
              </th>
            </tr>
          </thead>
          <tbody>
            {f.byHour.map((n, hour) =>
              n > 0 ? (
                <tr key={hour}>
                  <td className="tabular-nums">{String(hour).padStart(2, '0')}:00</td>
                  <td>
                    <span className="inline-block h-3 bg-primary align-middle" style={{ width: `${(n / maxHour) * 60}%` }} aria-hidden="true" /> {n}
                  </td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="by-day">
        <h2 id="by-day" className="text-xl font-bold">
          Messaggi per giorno
        </h2>
        <table className="mt-2 w-full max-w-xl">
          <thead>
            <tr>
              <th scope="col" className="text-left">
                Giorno
              </th>
              <th scope="col" className="text-left">
                Messaggi
              </th>
            </tr>
          </thead>
          <tbody>
            {f.byDay.map((d) => (
              <tr key={d.day}>
                <td className="tabular-nums">{d.day.split('-').reverse().join('/')}</td>
                <td>
                  <span className="inline-block h-3 bg-primary align-middle" style={{ width: `${(d.messages / maxDay) * 60}%` }} aria-hidden="true" /> {d.messages}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
