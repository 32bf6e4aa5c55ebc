/**
 * OASIS CAP 1.2 publication of Filo's civil-protection alerts, and the Atom feed that lists
 * them (the shape MeteoAlarm and Google Public Alerts ingest). Pure string building: no
 * database, no Node APIs, so a route handler, a job or a script can all call it.
 *
 * The official schema (lib/alerts/testdata/CAP-v1.2.xsd) uses xs:sequence, so element order
 * below follows it exactly. Inputs that would produce an invalid document are programming
 * errors (the system, not a person, chose them) and throw a plain `Error`, not `AppError`.
 */
import { ROME_TIME_ZONE } from '@/lib/time/rome-clock'
import { levelLabels, type alertLevels, type alertPhases, type riskCodes } from './schemas'
import { riskLabels } from './risks-shared'

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'
export const CAP_MIME_TYPE = 'application/cap+xml'
export const ATOM_MIME_TYPE = 'application/atom+xml'

export type AlertLevel = (typeof alertLevels)[number]
export type AlertPhase = (typeof alertPhases)[number]
export type RiskCode = (typeof riskCodes)[number]

export type CapCategory = 'Geo' | 'Met' | 'Safety' | 'Security' | 'Rescue' | 'Fire' | 'Health' | 'Env' | 'Transport' | 'Infra' | 'CBRNE' | 'Other'
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor'
export type CapResponseType = 'Shelter' | 'Evacuate' | 'Prepare' | 'Execute' | 'Avoid' | 'Monitor' | 'Assess' | 'AllClear' | 'None'
export type CapUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past'
export type CapCertainty = 'Observed' | 'Likely' | 'Possible'

export type CapAlert = {
  identifier: string
  sender: string
  sent: Date
  status: 'Actual' | 'Exercise' | 'Test'
  msgType: 'Alert' | 'Update' | 'Cancel'
  /** Earlier messages this one updates or cancels; required for Update and Cancel. */
  references: Array<{ sender: string; identifier: string; sent: Date }>
  level: AlertLevel
  phase: AlertPhase | null
  risks: RiskCode[]
  /** Defaults to Expected when already in force at `sent`, Future otherwise; a Cancel is always Past. */
  urgency?: 'Immediate' | 'Expected' | 'Future'
  /** Defaults to Likely. */
  certainty?: 'Observed' | 'Likely' | 'Possible'
  effective: Date
  expires: Date
  senderName: string
  headline: string
  description: string
  instruction: string
  /** Absolute URL of the alert's public page. */
  web: string
  contact: string
  /** The bulletin or ordinance the alert comes from, published as a CAP resource. */
  sourceUrl?: string | null
  /** An empty polygon publishes the area by description only. */
  areas: Array<{ description: string; polygon: Array<[number, number]> /* GeoJSON order [lon, lat], closed ring */ }>
  comuneActions?: string
  translations?: Array<{ language: 'en-GB'; headline: string; description: string; instruction: string }>
}

export type RiskInfo = {
  label: string
  labelEn: string
  category: CapCategory
  /** MeteoAlarm `awareness_type` value ("10; rain"), null where MeteoAlarm has no matching type. */
  awarenessType: string | null
}

/**
 * CAP categories: "Met" covers floods (CAP 1.2 §3.2.2), "Geo" landslides, hence idraulico
 * Met and idrogeologico Geo. `temperature-estreme` has no awareness_type because it does not
 * say whether it is heat (5) or cold (6), and a wrong type misleads aggregators more than none.
 */
export const riskInfo: Record<RiskCode, RiskInfo> = {
  idrogeologico: { label: riskLabels['idrogeologico'].it, labelEn: riskLabels['idrogeologico'].en, category: 'Geo', awarenessType: '10; rain' },
  idraulico: { label: riskLabels['idraulico'].it, labelEn: riskLabels['idraulico'].en, category: 'Met', awarenessType: '12; flooding' },
  temporali: { label: riskLabels['temporali'].it, labelEn: riskLabels['temporali'].en, category: 'Met', awarenessType: '3; thunderstorm' },
  vento: { label: riskLabels['vento'].it, labelEn: riskLabels['vento'].en, category: 'Met', awarenessType: '1; wind' },
  neve: { label: riskLabels['neve'].it, labelEn: riskLabels['neve'].en, category: 'Met', awarenessType: '2; snow-ice' },
  ghiaccio: { label: riskLabels['ghiaccio'].it, labelEn: riskLabels['ghiaccio'].en, category: 'Met', awarenessType: '2; snow-ice' },
  'temperature-estreme': { label: riskLabels['temperature-estreme'].it, labelEn: riskLabels['temperature-estreme'].en, category: 'Met', awarenessType: null },
  'incendi-boschivi': { label: riskLabels['incendi-boschivi'].it, labelEn: riskLabels['incendi-boschivi'].en, category: 'Fire', awarenessType: '8; forest-fire' },
  mareggiate: { label: riskLabels['mareggiate'].it, labelEn: riskLabels['mareggiate'].en, category: 'Met', awarenessType: '7; coastalevent' },
  altro: { label: riskLabels['altro'].it, labelEn: riskLabels['altro'].en, category: 'Other', awarenessType: null },
}

