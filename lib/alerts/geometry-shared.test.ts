import { describe, expect, it } from 'vitest'
import { demoComune } from '@/db/seed-data'
import { polygonProblem, type Ring } from './geometry-shared'

const boundary = demoComune.boundary.coordinates[0] as Ring
const square = (lon: number, lat: number, d: number): Ring => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
]

describe('alert polygons', () => {
  it('accepts a simple polygon inside the Comune', () => {
    expect(polygonProblem(square(11.87, 43.46, 0.01), boundary)).toBeNull()
  })

  it('refuses a polygon that crosses itself (a bow tie)', () => {
    const bowTie: Ring = [
      [11.87, 43.46],
      [11.89, 43.48],
      [11.89, 43.46],
      [11.87, 43.48],
      [11.87, 43.46],
    ]
    expect(polygonProblem(bowTie, boundary)).toBe('Il poligono si interseca con se stesso: ridisegnalo senza lati che si incrociano.')
  })

  it('refuses a polygon outside the Comune, or straddling its border', () => {
    expect(polygonProblem(square(12.5, 43.46, 0.01), boundary)).toBe('Il poligono esce dal territorio del Comune.')
    expect(polygonProblem(square(11.93, 43.46, 0.02), boundary)).toBe('Il poligono esce dal territorio del Comune.')
  })

  it('refuses open rings and nonsense coordinates', () => {
    expect(polygonProblem([[11.87, 43.46], [11.88, 43.46], [11.88, 43.47]], boundary)).toMatch(/almeno tre vertici/)
    expect(polygonProblem(square(200, 43.46, 0.01), boundary)).toMatch(/coordinate non valide/)
  })
})
