'use client'

import { useId, useState } from 'react'
import { inputClass, labelClass } from '@/components/admin/form-parts'
import type { ExtraQuestion } from '@/lib/reports/schemas'

type Row = { key: number; code: string; label: string; type: 'text' | 'choice'; required: boolean; options: string }

/**
 * The category's extra questions, edited in place and sent as one JSON field: the server checks
 * every question (text, type, choices) and gives each a lasting code. Plain buttons and fields,
 * so the whole list is editable with the keyboard alone.
 */
export function QuestionEditor({ initial, max }: { initial: ExtraQuestion[]; max: number }) {
  const id = useId()
  const [next, setNext] = useState(initial.length)
  const [rows, setRows] = useState<Row[]>(
    initial.map((q, key) => ({ key, code: q.code, label: q.label, type: q.type ?? 'text', required: q.required, options: (q.options ?? []).join('\n') })),
  )
  const [announce, setAnnounce] = useState('')
  const change = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  const payload = rows.map((r) => ({
    code: r.code || undefined,
    label: r.label,
    type: r.type,
    required: r.required,
    options: r.type === 'choice' ? r.options.split(/\r?\n/).map((o) => o.trim()).filter(Boolean) : [],
  }))
  return (
    <fieldset className="mb-3 rounded border border-line p-3">
      <legend className="px-1 text-lg font-semibold">Domande aggiuntive per il cittadino</legend>
      <p className="mb-2">Facoltative: ad esempio «Numero scritto sul palo». Il cittadino le vede dopo aver scelto la categoria.</p>
      <input type="hidden" name="extraQuestions" value={JSON.stringify(payload)} />
      {rows.length === 0 ? <p className="mb-2">Nessuna domanda aggiuntiva.</p> : null}
      <ol className="grid gap-3">
        {rows.map((r, i) => {
          const base = `${id}-${r.key}`
          return (
            <li key={r.key} className="rounded border border-line p-3">
              <p className="font-semibold">Domanda {i + 1}</p>
              <label htmlFor={`${base}-label`} className={labelClass}>Testo della domanda {i + 1}</label>
              <input id={`${base}-label`} className={`${inputClass} mb-2`} value={r.label} maxLength={200} onChange={(e) => change(r.key, { label: e.target.value })} />
              <label htmlFor={`${base}-type`} className={labelClass}>Tipo di risposta alla domanda {i + 1}</label>
              <select id={`${base}-type`} className={`${inputClass} mb-2`} value={r.type} onChange={(e) => change(r.key, { type: e.target.value === 'choice' ? 'choice' : 'text' })}>
                <option value="text">Testo libero</option>
                <option value="choice">Scelta da un elenco</option>
              </select>
              {r.type === 'choice' ? (
                <>
                  <label htmlFor={`${base}-options`} className={labelClass}>Risposte possibili alla domanda {i + 1} (una per riga, almeno due)</label>
                  <textarea id={`${base}-options`} rows={4} className={`${inputClass} mb-2`} value={r.options} onChange={(e) => change(r.key, { options: e.target.value })} />
                </>
              ) : null}
              <label className="mb-2 flex min-h-11 items-center gap-2">
                <input type="checkbox" className="size-5" checked={r.required} onChange={(e) => change(r.key, { required: e.target.checked })} /> Risposta obbligatoria alla domanda {i + 1}
              </label>
              <button
                type="button"
                className="min-h-11 rounded border-2 border-danger px-3 font-semibold text-danger"
                onClick={() => {
                  setRows((all) => all.filter((x) => x.key !== r.key))
                  setAnnounce(`Domanda ${i + 1} tolta: salva per confermare.`)
                }}
              >
                Togli la domanda {i + 1}
              </button>
            </li>
          )
        })}
      </ol>
      {rows.length < max ? (
        <button
          type="button"
          className="mt-3 min-h-11 rounded border-2 border-primary px-3 font-semibold text-primary"
          onClick={() => {
            setRows((all) => [...all, { key: next, code: '', label: '', type: 'text', required: false, options: '' }])
            setNext((n) => n + 1)
            setAnnounce(`Domanda ${rows.length + 1} aggiunta: scrivi il testo.`)
            // Focus the new question's text once it is on screen.
            requestAnimationFrame(() => document.getElementById(`${id}-${next}-label`)?.focus())
          }}
        >
          Aggiungi una domanda
        </button>
      ) : (
        <p className="mt-3">Hai raggiunto il massimo di {max} domande.</p>
      )}
      <p aria-live="polite" className="sr-only">{announce}</p>
    </fieldset>
  )
}
