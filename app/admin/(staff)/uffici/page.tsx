import type { Metadata } from 'next'
import Link from 'next/link'
import { listOfficesForStaff } from '@/lib/offices/list-offices-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'

export const metadata: Metadata = { title: 'Uffici' }

export default async function OfficesPage() {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listOfficesForStaff(actor))
  if (list === FORBIDDEN) return <Forbidden />
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Uffici</h1>
      <p className="mb-4">Orari e contatti che i cittadini vedono nell’app.</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {list.map((office) => (
          <li key={office.id} className="rounded border border-line bg-white p-4">
            <Link href={`/admin/uffici/${office.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold text-primary underline">
              {office.name}
            </Link>
            <p className="text-muted">{office.address}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