export const levelSeverity: Record<AlertLevel, CapSeverity> = {
  verde: 'Minor',
  gialla: 'Moderate',
  arancione: 'Severe',
  rossa: 'Extreme',
}

/** MeteoAlarm `awareness_level` parameter values. */
export const levelAwareness: Record<AlertLevel, string> = {
  verde: '1; green; Minor',
  gialla: '2; yellow; Moderate',
  arancione: '3; orange; Severe',
  rossa: '4; red; Extreme',
}

const levelLabelsEn: Record<AlertLevel, string> = {
  verde: 'Green alert',
  gialla: 'Yellow alert',
  arancione: 'Orange alert',
  rossa: 'Red alert',
}

const phaseLabels: Record<AlertPhase, string> = {
  attenzione: 'Attenzione',
  preallarme: 'Preallarme',
  allarme: 'Allarme',
}

export const HEADLINE_MAX_CHARS = 160

// ---------------------------------------------------------------------------------------------
// Dates

let romeFormatter: Intl.DateTimeFormat | undefined

/**
 * "2026-11-24T10:00:00+01:00": Rome wall clock with its offset (DST-correct), whole seconds.
 * CAP forbids "Z" and fractional seconds; Atom (RFC 3339) accepts the same form.
 */
export function formatCapDateTime(instant: Date): string {
  const ms = instant.getTime()
  if (!Number.isFinite(ms)) throw new Error('CAP: invalid date')
  const seconds = Math.floor(ms / 1000) * 1000
  romeFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: ROME_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const parts: Record<string, number> = {}
  for (const part of romeFormatter.formatToParts(new Date(seconds))) {
    if (part.type !== 'literal') parts[part.type] = Number.parseInt(part.value, 10)
  }
  const year = parts.year ?? 1970
  const month = parts.month ?? 1
  const day = parts.day ?? 1
  const hour = (parts.hour ?? 0) % 24 // some engines print midnight as "24" despite h23
  const minute = parts.minute ?? 0
  const second = parts.second ?? 0
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - seconds) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

// ---------------------------------------------------------------------------------------------
// Text

