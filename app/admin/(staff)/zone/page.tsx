import type { Metadata } from 'next'
import Link from 'next/link'
import { listZonesForAdmin } from '@/lib/alerts/manage-zones'
import { Forbidden } from '@/components/admin/forbidden'
import { buttonClass } from '@/components/admin/form-parts'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { PlanNav } from './_plan-nav'

export const metadata: Metadata = { title: 'Zone' }

export default async function ZonesPage() {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listZonesForAdmin(actor))
  if (list === FORBIDDEN) return <Forbidden />
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Zone</h1>
      <PlanNav current="/admin/zone" />
      <p className="mb-4">Le aree del territorio che le allerte possono interessare. I cittadini scelgono le zone che li riguardano.</p>
      <p className="mb-6">
        <Link href="/admin/zone/nuova" className={buttonClass}>
          Nuova zona
        </Link>
      </p>
      <ul className="grid gap-3">
        {list.map((z) => (
          <li key={z.id} className="rounded border border-line bg-white p-4">
            <Link href={`/admin/zone/${z.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold text-primary underline">
              {z.name}
            </Link>
            {z.retiredAt ? <span className="ml-2 font-semibold text-muted">(ritirata)</span> : null}
            <p className="text-muted">
              {z.description || 'Nessuna descrizione.'} · scelta da {z.citizens} {z.citizens === 1 ? 'cittadino' : 'cittadini'}
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
