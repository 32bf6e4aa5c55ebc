import type { Metadata } from 'next'
import Link from 'next/link'
import { listEventsForStaff } from '@/lib/content/list-events-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { ContentStatusPill } from '@/components/admin/content-status'
import { buttonClass } from '@/components/admin/form-parts'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { formatRome } from '../../_lib/content-outcome'

export const metadata: Metadata = { title: 'Eventi' }

export default async function EventsAdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listEventsForStaff(actor))
  if (list === FORBIDDEN) return <Forbidden />
  const deleted = (await searchParams).eliminato === '1'
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Eventi</h1>
        <Link href="/admin/eventi/nuovo" className={buttonClass}>
          Nuovo evento
        </Link>
      </div>
      {deleted ? (
        <p
          role="status"
          className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success"
        >
          Evento eliminato.
        </p>
      ) : null}
      {list.length === 0 ? (
        <p>Non ci sono ancora eventi.</p>
      ) : (
        <div
          className="overflow-x-auto rounded border border-line bg-white"
          tabIndex={0}
          role="region"
          aria-label="Elenco degli eventi"
        >
          <table className="w-full text-left">
            <thead className="bg-surface">
              <tr>
                <th scope="col" className="p-3">
                  Titolo
                </th>
                <th scope="col" className="p-3">
                  Stato
                </th>
                <th scope="col" className="p-3">
                  Quando
                </th>
                <th scope="col" className="p-3">
                  Dove
                </th>
                <th scope="col" className="p-3">
                  Pubblicazione
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((event) => (
                <tr key={event.id} className="border-t border-line align-top">
                  <th scope="row" className="p-3 font-semibold">
                    <Link href={`/admin/eventi/${event.id}`} className="inline-flex min-h-11 items-center text-primary underline">
                      {event.title}
                    </Link>
                  </th>
                  <td className="p-3">
                    <ContentStatusPill kind="event" status={event.status} />
                  </td>
                  <td className="p-3">{formatRome(event.startsAt)}</td>
                  <td className="p-3">{event.location}</td>
                  <td className="p-3">{event.publishedAt ? formatRome(event.publishedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
