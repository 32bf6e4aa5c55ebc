import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Forbidden } from '@/components/admin/forbidden'
import { StaffActionForm } from '@/components/reports/staff-action-form'
import { getReportFormSetup } from '@/lib/reports/report-form-setup'
import { getRoutingRule } from '@/lib/reports/routing-rules'
import { listReportFilterOptions } from '@/lib/reports/staff-reports'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../../_lib/guard'
import { saveRuleAction } from '../../actions'
import { RuleFields } from '../_components/rule-fields'

export const metadata: Metadata = { title: 'Modifica la regola di instradamento' }

export default async function EditRoutingRulePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffOrSignIn()
  const { id } = await params
  const loaded = await unlessForbidden(() => Promise.all([getRoutingRule(actor, Number(id)), listReportFilterOptions(actor), getReportFormSetup()]))
  if (loaded === FORBIDDEN) return <Forbidden />
  const [rule, options, setup] = loaded
  if (!rule) notFound()
  return (
    <>
      <p className="mb-2"><Link href="/admin/segnalazioni/regole" className="inline-flex min-h-11 items-center text-primary underline">← Regole di instradamento</Link></p>
      <h1 className="mb-4 text-3xl font-bold">Modifica la regola «{rule.name}»</h1>
      <StaffActionForm action={saveRuleAction} submitLabel="Salva le modifiche">
        <RuleFields rule={rule} categories={options.categories} offices={options.offices} setup={setup} />
      </StaffActionForm>
    </>
  )
}
