import type { Metadata } from 'next'
import Link from 'next/link'
import { listTopicsForStaff } from '@/lib/topics/list-topics-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { TopicForm } from '@/components/admin/topic-forms'
import { StatusPill } from '@/components/ui/status-pill'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { createTopicAction } from './actions'

export const metadata: Metadata = { title: 'Argomenti' }

export default async function TopicsPage() {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listTopicsForStaff(actor))
  if (list === FORBIDDEN) return <Forbidden />
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Argomenti</h1>
      <p className="mb-4 max-w-prose">
        I cittadini scelgono gli argomenti di cui ricevere notizie, eventi e avvisi. Un argomento
        ritirato sparisce dalle loro scelte ma resta nello storico.
      </p>
      <div
        className="mb-6 overflow-x-auto rounded border border-line bg-white"
        tabIndex={0}
        role="region"
        aria-label="Elenco degli argomenti"
      >
        <table className="w-full text-left">
          <thead className="bg-surface">
            <tr>
              <th scope="col" className="p-3">
                Nome
              </th>
              <th scope="col" className="p-3">
                In inglese
              </th>
              <th scope="col" className="p-3">
                Iscritti
              </th>
              <th scope="col" className="p-3">
                Stato
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((topic) => (
              <tr key={topic.id} className="border-t border-line align-top">
                <th scope="row" className="p-3 font-semibold">
                  <Link href={`/admin/argomenti/${topic.id}`} className="inline-flex min-h-11 items-center text-primary underline">
                    {topic.nameIt}
                  </Link>
                </th>
                <td className="p-3" lang="en">
                  {topic.nameEn}
                </td>
                <td className="p-3">{topic.subscribers}</td>
                <td className="p-3">
                  <div className="flex flex-wrap gap-2">
                    {topic.retiredAt ? (
                      <StatusPill tone="neutral">Ritirato</StatusPill>
                    ) : (
                      <StatusPill tone="success">Attivo</StatusPill>
                    )}
                    {topic.recommended ? <StatusPill tone="neutral">Consigliato</StatusPill> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TopicForm
        action={createTopicAction}
        heading="Aggiungi un argomento"
        submitLabel="Aggiungi l’argomento"
      />
    </>
  )
}
