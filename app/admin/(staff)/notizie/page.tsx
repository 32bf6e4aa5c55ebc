import type { Metadata } from 'next'
import Link from 'next/link'
import { listNewsForStaff } from '@/lib/content/list-news-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { ContentStatusPill } from '@/components/admin/content-status'
import { buttonClass } from '@/components/admin/form-parts'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { formatRome } from '../../_lib/content-outcome'

export const metadata: Metadata = { title: 'Notizie' }

export default async function NewsAdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await staffOrSignIn()
  const news = await unlessForbidden(() => listNewsForStaff(actor))
  if (news === FORBIDDEN) return <Forbidden />
  const deleted = (await searchParams).eliminata === '1'
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Notizie</h1>
        <Link href="/admin/notizie/nuova" className={buttonClass}>
          Nuova notizia
        </Link>
      </div>
      {deleted ? (
        <p
          role="status"
          className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success"
        >
          Notizia eliminata.
        </p>
      ) : null}
      {news.length === 0 ? (
        <p>Non ci sono ancora notizie.</p>
      ) : (
        <div
          className="overflow-x-auto rounded border border-line bg-white"
          tabIndex={0}
          role="region"
          aria-label="Elenco delle notizie"
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
                  Pubblicazione
                </th>
                <th scope="col" className="p-3">
                  Argomento
                </th>
                <th scope="col" className="p-3">
                  Ultima modifica
                </th>
              </tr>
            </thead>
            <tbody>
              {news.map((item) => (
                <tr key={item.id} className="border-t border-line align-top">
                  <th scope="row" className="p-3 font-semibold">
                    <Link href={`/admin/notizie/${item.id}`} className="inline-flex min-h-11 items-center text-primary underline">
                      {item.title}
                    </Link>
                  </th>
                  <td className="p-3">
                    <ContentStatusPill kind="news" status={item.status} />
                  </td>
                  <td className="p-3">{item.publishedAt ? formatRome(item.publishedAt) : '—'}</td>
                  <td className="p-3">{item.topicName ?? '—'}</td>
                  <td className="p-3">{formatRome(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
