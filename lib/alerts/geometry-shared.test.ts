import { describe, expect, it } from 'vitest'
import { demoComune } from '@/db/seed-data'
import { polygonProblem, ringsIntersect, type Ring } from './geometry-shared'

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

describe('vertex list (keyboard alternative to drawing)', () => {
  it('reads "lat, lon" lines in the usual spellings and closes the ring', async () => {
    const { parseVertexList, formatVertexList } = await import('./geometry-shared')
    const parsed = parseVertexList('43.46, 11.87\n43,47; 11,88\n43.47 11.87\n')
    expect(parsed).toEqual({ ring: [[11.87, 43.46], [11.88, 43.47], [11.87, 43.47], [11.87, 43.46]] })
    expect(parseVertexList('43,46, 11,87\n43.47, 11.88\n43.47, 11.87')).toMatchObject({ ring: [[11.87, 43.46], [11.88, 43.47], [11.87, 43.47], [11.87, 43.46]] })
    expect(formatVertexList([[11.87, 43.46], [11.88, 43.47], [11.87, 43.47], [11.87, 43.46]])).toBe('43.46000, 11.87000\n43.47000, 11.88000\n43.47000, 11.87000')
  })

  it('names the line it cannot read, and asks for three vertices', async () => {
    const { parseVertexList } = await import('./geometry-shared')
    expect(parseVertexList('43.46, 11.87\nvia Roma')).toEqual({ error: 'Riga 2: scrivi latitudine e longitudine separate da una virgola, ad esempio 43.4651, 11.8802.' })
    expect(parseVertexList('43.46, 11.87\n43.47, 11.88')).toEqual({ error: 'Indica almeno tre vertici.' })
  })

  it('tells whether two areas share a point: crossing edges, one inside the other, or apart', () => {
    const square = (x: number, y: number, d: number): Array<[number, number]> => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]
    expect(ringsIntersect(square(0, 0, 2), square(1, 1, 2))).toBe(true)
    expect(ringsIntersect(square(0, 0, 10), square(4, 4, 1))).toBe(true)
    expect(ringsIntersect(square(4, 4, 1), square(0, 0, 10))).toBe(true)
    expect(ringsIntersect(square(0, 0, 1), square(3, 3, 1))).toBe(false)
  })
})
