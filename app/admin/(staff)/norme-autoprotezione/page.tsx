import type { Metadata } from 'next'
import { listRiskTemplates } from '@/lib/alerts/manage-risk-templates'
import { riskInfo } from '@/lib/alerts/cap'
import { Forbidden } from '@/components/admin/forbidden'
import { RiskTemplateForm } from '@/components/admin/plan-forms'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { PlanNav } from '../zone/_plan-nav'
import { saveRiskTemplateAction } from '../zone/actions'

export const metadata: Metadata = { title: 'Norme di autoprotezione' }

export default async function RiskTemplatesPage() {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listRiskTemplates(actor))
  if (list === FORBIDDEN) return <Forbidden />
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Norme di autoprotezione</h1>
      <PlanNav current="/admin/norme-autoprotezione" />
      <p className="mb-4">Cosa fare per ogni rischio: chi prepara un’allerta le inserisce con un clic e può modificarle. Le allerte già pubblicate non cambiano.</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {list.map((t) => (
          <RiskTemplateForm key={t.risk} action={saveRiskTemplateAction} risk={t.risk} label={riskInfo[t.risk].label} instructionsIt={t.instructionsIt} instructionsEn={t.instructionsEn} />
        ))}
      </div>
    </>
  )
}
