import type { Metadata } from 'next'
import Link from 'next/link'
import { Forbidden } from '@/components/admin/forbidden'
import { StaffActionForm } from '@/components/reports/staff-action-form'
import { listCategoriesForAdmin, listGeneralReplyTemplates } from '@/lib/reports/manage-categories'
import { listReportFilterOptions } from '@/lib/reports/staff-reports'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { saveCategoryAction } from './actions'
import { CategoryFields } from './_components/category-fields'
import { TemplateForms } from './_components/template-forms'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Categorie delle segnalazioni' }

export default async function ReportCategoriesPage() {
  const actor = await staffOrSignIn()
  const loaded = await unlessForbidden(() => Promise.all([listCategoriesForAdmin(actor), listGeneralReplyTemplates(actor), listReportFilterOptions(actor)]))
  if (loaded === FORBIDDEN) return <Forbidden />
  const [list, general, options] = loaded
  return (
    <>
      <p className="mb-2"><Link href="/admin/segnalazioni" className="inline-flex min-h-11 items-center text-primary underline">← Segnalazioni</Link></p>
      <h1 className="mb-2 text-3xl font-bold">Categorie delle segnalazioni</h1>
      <p className="mb-4 max-w-prose">
        Le categorie tra cui il cittadino sceglie: per ognuna l’ufficio competente, l’obiettivo in giorni lavorativi, l’avviso urgente, le domande
        aggiuntive e le risposte pronte. Una categoria con segnalazioni non si elimina: si ritira. Per mandare una categoria a un altro ufficio solo in
        una zona usa le <Link href="/admin/segnalazioni/regole" className="text-primary underline">regole di instradamento</Link>.
      </p>
      <ScrollTable className="mb-6 overflow-x-auto rounded border border-line bg-white" label="Categorie">
        <table className="w-full text-left">
          <thead className="bg-surface">
            <tr>
              <th scope="col" className="p-2">Categoria</th>
              <th scope="col" className="p-2">Ufficio</th>
              <th scope="col" className="p-2">Obiettivo</th>
              <th scope="col" className="p-2">Domande</th>
              <th scope="col" className="p-2">Risposte pronte</th>
              <th scope="col" className="p-2">Stato</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} className="border-t border-line">
                <th scope="row" className="p-2 font-normal">
                  <Link href={`/admin/segnalazioni/categorie/${c.id}`} className="inline-flex min-h-11 items-center text-primary underline">{c.name}</Link>
                </th>
                <td className="p-2">{c.officeName}</td>
                <td className="p-2">{c.targetWorkingDays} giorni lavorativi</td>
                <td className="p-2">{c.questions}</td>
                <td className="p-2">{c.templates}</td>
                <td className="p-2">{c.active ? 'Attiva' : <strong>Ritirata</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>

      <section aria-labelledby="risposte-generali" className="mb-6">
        <h2 id="risposte-generali" className="mb-2 text-xl font-semibold">Risposte pronte per tutte le categorie</h2>
        <TemplateForms categoryId={null} templates={general} />
      </section>

      <section aria-labelledby="nuova-categoria">
        <h2 id="nuova-categoria" className="mb-2 text-xl font-semibold">Nuova categoria</h2>
        <StaffActionForm action={saveCategoryAction} submitLabel="Crea la categoria">
          <CategoryFields offices={options.offices} />
        </StaffActionForm>
      </section>
    </>
  )
}
