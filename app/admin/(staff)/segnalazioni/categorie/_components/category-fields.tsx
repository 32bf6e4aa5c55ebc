import { inputClass, labelClass } from '@/components/admin/form-parts'
import { QUESTIONS_MAX, type ExtraQuestion } from '@/lib/reports/schemas'
import { QuestionEditor } from './question-editor'

export type CategoryDefaults = {
  id: number
  name: string
  officeId: number
  targetWorkingDays: number
  urgentNotice: string | null
  duplicateRadiusMeters: number
  extraQuestions: ExtraQuestion[]
}

/** The fields of a report category, empty for a new one or filled with the one being edited. */
export function CategoryFields({ category, offices }: { category?: CategoryDefaults; offices: Array<{ id: number; name: string }> }) {
  const p = category ? `c${category.id}` : 'new'
  return (
    <>
      {category ? <input type="hidden" name="categoryId" value={category.id} /> : null}
      <label htmlFor={`${p}-name`} className={labelClass}>Nome della categoria</label>
      <input id={`${p}-name`} name="name" defaultValue={category?.name} maxLength={120} className={`${inputClass} mb-3`} />
      <label htmlFor={`${p}-office`} className={labelClass}>Ufficio competente (predefinito)</label>
      <select id={`${p}-office`} name="officeId" className={`${inputClass} mb-3`} defaultValue={category?.officeId ?? ''}>
        {category ? null : <option value="">Scegli l’ufficio</option>}
        {offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
      <label htmlFor={`${p}-target`} className={labelClass}>Obiettivo di risoluzione (giorni lavorativi)</label>
      <p id={`${p}-target-hint`} className="text-muted">Vale per le segnalazioni ricevute da ora in poi; la data prevista è mostrata al cittadino.</p>
      <input id={`${p}-target`} name="targetWorkingDays" type="number" inputMode="numeric" min={1} max={365} defaultValue={category?.targetWorkingDays ?? 10} aria-describedby={`${p}-target-hint`} className={`${inputClass} mb-3`} />
      <label htmlFor={`${p}-urgent`} className={labelClass}>Avviso urgente (facoltativo)</label>
      <p id={`${p}-urgent-hint`} className="text-muted">Mostrato prima che il cittadino scriva, ad esempio «Se c’è pericolo per le persone chiama subito il 112.»</p>
      <textarea id={`${p}-urgent`} name="urgentNotice" rows={2} maxLength={300} defaultValue={category?.urgentNotice ?? ''} aria-describedby={`${p}-urgent-hint`} className={`${inputClass} mb-3`} />
      <label htmlFor={`${p}-radius`} className={labelClass}>Raggio per i possibili duplicati (metri)</label>
      <p id={`${p}-radius-hint`} className="text-muted">Prima di inviare, il cittadino vede le segnalazioni aperte della stessa categoria entro questa distanza.</p>
      <input id={`${p}-radius`} name="duplicateRadiusMeters" type="number" inputMode="numeric" min={10} max={5000} defaultValue={category?.duplicateRadiusMeters ?? 250} aria-describedby={`${p}-radius-hint`} className={`${inputClass} mb-3`} />
      {/* Remounted when the saved questions change, so new questions pick up the codes the server gave them. */}
      <QuestionEditor key={JSON.stringify(category?.extraQuestions ?? [])} initial={category?.extraQuestions ?? []} max={QUESTIONS_MAX} />
    </>
  )
}
