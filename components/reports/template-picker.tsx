'use client'

/** "Risposte pronte": choosing one fills the public note (which staff can still edit). */
export function TemplatePicker({ templates, targetId }: { templates: Array<{ id: number; title: string; body: string }>; targetId: string }) {
  if (!templates.length) return null
  return (
    <div className="mb-3">
      <label htmlFor={`${targetId}-template`} className="block font-semibold">
        Risposta pronta
      </label>
      <select
        id={`${targetId}-template`}
        className="mt-1 block min-h-11 w-full rounded border-2 border-muted bg-white px-3"
        defaultValue=""
        onChange={(e) => {
          const template = templates.find((t) => String(t.id) === e.target.value)
          const target = document.getElementById(targetId) as HTMLTextAreaElement | null
          if (template && target) target.value = template.body
        }}
      >
        <option value="">Scegli una risposta pronta (facoltativo)</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </div>
  )
}
