import type { Metadata } from 'next'
import Link from 'next/link'
import { Forbidden } from '@/components/admin/forbidden'
import { StaffActionForm } from '@/components/reports/staff-action-form'
import { getReportFormSetup } from '@/lib/reports/report-form-setup'
import { listRoutingRules } from '@/lib/reports/routing-rules'
import { listReportFilterOptions } from '@/lib/reports/staff-reports'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { deleteRuleAction, saveRuleAction } from '../actions'
import { RuleFields } from './_components/rule-fields'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Regole di instradamento' }

export default async function RoutingRulesPage() {
  const actor = await staffOrSignIn()
  const loaded = await unlessForbidden(() => Promise.all([listRoutingRules(actor), listReportFilterOptions(actor), getReportFormSetup()]))
  if (loaded === FORBIDDEN) return <Forbidden />
  const [rules, options, setup] = loaded
  const admin = actor.role === 'admin'
  return (
    <>
      <p className="mb-2"><Link href="/admin/segnalazioni" className="inline-flex min-h-11 items-center text-primary underline">← Segnalazioni</Link></p>
      <h1 className="mb-2 text-3xl font-bold">Regole di instradamento</h1>
      <p className="mb-4 max-w-prose">
        Ogni segnalazione va all’ufficio della sua categoria. Una regola la manda a un altro ufficio quando la categoria (o qualsiasi categoria) e
        il luogo (un’area disegnata sulla mappa, o tutto il Comune) corrispondono. Vale la prima regola in ordine crescente.
      </p>
      <h2 className="mb-2 text-xl font-semibold">Categorie e ufficio predefinito</h2>
      {admin ? <p className="mb-2"><Link href="/admin/segnalazioni/categorie" className="inline-flex min-h-11 items-center text-primary underline">Modifica le categorie, i loro uffici e obiettivi</Link></p> : null}
      <ScrollTable className="mb-6 overflow-x-auto rounded border border-line bg-white" label="Categorie e ufficio predefinito">
        <table className="w-full text-left">
          <thead className="bg-surface"><tr><th scope="col" className="p-2">Categoria</th><th scope="col" className="p-2">Ufficio</th><th scope="col" className="p-2">Obiettivo (giorni lavorativi)</th></tr></thead>
          <tbody>
            {options.categories.map((c) => (
              <tr key={c.id} className="border-t border-line"><th scope="row" className="p-2 font-normal">{c.name}</th><td className="p-2">{c.officeName}</td><td className="p-2">{c.targetWorkingDays}</td></tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>

      <h2 className="mb-2 text-xl font-semibold">Regole</h2>
      {rules.length === 0 ? <p className="mb-4">Nessuna regola: ogni categoria va al suo ufficio.</p> : null}
      <ul className="mb-6 grid gap-3">
        {rules.map((r) => (
          <li key={r.id} className="rounded border border-line bg-white p-4">
            <p className="font-semibold">{r.sortOrder}. {r.name}{r.active ? '' : ' (disattivata)'}</p>
            <p>Categoria: {r.categoryName ?? 'tutte'} · Area: {r.area ? `${(r.area.coordinates[0]?.length ?? 1) - 1} vertici` : 'tutto il Comune'} · Ufficio: {r.officeName}</p>
            {admin ? (
              <p className="mt-2">
                <Link href={`/admin/segnalazioni/regole/${r.id}`} className="inline-flex min-h-11 items-center text-primary underline">Modifica la regola «{r.name}»</Link>
              </p>
            ) : null}
            {admin ? (
              <StaffActionForm action={deleteRuleAction} submitLabel={`Elimina la regola «${r.name}»`} className="mt-2">
                <input type="hidden" name="ruleId" value={r.id} />
              </StaffActionForm>
            ) : null}
          </li>
        ))}
      </ul>

      {admin ? (
        <section aria-labelledby="nuova-regola">
          <h2 id="nuova-regola" className="mb-2 text-xl font-semibold">Nuova regola</h2>
          <StaffActionForm action={saveRuleAction} submitLabel="Crea la regola">
            <RuleFields categories={options.categories} offices={options.offices} setup={setup} />
          </StaffActionForm>
        </section>
      ) : (
        <p>Solo gli amministratori possono modificare le regole.</p>
      )}
    </>
  )
}
