import { describe, expect, it } from 'vitest'
import { cachedPublic, publicContentChanged } from './public-content'

describe('public content cache', () => {
  it('renders once for a burst of requests, and again once the copy is older than its TTL', async () => {
    let clock = 1_000
    let renders = 0
    const load = async () => `render ${++renders}`
    const get = () => cachedPublic('test:burst', 2_000, load, { now: () => clock, maxStaleMs: 0 })
    const burst = await Promise.all(Array.from({ length: 50 }, get))
    expect(new Set(burst.map((r) => r.value))).toEqual(new Set(['render 1']))
    expect(renders).toBe(1)
    clock += 1_999
    expect((await get()).value).toBe('render 1')
    clock += 2
    expect((await get()).value).toBe('render 2')
  })

  it('never serves a copy from before a change, however young', async () => {
    let renders = 0
    const load = async () => `render ${++renders}`
    expect((await cachedPublic('test:change', 60_000, load)).value).toBe('render 1')
    expect((await cachedPublic('test:change', 60_000, load)).hit).toBe(true)
    publicContentChanged() // e.g. an alert was published
    const after = await cachedPublic('test:change', 60_000, load)
    expect(after).toMatchObject({ value: 'render 2', hit: false })
  })

  it('serves a copy a little past its age while one refresh runs, and keeps nothing that failed', async () => {
    let clock = 0
    let renders = 0
    const load = async () => (++renders === 3 ? undefined : `render ${renders}`)
    const get = () => cachedPublic('test:stale', 1_000, load, { now: () => clock, maxStaleMs: 5_000 })
    expect((await get()).value).toBe('render 1')
    clock = 1_500
    expect((await get()).value).toBe('render 1') // stale, refresh started
    await new Promise((r) => setTimeout(r, 0))
    expect((await get()).value).toBe('render 2')
    clock = 10_000
    expect((await get()).value).toBeUndefined() // the render gave nothing worth keeping
    expect((await get()).value).toBe('render 4')
  })
})
