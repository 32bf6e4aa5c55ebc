import type { Metadata } from 'next'
import Link from 'next/link'
import { listWaitingAreasForAdmin } from '@/lib/alerts/manage-waiting-areas'
import { Forbidden } from '@/components/admin/forbidden'
import { buttonClass } from '@/components/admin/form-parts'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { PlanNav } from '../zone/_plan-nav'

export const metadata: Metadata = { title: 'Aree di attesa' }

export default async function WaitingAreasPage() {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listWaitingAreasForAdmin(actor))
  if (list === FORBIDDEN) return <Forbidden />
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Aree di attesa</h1>
      <PlanNav current="/admin/aree-di-attesa" />
      <p className="mb-4">I luoghi sicuri dove ritrovarsi in emergenza, dal piano comunale di protezione civile.</p>
      <p className="mb-6">
        <Link href="/admin/aree-di-attesa/nuova" className={buttonClass}>
          Nuova area di attesa
        </Link>
      </p>
      <ul className="grid gap-3">
        {list.map((a) => (
          <li key={a.id} className="rounded border border-line bg-white p-4">
            <Link href={`/admin/aree-di-attesa/${a.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold text-primary underline">
              {a.name}
            </Link>
            {a.active ? null : <span className="ml-2 font-semibold text-muted">(non in uso)</span>}
            <p className="text-muted">
              {a.address} · {a.latitude.toFixed(5)}, {a.longitude.toFixed(5)}
              {a.zoneName ? ` · ${a.zoneName}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
