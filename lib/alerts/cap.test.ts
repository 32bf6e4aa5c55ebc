import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAtomFeed, buildCapXml, cutHeadline, formatCapDateTime, type CapAlert } from './cap'

const SCHEMA = fileURLToPath(new URL('./testdata/CAP-v1.2.xsd', import.meta.url))
let workDir = ''
let fileCount = 0

beforeAll(() => {
  // Not skipped when missing: schema validation is the point of these tests.
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) {
    throw new Error('xmllint is not available: install libxml2-utils (apt-get install libxml2-utils) to run the CAP schema tests.')
  }
  workDir = mkdtempSync(path.join(tmpdir(), 'filo-cap-'))
})

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

function writeTemp(xml: string): string {
  const file = path.join(workDir, `doc-${++fileCount}.xml`)
  writeFileSync(file, xml, 'utf8')
  return file
}

function xmllint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('xmllint', args, { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function expectValidCap(xml: string): void {
  const result = xmllint(['--noout', '--schema', SCHEMA, writeTemp(xml)])
  expect(result.stderr).toContain('validates')
  expect(result.status, result.stderr).toBe(0)
}

/** Result of an XPath expression, evaluated by xmllint on the parsed document. */
function xpath(xml: string, expression: string): string {
  const result = xmllint(['--noout', '--xpath', expression, writeTemp(xml)])
  // xmllint exits 10 when an XPath selects nothing.
  if (result.status !== 0 && result.status !== 10) throw new Error(result.stderr)
  return result.stdout.trim()
}

/** An XPath string() result, exactly (xmllint appends one newline). */
function xpathString(xml: string, expression: string): string {
  return xmllint(['--noout', '--xpath', `string(${expression})`, writeTemp(xml)]).stdout.replace(/\n$/, '')
}

/** Text of every element with this local name, in document order. */
function texts(xml: string, localName: string): string[] {
  const count = Number(xpath(xml, `count(//*[local-name()="${localName}"])`))
  const values: string[] = []
  for (let i = 1; i <= count; i++) {
    values.push(xpathString(xml, `(//*[local-name()="${localName}"])[${i}]`))
  }
  return values
}

function parameters(xml: string, info = 1): Record<string, string> {
  const out: Record<string, string> = {}
  const base = `(//*[local-name()="info"])[${info}]/*[local-name()="parameter"]`
  const count = Number(xpath(xml, `count(${base})`))
  for (let i = 1; i <= count; i++) {
    const name = xpathString(xml, `${base}[${i}]/*[local-name()="valueName"]`)
    const value = xpathString(xml, `${base}[${i}]/*[local-name()="value"]`)
    out[name] = value
  }
  return out
}

const ring: Array<[number, number]> = [
  [11.3, 44.49],
  [11.36, 44.49],
  [11.36, 44.52],
  [11.3, 44.52],
  [11.3, 44.49],
]

function baseAlert(overrides: Partial<CapAlert> = {}): CapAlert {
  return {
    identifier: 'it.comune.esempio.2026.0042',
    sender: 'protezionecivile@comune.esempio.it',
    sent: new Date('2026-11-24T09:00:00Z'),
    status: 'Actual',
    msgType: 'Alert',
    references: [],
    level: 'arancione',
    phase: 'preallarme',
    risks: ['idrogeologico', 'temporali'],
    effective: new Date('2026-11-24T09:00:00Z'),
    expires: new Date('2026-11-25T23:00:00Z'),
    senderName: 'Comune di Esempio – Protezione civile',
    headline: 'Allerta arancione per rischio idrogeologico',
    description: 'Piogge intense sulla collina da martedì pomeriggio.',
    instruction: 'Non attraversare i sottopassi. Sali ai piani alti.',
    web: 'https://filo.comune.esempio.it/allerte/42',
    contact: 'Polizia locale 051 000000 – in pericolo chiama il 112',
    sourceUrl: 'https://allertameteo.regione.esempio.it/bollettino-2026-330.pdf',
    areas: [{ description: 'Frazioni collinari', polygon: ring }],
    comuneActions: 'COC attivato; sottopassi di via Roma chiusi.',
    ...overrides,
  }
}

describe('formatCapDateTime', () => {
  it('writes Europe/Rome wall time with its offset, never "Z"', () => {
    expect(formatCapDateTime(new Date('2026-11-24T09:00:00Z'))).toBe('2026-11-24T10:00:00+01:00')
    expect(formatCapDateTime(new Date('2026-07-15T08:30:15.999Z'))).toBe('2026-07-15T10:30:15+02:00')
    expect(formatCapDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30:00+01:00')
  })

  it('follows the autumn change of clocks (last Sunday of October 2026: 25 Oct)', () => {
    expect(formatCapDateTime(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00')
    expect(formatCapDateTime(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00')
    expect(formatCapDateTime(new Date('2026-10-25T10:00:00Z'))).toBe('2026-10-25T11:00:00+01:00')
  })

  it('rejects an invalid date', () => {
    expect(() => formatCapDateTime(new Date('nope'))).toThrow(/invalid date/)
  })
})

describe('buildCapXml', () => {
  it('publishes an Alert valid against the OASIS CAP 1.2 schema', () => {
    const xml = buildCapXml(baseAlert())
    expectValidCap(xml)
    expect(xml).not.toMatch(/\dZ</)
    expect(texts(xml, 'sent')).toEqual(['2026-11-24T10:00:00+01:00'])
    expect(texts(xml, 'effective')).toEqual(['2026-11-24T10:00:00+01:00'])
    expect(texts(xml, 'expires')).toEqual(['2026-11-26T00:00:00+01:00'])
    expect(texts(xml, 'msgType')).toEqual(['Alert'])
    expect(texts(xml, 'scope')).toEqual(['Public'])
    expect(texts(xml, 'references')).toEqual([])
    expect(texts(xml, 'language')).toEqual(['it-IT'])
    expect(texts(xml, 'category')).toEqual(['Geo', 'Met'])
    expect(texts(xml, 'event')).toEqual(['Allerta ARANCIONE per rischio idrogeologico, temporali'])
    expect(texts(xml, 'severity')).toEqual(['Severe'])
    expect(texts(xml, 'responseType')).toEqual(['Prepare'])
    expect(texts(xml, 'urgency')).toEqual(['Expected'])
    expect(texts(xml, 'certainty')).toEqual(['Likely'])
    expect(texts(xml, 'uri')).toEqual(['https://allertameteo.regione.esempio.it/bollettino-2026-330.pdf'])
    expect(texts(xml, 'mimeType')).toEqual(['application/pdf'])
    expect(parameters(xml)).toEqual({
      awareness_level: '3; orange; Severe',
      awareness_type: '10; rain',
      livello: 'Allerta ARANCIONE',
      fase_operativa: 'Preallarme',
      azioni_comune: 'COC attivato; sottopassi di via Roma chiusi.',
    })
  })

  it('writes the polygon as closed "lat,lon" pairs (GeoJSON input is lon,lat)', () => {
    const xml = buildCapXml(baseAlert())
    expect(texts(xml, 'polygon')).toEqual(['44.49,11.3 44.49,11.36 44.52,11.36 44.52,11.3 44.49,11.3'])
    expect(texts(xml, 'areaDesc')).toEqual(['Frazioni collinari'])
  })

  it('maps every level to severity, awareness_level and responseType', () => {
    const cases = [
      { level: 'verde', phase: null, severity: 'Minor', awareness: '1; green; Minor', response: 'None', livello: 'Allerta VERDE' },
      { level: 'gialla', phase: null, severity: 'Moderate', awareness: '2; yellow; Moderate', response: 'Monitor', livello: 'Allerta GIALLA' },
      { level: 'gialla', phase: 'allarme', severity: 'Moderate', awareness: '2; yellow; Moderate', response: 'Execute', livello: 'Allerta GIALLA' },
      { level: 'rossa', phase: 'allarme', severity: 'Extreme', awareness: '4; red; Extreme', response: 'Execute', livello: 'Allerta ROSSA' },
    ] as const
    for (const c of cases) {
      const xml = buildCapXml(baseAlert({ level: c.level, phase: c.phase, risks: ['vento'], comuneActions: '' }))
      expectValidCap(xml)
      expect(texts(xml, 'severity')).toEqual([c.severity])
      expect(texts(xml, 'responseType')).toEqual([c.response])
      const params = parameters(xml)
      expect(params.awareness_level).toBe(c.awareness)
      expect(params.awareness_type).toBe('1; wind')
      expect(params.livello).toBe(c.livello)
      expect('fase_operativa' in params).toBe(c.phase !== null)
      expect('azioni_comune' in params).toBe(false)
    }
  })

  it('takes awareness_type from the first risk that has one', () => {
    const xml = buildCapXml(baseAlert({ risks: ['altro', 'temperature-estreme', 'incendi-boschivi', 'vento'] }))
    expectValidCap(xml)
    expect(parameters(xml).awareness_type).toBe('8; forest-fire')
    expect(texts(xml, 'category')).toEqual(['Other', 'Met', 'Fire'])
    const none = buildCapXml(baseAlert({ risks: ['altro'] }))
    expect('awareness_type' in parameters(none)).toBe(false)
    expect(texts(none, 'category')).toEqual(['Other'])
  })

  it('publishes an Update with references to the earlier message', () => {
    const xml = buildCapXml(
      baseAlert({
        identifier: 'it.comune.esempio.2026.0043',
        msgType: 'Update',
        sent: new Date('2026-07-20T16:00:00Z'),
        effective: new Date('2026-07-21T04:00:00Z'),
        expires: new Date('2026-07-21T21:59:00Z'),
        urgency: 'Future',
        certainty: 'Possible',
        references: [
          { sender: 'protezionecivile@comune.esempio.it', identifier: 'it.comune.esempio.2026.0040', sent: new Date('2026-07-20T06:00:00Z') },
          { sender: 'protezionecivile@comune.esempio.it', identifier: 'it.comune.esempio.2026.0042', sent: new Date('2026-01-10T06:00:00Z') },
        ],
      }),
    )
    expectValidCap(xml)
    expect(texts(xml, 'msgType')).toEqual(['Update'])
    expect(texts(xml, 'sent')).toEqual(['2026-07-20T18:00:00+02:00'])
    expect(texts(xml, 'effective')).toEqual(['2026-07-21T06:00:00+02:00'])
    expect(texts(xml, 'expires')).toEqual(['2026-07-21T23:59:00+02:00'])
    expect(texts(xml, 'urgency')).toEqual(['Future'])
    expect(texts(xml, 'certainty')).toEqual(['Possible'])
    expect(texts(xml, 'references')).toEqual([
      'protezionecivile@comune.esempio.it,it.comune.esempio.2026.0040,2026-07-20T08:00:00+02:00 ' +
        'protezionecivile@comune.esempio.it,it.comune.esempio.2026.0042,2026-01-10T07:00:00+01:00',
    ])
  })

  it('publishes a Cancel ("cessata allerta") as Past / AllClear', () => {
    const xml = buildCapXml(
      baseAlert({
        identifier: 'it.comune.esempio.2026.0044',
        msgType: 'Cancel',
        urgency: 'Immediate',
        headline: 'Cessata allerta: rientrata l’allerta arancione',
        references: [{ sender: 'protezionecivile@comune.esempio.it', identifier: 'it.comune.esempio.2026.0042', sent: new Date('2026-11-24T09:00:00Z') }],
      }),
    )
    expectValidCap(xml)
    expect(texts(xml, 'msgType')).toEqual(['Cancel'])
    expect(texts(xml, 'urgency')).toEqual(['Past'])
    expect(texts(xml, 'responseType')).toEqual(['AllClear'])
    expect(texts(xml, 'event')[0]).toMatch(/^Cessata allerta – /)
    expect(texts(xml, 'references')).toEqual(['protezionecivile@comune.esempio.it,it.comune.esempio.2026.0042,2026-11-24T10:00:00+01:00'])
  })

  it('adds one info per language, it-IT first, with the English translation', () => {
    const xml = buildCapXml(
      baseAlert({
        translations: [
          {
            language: 'en-GB',
            headline: 'Orange alert: landslides & thunderstorms',
            description: 'Heavy rain on the hills from Tuesday afternoon.',
            instruction: 'Keep out of underpasses. Go to upper floors.',
          },
        ],
      }),
    )
    expectValidCap(xml)
    expect(texts(xml, 'language')).toEqual(['it-IT', 'en-GB'])
    expect(texts(xml, 'headline')).toEqual(['Allerta arancione per rischio idrogeologico', 'Orange alert: landslides & thunderstorms'])
    expect(texts(xml, 'event')[1]).toBe('Orange alert: landslides and flash floods, thunderstorms')
    expect(texts(xml, 'polygon')).toHaveLength(2)
    expect(parameters(xml, 2).awareness_level).toBe('3; orange; Severe')
    expect('azioni_comune' in parameters(xml, 2)).toBe(false)
    expect(() =>
      buildCapXml(
        baseAlert({
          translations: [
            { language: 'en-GB', headline: 'a', description: '', instruction: '' },
            { language: 'en-GB', headline: 'b', description: '', instruction: '' },
          ],
        }),
      ),
    ).toThrow(/two translations/)
  })

  it('validates across the autumn DST change and keeps the right offsets', () => {
    const xml = buildCapXml(
      baseAlert({
        sent: new Date('2026-10-24T20:00:00Z'),
        effective: new Date('2026-10-24T22:00:00Z'),
        expires: new Date('2026-10-25T22:00:00Z'),
      }),
    )
    expectValidCap(xml)
    expect(texts(xml, 'sent')).toEqual(['2026-10-24T22:00:00+02:00'])
    expect(texts(xml, 'effective')).toEqual(['2026-10-25T00:00:00+02:00'])
    expect(texts(xml, 'expires')).toEqual(['2026-10-25T23:00:00+01:00'])
    expect(texts(xml, 'urgency')).toEqual(['Future'])
  })

  it('escapes <, & and quotes in every text', () => {
    const nasty = 'Via "Roma" <chiusa> & l\'argine'
    const xml = buildCapXml(
      baseAlert({
        headline: nasty,
        description: nasty,
        instruction: nasty,
        senderName: nasty,
        contact: nasty,
        comuneActions: nasty,
        areas: [{ description: nasty, polygon: ring }],
        web: 'https://filo.comune.esempio.it/allerte/42?a=1&b="2"',
      }),
    )
    expectValidCap(xml)
    expect(xml).toContain('Via &quot;Roma&quot; &lt;chiusa&gt; &amp; l&apos;argine')
    expect(xml).not.toContain('<chiusa>')
    expect(xml).toContain('?a=1&amp;b=')
    for (const name of ['headline', 'description', 'instruction', 'senderName', 'contact', 'areaDesc']) expect(texts(xml, name)).toEqual([nasty])
    expect(parameters(xml).azioni_comune).toBe(nasty)
  })

  it('drops characters XML 1.0 cannot carry', () => {
    const xml = buildCapXml(baseAlert({ description: 'prima\u0000\u0007dopo \uD800 fine' }))
    expectValidCap(xml)
    expect(texts(xml, 'description')).toEqual(['primadopo  fine'])
  })

  it('cuts the headline to 160 characters with "…"', () => {
    const long = 'Allerta arancione '.repeat(20)
    const xml = buildCapXml(baseAlert({ headline: long }))
    expectValidCap(xml)
    const [headline = ''] = texts(xml, 'headline')
    expect(Array.from(headline)).toHaveLength(160)
    expect(headline.endsWith('…')).toBe(true)
    expect(headline.startsWith('Allerta arancione Allerta')).toBe(true)
    expect(cutHeadline('breve')).toBe('breve')
    expect(cutHeadline('x'.repeat(160))).toBe('x'.repeat(160))
    expect(cutHeadline('🌊'.repeat(200))).toBe(`${'🌊'.repeat(159)}…`)
  })

  it('throws on identifiers or senders CAP forbids', () => {
    for (const bad of ['', 'con spazio', 'a,b', 'a<b', 'a&b', 'tab\tx']) {
      expect(() => buildCapXml(baseAlert({ identifier: bad }))).toThrow(/invalid identifier/)
      expect(() => buildCapXml(baseAlert({ sender: bad }))).toThrow(/invalid sender/)
    }
    expect(() =>
      buildCapXml(baseAlert({ msgType: 'Update', references: [{ sender: 'x@y.it', identifier: 'id con spazio', sent: new Date() }] })),
    ).toThrow(/invalid reference identifier/)
  })

  it('throws when an Update or a Cancel references nothing', () => {
    expect(() => buildCapXml(baseAlert({ msgType: 'Update', references: [] }))).toThrow(/Update must reference/)
    expect(() => buildCapXml(baseAlert({ msgType: 'Cancel', references: [] }))).toThrow(/Cancel must reference/)
  })

  it('throws on polygons that are open, too short or not [lon, lat]', () => {
    const open = ring.slice(0, 4)
    expect(() => buildCapXml(baseAlert({ areas: [{ description: 'x', polygon: open }] }))).toThrow(/not closed/)
    expect(() => buildCapXml(baseAlert({ areas: [{ description: 'x', polygon: [[11, 44], [12, 44], [11, 44]] }] }))).toThrow(/at least 4/)
    expect(() =>
      buildCapXml(baseAlert({ areas: [{ description: 'x', polygon: [[11, 95], [12, 44], [12, 45], [11, 95]] }] })),
    ).toThrow(/WGS84/)
  })

  it('publishes an area without polygon by its description only', () => {
    const xml = buildCapXml(baseAlert({ areas: [{ description: 'Intero territorio comunale', polygon: [] }], sourceUrl: null }))
    expectValidCap(xml)
    expect(texts(xml, 'polygon')).toEqual([])
    expect(texts(xml, 'resource')).toEqual([])
  })
})

describe('buildAtomFeed', () => {
  const feedMeta = {
    title: 'Allerte del Comune di Esempio & frazioni',
    selfUrl: 'https://filo.comune.esempio.it/api/alerts/feed.atom',
    id: 'https://filo.comune.esempio.it/api/alerts/feed.atom',
    updated: new Date('2026-07-20T16:00:00Z'),
    author: 'Comune di Esempio <Protezione civile>',
  }
  const entries = [
    {
      identifier: 'it.comune.esempio.2026.0043',
      sent: new Date('2026-07-20T16:00:00Z'),
      updated: new Date('2026-07-20T16:05:00Z'),
      headline: 'Allerta "arancione" <temporali> & vento',
      summary: 'Chiusi i parchi & i cimiteri.',
      level: 'arancione' as const,
      url: 'https://filo.comune.esempio.it/api/alerts/43.cap?v=1&lang=it',
    },
    {
      identifier: 'it.comune.esempio.2026.0045',
      sent: new Date('2026-01-10T06:00:00Z'),
      updated: new Date('2026-01-10T06:00:00Z'),
      headline: 'Allerta gialla per neve',
      summary: 'Neve in collina.',
      level: 'gialla' as const,
      url: 'https://filo.comune.esempio.it/api/alerts/45.cap',
    },
  ]

  it('is well-formed Atom with one CAP link per entry', () => {
    const xml = buildAtomFeed(entries, feedMeta)
    const parsed = xmllint(['--noout', writeTemp(xml)])
    expect(parsed.stderr).toBe('')
    expect(parsed.status).toBe(0)
    const atom = 'http://www.w3.org/2005/Atom'
    expect(xpath(xml, `count(/*[namespace-uri()="${atom}"][local-name()="feed"]/*[local-name()="entry"])`)).toBe('2')
    expect(texts(xml, 'title')).toEqual(['Allerte del Comune di Esempio & frazioni', 'Allerta "arancione" <temporali> & vento', 'Allerta gialla per neve'])
    expect(texts(xml, 'name')).toEqual(['Comune di Esempio <Protezione civile>'])
    expect(texts(xml, 'summary')).toEqual(['Chiusi i parchi & i cimiteri.', 'Neve in collina.'])
    expect(texts(xml, 'published')).toEqual(['2026-07-20T18:00:00+02:00', '2026-01-10T07:00:00+01:00'])
    expect(texts(xml, 'identifier')).toEqual(['it.comune.esempio.2026.0043', 'it.comune.esempio.2026.0045'])
    const capLinks = xmllint([
      '--noout',
      '--xpath',
      '//*[local-name()="entry"]/*[local-name()="link"][@rel="alternate"][@type="application/cap+xml"]/@href',
      writeTemp(xml),
    ]).stdout
    expect(capLinks).toContain('href="https://filo.comune.esempio.it/api/alerts/43.cap?v=1&amp;lang=it"')
    expect(capLinks).toContain('href="https://filo.comune.esempio.it/api/alerts/45.cap"')
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://filo.comune.esempio.it/api/alerts/feed.atom"/>')
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
  })

  it('is well-formed when empty', () => {
    const xml = buildAtomFeed([], feedMeta)
    expect(xmllint(['--noout', writeTemp(xml)]).status).toBe(0)
    expect(texts(xml, 'entry')).toEqual([])
  })

  it('rejects relative CAP URLs', () => {
    expect(() => buildAtomFeed([{ ...entries[1]!, url: '/api/alerts/45.cap' }], feedMeta)).toThrow(/absolute URL/)
  })
})