// Characters XML 1.0 does not allow at all (C0 controls except tab/newline/CR, lone surrogates,
// U+FFFE/U+FFFF): escaping cannot help, so they are dropped.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text for element content and attribute values alike. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** At most `max` characters (code points, so an emoji is never split), ending with "…" when cut. */
export function cutHeadline(text: string, max = HEADLINE_MAX_CHARS): string {
  const trimmed = text.trim()
  const chars = Array.from(trimmed)
  if (chars.length <= max) return trimmed
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** CAP identifier/sender: non-empty, no whitespace, commas, "<" or "&" (CAP 1.2 §3.2.1). */
function assertCapId(value: string, what: string): void {
  if (value === '' || /[\s,<&]/.test(value)) {
    throw new Error(`CAP: invalid ${what} ${JSON.stringify(value)} (no spaces, commas, "<" or "&", not empty)`)
  }
}

function assertAbsoluteUrl(value: string, what: string): void {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${what} must be an absolute URL, got ${JSON.stringify(value)}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${what} must be an http(s) URL, got ${JSON.stringify(value)}`)
}

// ---------------------------------------------------------------------------------------------
// CAP

/** "lat,lon lat,lon …" from a closed GeoJSON ring of [lon, lat]. */
export function capPolygon(ring: Array<[number, number]>): string {
  if (ring.length < 4) throw new Error(`CAP: a polygon needs at least 4 points (closed ring), got ${ring.length}`)
  for (const [lon, lat] of ring) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new Error(`CAP: polygon point [${lon}, ${lat}] is not a WGS84 [lon, lat]`)
    }
  }
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) throw new Error('CAP: polygon ring is not closed (first point must equal the last)')
  // Six decimals is ~10 cm; Number() drops trailing zeros and never yields exponent notation here.
  const coordinate = (n: number) => String(Number(n.toFixed(6)))
  return ring.map(([lon, lat]) => `${coordinate(lat)},${coordinate(lon)}`).join(' ')
}

/** The strongest response the level and the phase call for. */
function responseTypeOf(alert: CapAlert): CapResponseType {
  if (alert.msgType === 'Cancel') return 'AllClear'
  if (alert.level === 'rossa' || alert.phase === 'allarme') return 'Execute'
  if (alert.level === 'arancione' || alert.phase === 'preallarme') return 'Prepare'
  if (alert.level === 'gialla' || alert.phase === 'attenzione') return 'Monitor'
  return 'None'
}

function urgencyOf(alert: CapAlert): CapUrgency {
  if (alert.msgType === 'Cancel') return 'Past'
  if (alert.urgency) return alert.urgency
  return alert.effective.getTime() <= alert.sent.getTime() ? 'Expected' : 'Future'
}

function element(name: string, value: string, indent: string): string {
  return `${indent}<${name}>${escapeXml(value)}</${name}>\n`
}

function optionalElement(name: string, value: string | null | undefined, indent: string): string {
  return value == null || value.trim() === '' ? '' : element(name, value.trim(), indent)
}

function parameter(valueName: string, value: string): string {
  return `    <parameter>\n${element('valueName', valueName, '      ')}${element('value', value, '      ')}    </parameter>\n`
}

type InfoText = { language: 'it-IT' | 'en-GB'; headline: string; description: string; instruction: string }

function buildInfo(alert: CapAlert, text: InfoText, polygons: string[]): string {
  const italian = text.language === 'it-IT'
  const risks = alert.risks.map((risk) => riskInfo[risk])
  const categories = [...new Set(risks.map((risk) => risk.category))]
  if (categories.length === 0) categories.push('Other')
  const riskNames = risks.filter((risk) => risk.category !== 'Other').map((risk) => (italian ? risk.label.toLowerCase() : risk.labelEn.toLowerCase()))
  const levelText = italian ? levelLabels[alert.level] : levelLabelsEn[alert.level]
  const cancelled = alert.msgType === 'Cancel' ? (italian ? 'Cessata allerta – ' : 'All clear – ') : ''
  const event = `${cancelled}${levelText}${riskNames.length > 0 ? (italian ? ' per rischio ' : ': ') + riskNames.join(', ') : ''}`
  const awarenessType = risks.find((risk) => risk.awarenessType !== null)?.awarenessType ?? null

  let xml = '  <info>\n'
  xml += element('language', text.language, '    ')
  for (const category of categories) xml += element('category', category, '    ')
  xml += element('event', event, '    ')
  xml += element('responseType', responseTypeOf(alert), '    ')
  xml += element('urgency', urgencyOf(alert), '    ')
  xml += element('severity', levelSeverity[alert.level], '    ')
  xml += element('certainty', alert.certainty ?? 'Likely', '    ')
  xml += element('effective', formatCapDateTime(alert.effective), '    ')
  xml += element('expires', formatCapDateTime(alert.expires), '    ')
  xml += optionalElement('senderName', alert.senderName, '    ')
  xml += element('headline', cutHeadline(text.headline), '    ')
  xml += optionalElement('description', text.description, '    ')
  xml += optionalElement('instruction', text.instruction, '    ')
  xml += element('web', alert.web, '    ')
  xml += optionalElement('contact', alert.contact, '    ')
  xml += parameter('awareness_level', levelAwareness[alert.level])
  if (awarenessType) xml += parameter('awareness_type', awarenessType)
  // Filo's own parameters are machine-read codes, kept in Italian in every language.
  xml += parameter('livello', levelLabels[alert.level])
  if (alert.phase) xml += parameter('fase_operativa', phaseLabels[alert.phase])
  // Free Italian text with no translation in CapAlert: only the Italian info carries it.
  if (italian && alert.comuneActions?.trim()) xml += parameter('azioni_comune', alert.comuneActions.trim())
  if (alert.sourceUrl) {
    xml += '    <resource>\n'
    xml += element('resourceDesc', italian ? 'Bollettino o provvedimento di origine' : 'Source bulletin or ordinance', '      ')
    xml += element('mimeType', /\.pdf(?:[?#]|$)/i.test(alert.sourceUrl) ? 'application/pdf' : 'text/html', '      ')
    xml += element('uri', alert.sourceUrl, '      ')
    xml += '    </resource>\n'
  }
  alert.areas.forEach((area, index) => {
    xml += '    <area>\n'
    xml += element('areaDesc', area.description, '      ')
    const polygon = polygons[index]
    if (polygon) xml += element('polygon', polygon, '      ')
    xml += '    </area>\n'
  })
  xml += '  </info>\n'
  return xml
}

/** A CAP 1.2 document (UTF-8, valid against the OASIS schema) for one alert message. */
export function buildCapXml(alert: CapAlert): string {
  assertCapId(alert.identifier, 'identifier')
  assertCapId(alert.sender, 'sender')
  for (const date of [alert.sent, alert.effective, alert.expires]) formatCapDateTime(date)
  if (alert.msgType !== 'Alert' && alert.references.length === 0) {
    throw new Error(`CAP: a ${alert.msgType} must reference the message(s) it replaces`)
  }
  for (const reference of alert.references) {
    assertCapId(reference.sender, 'reference sender')
    assertCapId(reference.identifier, 'reference identifier')
  }
  assertAbsoluteUrl(alert.web, 'CAP web')
  if (alert.sourceUrl) assertAbsoluteUrl(alert.sourceUrl, 'CAP sourceUrl')
  for (const area of alert.areas) {
    if (area.description.trim() === '') throw new Error('CAP: every area needs a description (areaDesc)')
  }
  const polygons = alert.areas.map((area) => (area.polygon.length === 0 ? '' : capPolygon(area.polygon)))
  const languages = new Set<string>(['it-IT'])
  for (const translation of alert.translations ?? []) {
    if (languages.has(translation.language)) throw new Error(`CAP: two translations in ${translation.language}`)
    languages.add(translation.language)
  }

  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n'
  xml += `<alert xmlns="${CAP_NAMESPACE}">\n`
  xml += element('identifier', alert.identifier, '  ')
  xml += element('sender', alert.sender, '  ')
  xml += element('sent', formatCapDateTime(alert.sent), '  ')
  xml += element('status', alert.status, '  ')
  xml += element('msgType', alert.msgType, '  ')
  xml += element('scope', 'Public', '  ')
  if (alert.references.length > 0) {
    const references = alert.references.map((ref) => `${ref.sender},${ref.identifier},${formatCapDateTime(ref.sent)}`).join(' ')
    xml += element('references', references, '  ')
  }
  xml += buildInfo(alert, { language: 'it-IT', headline: alert.headline, description: alert.description, instruction: alert.instruction }, polygons)
  for (const translation of alert.translations ?? []) xml += buildInfo(alert, translation, polygons)
  xml += '</alert>\n'
  return xml
}

// ---------------------------------------------------------------------------------------------
// Atom

export type AtomAlertEntry = {
  identifier: string
  sent: Date
  updated: Date
  headline: string
  summary: string
  level: AlertLevel
  /** Absolute URL of the CAP document. */
  url: string
}

export type AtomFeedMeta = { title: string; selfUrl: string; id: string; updated: Date; author: string }

/**
 * An Atom 1.0 feed (serve as application/atom+xml) of current alerts, each entry linking to
 * its CAP document, with cap: extension elements as in MeteoAlarm's feeds. The entry id is
 * the CAP URL, since a CAP identifier is not an IRI as Atom requires.
 */
export function buildAtomFeed(entries: AtomAlertEntry[], feed: AtomFeedMeta): string {
  assertAbsoluteUrl(feed.selfUrl, 'Atom selfUrl')
  try {
    new URL(feed.id)
  } catch {
    throw new Error(`Atom id must be an IRI (URL or URN), got ${JSON.stringify(feed.id)}`)
  }
  for (const entry of entries) {
    assertCapId(entry.identifier, 'identifier')
    assertAbsoluteUrl(entry.url, 'Atom entry url')
  }

  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n'
  xml += `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="${CAP_NAMESPACE}" xml:lang="it-IT">\n`
  xml += element('id', feed.id, '  ')
  xml += `  <title type="text">${escapeXml(feed.title)}</title>\n`
  xml += element('updated', formatCapDateTime(feed.updated), '  ')
  xml += `  <author>\n${element('name', feed.author, '    ')}  </author>\n`
  xml += `  <link rel="self" type="${ATOM_MIME_TYPE}" href="${escapeXml(feed.selfUrl)}"/>\n`
  for (const entry of entries) {
    xml += '  <entry>\n'
    xml += element('id', entry.url, '    ')
    xml += `    <title type="text">${escapeXml(cutHeadline(entry.headline))}</title>\n`
    xml += element('published', formatCapDateTime(entry.sent), '    ')
    xml += element('updated', formatCapDateTime(entry.updated), '    ')
    xml += `    <summary type="text">${escapeXml(entry.summary)}</summary>\n`
    xml += `    <category term="${escapeXml(entry.level)}" label="${escapeXml(levelLabels[entry.level])}"/>\n`
    xml += `    <link rel="alternate" type="${CAP_MIME_TYPE}" href="${escapeXml(entry.url)}"/>\n`
    xml += element('cap:identifier', entry.identifier, '    ')
    xml += element('cap:sent', formatCapDateTime(entry.sent), '    ')
    xml += element('cap:severity', levelSeverity[entry.level], '    ')
    xml += '  </entry>\n'
  }
  xml += '</feed>\n'
  return xml
}
