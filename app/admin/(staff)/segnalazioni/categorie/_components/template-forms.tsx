import { inputClass, labelClass } from '@/components/admin/form-parts'
import { StaffActionForm } from '@/components/reports/staff-action-form'
import { deleteTemplateAction, saveTemplateAction } from '../actions'

type Template = { id: number; title: string; body: string }

/** The reply templates of one category (or of every category when categoryId is null): edit, delete, add. */
export function TemplateForms({ categoryId, templates }: { categoryId: number | null; templates: Template[] }) {
  const scope = categoryId ?? 'all'
  return (
    <>
      {templates.length === 0 ? <p className="mb-3">Nessuna risposta pronta.</p> : null}
      <ul className="mb-4 grid gap-3">
        {templates.map((t) => (
          <li key={t.id} className="rounded border border-line bg-white p-3">
            <StaffActionForm action={saveTemplateAction} submitLabel={`Salva la risposta «${t.title}»`} className="">
              <input type="hidden" name="templateId" value={t.id} />
              <input type="hidden" name="categoryId" value={categoryId ?? ''} />
              <label htmlFor={`t${t.id}-title`} className={labelClass}>Titolo della risposta</label>
              <input id={`t${t.id}-title`} name="title" defaultValue={t.title} maxLength={120} className={`${inputClass} mb-2`} />
              <label htmlFor={`t${t.id}-body`} className={labelClass}>Testo della risposta «{t.title}»</label>
              <textarea id={`t${t.id}-body`} name="body" rows={3} maxLength={2000} defaultValue={t.body} className={inputClass} />
            </StaffActionForm>
            <StaffActionForm action={deleteTemplateAction} submitLabel={`Elimina la risposta «${t.title}»`} className="mt-2">
              <input type="hidden" name="templateId" value={t.id} />
            </StaffActionForm>
          </li>
        ))}
      </ul>
      <section aria-labelledby={`new-template-${scope}`} className="rounded border border-line bg-white p-3">
        <h3 id={`new-template-${scope}`} className="mb-2 text-lg font-semibold">Nuova risposta pronta</h3>
        <StaffActionForm action={saveTemplateAction} submitLabel="Aggiungi la risposta pronta" className="">
          <input type="hidden" name="categoryId" value={categoryId ?? ''} />
          <label htmlFor={`new-${scope}-title`} className={labelClass}>Titolo della nuova risposta</label>
          <input id={`new-${scope}-title`} name="title" maxLength={120} className={`${inputClass} mb-2`} />
          <label htmlFor={`new-${scope}-body`} className={labelClass}>Testo della nuova risposta</label>
          <textarea id={`new-${scope}-body`} name="body" rows={3} maxLength={2000} className={inputClass} />
        </StaffActionForm>
      </section>
    </>
  )
}
