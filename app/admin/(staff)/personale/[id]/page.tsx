import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { roleLabels } from '@/lib/auth/actor'
import { getStaffMember } from '@/lib/staff/get-staff-member'
import { listOfficeChoices } from '@/lib/offices/list-offices-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { ActiveToggleForm, EditStaffForm, ResetPasswordForm } from '@/components/admin/staff-forms'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { resetPasswordAction, setStaffActiveAction, updateStaffAction } from '../actions'

export const metadata: Metadata = { title: 'Account del personale' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export default async function StaffMemberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await staffOrSignIn()
  const { id } = await params
  if (!UUID.test(id)) notFound()
  const loaded = await unlessForbidden(async () => ({
    member: await getStaffMember(actor, id),
    offices: await listOfficeChoices(actor),
  }))
  if (loaded === FORBIDDEN) return <Forbidden />
  const { member, offices } = loaded
  if (!member) notFound()
  const justCreated = (await searchParams).creato === '1'
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/personale" className="inline-flex min-h-11 items-center text-primary underline">
          ← Personale
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{member.name}</h1>
      <p className="mb-4 text-muted">
        {member.email} · {roleLabels[member.role]} · {member.active ? 'Attivo' : 'Disattivato'}
      </p>
      {justCreated ? (
        <p role="status" className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success">
          Account creato.
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <EditStaffForm action={updateStaffAction} offices={offices} member={member} />
        <div className="grid content-start gap-4">
          <ActiveToggleForm action={setStaffActiveAction} staffId={member.id} active={member.active} self={member.id === actor.id} />
          <ResetPasswordForm action={resetPasswordAction} staffId={member.id} />
        </div>
      </div>
    </>
  )
}
