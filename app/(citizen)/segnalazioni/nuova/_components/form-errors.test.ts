import { describe, expect, it } from 'vitest'
import { placeServerErrors } from './form-errors'

describe('placeServerErrors', () => {
  it('sends the citizen to the place step for a refused point, with a link key the place step has', () => {
    const out = placeServerErrors('Il punto è fuori dal Comune.', { latitude: 'Il punto è fuori dal Comune.', title: 'Il titolo: non usare codice HTML.' })
    expect(out.step).toBe(1)
    expect(out.errors).toEqual({ _: 'Il punto è fuori dal Comune.', place: 'Il punto è fuori dal Comune.', title: 'Il titolo: non usare codice HTML.' })
  })

  it('maps an extra question and the photos to the problem step', () => {
    const out = placeServerErrors('Rispondi alla domanda.', { 'answers.civico': 'Risposta obbligatoria.', photoIds: 'Foto non trovata.' })
    expect(out.step).toBe(2)
    expect(out.errors['answer-civico']).toBe('Risposta obbligatoria.')
    expect(out.errors.photoIds).toBe('Foto non trovata.')
  })

  it('keeps the citizen on the summary when no field of theirs is named', () => {
    expect(placeServerErrors('Chiave della bozza non valida.', { idempotencyKey: 'x' })).toEqual({ step: null, errors: { _: 'Chiave della bozza non valida.' } })
    expect(placeServerErrors('Errore.')).toEqual({ step: null, errors: { _: 'Errore.' } })
  })
})
