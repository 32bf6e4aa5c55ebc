import type { Metadata } from 'next'
import Link from 'next/link'
import { roleLabels } from '@/lib/auth/actor'
import { listStaff } from '@/lib/staff/list-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { buttonClass } from '@/components/admin/form-parts'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Personale' }

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' })

export default async function StaffListPage() {
  const actor = await staffOrSignIn()
  const staff = await unlessForbidden(() => listStaff(actor))
  if (staff === FORBIDDEN) return <Forbidden />
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Personale</h1>
        <Link href="/admin/personale/nuovo" className={buttonClass}>
          Nuovo account
        </Link>
      </div>
      <ScrollTable className="overflow-x-auto rounded border border-line bg-white" label="Elenco del personale">
        <table className="w-full text-left">
          <thead className="bg-surface">
            <tr>
              <th scope="col" className="p-3">Nome</th>
              <th scope="col" className="p-3">Email</th>
              <th scope="col" className="p-3">Ruolo</th>
              <th scope="col" className="p-3">Stato</th>
              <th scope="col" className="p-3">Ultimo accesso</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id} className="border-t border-line">
                <th scope="row" className="p-3 font-semibold">
                  <Link href={`/admin/personale/${s.id}`} className="inline-flex min-h-11 items-center text-primary underline">
                    {s.name}
                  </Link>
                </th>
                <td className="p-3">{s.email}</td>
                <td className="p-3">
                  {roleLabels[s.role]}
                  {s.officeName ? ` · ${s.officeName}` : ''}
                </td>
                <td className="p-3">{s.active ? 'Attivo' : 'Disattivato'}</td>
                <td className="p-3">{s.lastSignInAt ? dateTime.format(s.lastSignInAt) : 'Mai'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  )
}
