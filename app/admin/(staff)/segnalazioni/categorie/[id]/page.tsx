import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Forbidden } from '@/components/admin/forbidden'
import { StaffActionForm } from '@/components/reports/staff-action-form'
import { getCategoryForAdmin } from '@/lib/reports/manage-categories'
import { listReportFilterOptions } from '@/lib/reports/staff-reports'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../../_lib/guard'
import { deleteCategoryAction, saveCategoryAction, setCategoryActiveAction } from '../actions'
import { CategoryFields } from '../_components/category-fields'
import { TemplateForms } from '../_components/template-forms'

export const metadata: Metadata = { title: 'Categoria delle segnalazioni' }

export default async function ReportCategoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creata?: string }> }) {
  const actor = await staffOrSignIn()
  const id = Number((await params).id)
  const justCreated = (await searchParams).creata === '1'
  const loaded = await unlessForbidden(() => Promise.all([getCategoryForAdmin(actor, id), listReportFilterOptions(actor)]))
  if (loaded === FORBIDDEN) return <Forbidden />
  const [category, options] = loaded
  if (!category) notFound()
  return (
    <>
      <p className="mb-2"><Link href="/admin/segnalazioni/categorie" className="inline-flex min-h-11 items-center text-primary underline">← Categorie delle segnalazioni</Link></p>
      <h1 className="mb-2 text-3xl font-bold">Categoria «{category.name}»</h1>
      <p className="mb-4">
        {category.active ? 'Attiva: i cittadini la vedono.' : <strong>Ritirata: i cittadini e i client Open311 non la vedono.</strong>}{' '}
        {category.reports === 1 ? '1 segnalazione.' : `${category.reports} segnalazioni.`}
      </p>
      {justCreated ? <p role="status" className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success">Categoria creata. Ora puoi aggiungere le risposte pronte.</p> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="dati-categoria">
          <h2 id="dati-categoria" className="mb-2 text-xl font-semibold">Dati della categoria</h2>
          <StaffActionForm action={saveCategoryAction} submitLabel="Salva la categoria">
            <CategoryFields category={category} offices={options.offices} />
          </StaffActionForm>
        </section>

        <div>
          <section aria-labelledby="risposte-categoria" className="mb-6">
            <h2 id="risposte-categoria" className="mb-2 text-xl font-semibold">Risposte pronte per questa categoria</h2>
            <p className="mb-2">Lo staff le sceglie sulla pagina della segnalazione per riempire la nota pubblica.</p>
            <TemplateForms categoryId={category.id} templates={category.templates} />
          </section>

          <section aria-labelledby="ritiro" className="rounded border border-line bg-white p-4">
            <h2 id="ritiro" className="mb-2 text-xl font-semibold">{category.active ? 'Ritira la categoria' : 'Ripristina la categoria'}</h2>
            <p className="mb-2">
              {category.active
                ? 'I cittadini e i client Open311 non potranno più sceglierla; le segnalazioni già ricevute restano e si lavorano come sempre.'
                : 'I cittadini potranno di nuovo sceglierla.'}
            </p>
            <StaffActionForm action={setCategoryActiveAction} submitLabel={category.active ? `Ritira «${category.name}»` : `Ripristina «${category.name}»`} className="">
              <input type="hidden" name="categoryId" value={category.id} />
              <input type="hidden" name="active" value={category.active ? 'false' : 'true'} />
            </StaffActionForm>
            {category.reports === 0 ? (
              <>
                <p className="mt-4 mb-2">Nessuna segnalazione usa questa categoria: puoi anche eliminarla (con le sue regole e risposte pronte).</p>
                <StaffActionForm action={deleteCategoryAction} submitLabel={`Elimina «${category.name}»`} className="">
                  <input type="hidden" name="categoryId" value={category.id} />
                </StaffActionForm>
              </>
            ) : null}
          </section>
        </div>
      </div>
    </>
  )
}
