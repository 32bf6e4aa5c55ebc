import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getOfficeForStaff } from '@/lib/offices/get-office-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { OfficeForm } from '@/components/admin/office-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { updateOfficeAction } from '../actions'

export const metadata: Metadata = { title: 'Ufficio' }

export default async function OfficePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffOrSignIn()
  const id = Number((await params).id)
  if (!Number.isSafeInteger(id) || id <= 0) notFound()
  const office = await unlessForbidden(() => getOfficeForStaff(actor, id))
  if (office === FORBIDDEN) return <Forbidden message="Puoi vedere e modificare solo il tuo ufficio." />
  if (!office) notFound()
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/uffici" className="inline-flex min-h-11 items-center text-primary underline">
          ← Uffici
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{office.name}</h1>
      <OfficeForm action={updateOfficeAction} office={office} />
    </>
  )
}
