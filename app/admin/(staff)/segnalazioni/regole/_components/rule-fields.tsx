import { inputClass, labelClass } from '@/components/admin/form-parts'
import { AreaPicker } from '@/components/reports/area-picker'
import type { MapPoint } from '@/components/reports/report-map'

export type RuleDefaults = {
  id: number
  name: string
  categoryId: number | null
  officeId: number
  sortOrder: number
  active: boolean
  /** [lon, lat] closed ring, or null for the whole Comune. */
  area: { coordinates: Array<Array<[number, number]>> } | null
}

/** The fields of a routing rule, empty for a new one or filled with the rule being edited. */
export function RuleFields({
  rule,
  categories,
  offices,
  setup,
}: {
  rule?: RuleDefaults
  categories: Array<{ id: number; name: string }>
  offices: Array<{ id: number; name: string }>
  setup: { center: MapPoint; tileUrl: string; attribution: string }
}) {
  const corners = (rule?.area?.coordinates[0] ?? []).slice(0, -1).map(([lon, lat]) => ({ lat, lon }))
  return (
    <>
      {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
      <label htmlFor="name" className={labelClass}>Nome</label>
      <input id="name" name="name" defaultValue={rule?.name} className={`${inputClass} mb-3`} />
      <label htmlFor="categoryId" className={labelClass}>Categoria</label>
      <select id="categoryId" name="categoryId" className={`${inputClass} mb-3`} defaultValue={rule?.categoryId ?? ''}>
        <option value="">Tutte le categorie</option>
        {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      <label htmlFor="officeId" className={labelClass}>Ufficio competente</label>
      <select id="officeId" name="officeId" className={`${inputClass} mb-3`} defaultValue={rule?.officeId}>
        {offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
      <label htmlFor="sortOrder" className={labelClass}>Ordine (le regole con numero più basso valgono prima)</label>
      <input id="sortOrder" name="sortOrder" type="number" min={0} max={10000} defaultValue={rule?.sortOrder ?? 100} className={`${inputClass} mb-3`} />
      <label className="mb-3 flex min-h-11 items-center gap-2 font-semibold"><input type="checkbox" name="active" defaultChecked={rule?.active ?? true} className="size-5" /> Attiva</label>
      <AreaPicker name="area" center={setup.center} tileUrl={setup.tileUrl} attribution={setup.attribution} initial={corners} initialScope={rule ? (rule.area ? 'area' : 'comune') : undefined} />
    </>
  )
}
