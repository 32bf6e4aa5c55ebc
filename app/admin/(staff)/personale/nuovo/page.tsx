import type { Metadata } from 'next'
import Link from 'next/link'
import { listOfficeChoices } from '@/lib/offices/list-offices-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { CreateStaffForm } from '@/components/admin/staff-forms'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { createStaffAction } from '../actions'

export const metadata: Metadata = { title: 'Nuovo account' }

export default async function NewStaffPage() {
  const actor = await staffOrSignIn()
  const offices = await unlessForbidden(() => listOfficeChoices(actor))
  if (offices === FORBIDDEN) return <Forbidden />
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/personale" className="inline-flex min-h-11 items-center text-primary underline">
          ← Personale
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Nuovo account</h1>
      <CreateStaffForm action={createStaffAction} offices={offices} />
    </>
  )
}
