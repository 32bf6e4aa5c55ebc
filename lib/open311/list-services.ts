import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { categories } from '@/db/schema/reports'
import { getDb } from '../db'
import { Open311Error } from './respond'
import { list, type Open311Value } from './serialize-shared'

/**
 * Every active category as an Open311 service. The category's slug is the service_code (a
 * string that never changes); its office is the group. Every service is "realtime": a POST
 * answers with the service_request_id at once.
 */
export async function listOpen311Services(): Promise<Open311Value> {
  const db = await getDb()
  const rows = await db
    .select({ slug: categories.slug, name: categories.name, urgentNotice: categories.urgentNotice, extraQuestions: categories.extraQuestions, office: offices.name })
    .from(categories)
    .innerJoin(offices, eq(offices.id, categories.officeId))
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder), asc(categories.name))
  return list(
    'service',
    rows.map((row) => ({
      service_code: row.slug,
      service_name: row.name,
      description: row.urgentNotice ?? row.name,
      metadata: row.extraQuestions.length > 0,
      type: 'realtime',
      keywords: '',
      group: row.office,
    })),
  )
}

/** The category's extra questions as Open311 attributes: free text is "string", a choice "singlevaluelist" with its values. */
export async function getOpen311ServiceDefinition(serviceCode: string): Promise<Open311Value> {
  const db = await getDb()
  const [row] = await db
    .select({ slug: categories.slug, extraQuestions: categories.extraQuestions })
    .from(categories)
    .where(and(eq(categories.slug, serviceCode), eq(categories.active, true)))
  if (!row) throw unknownServiceCode(serviceCode)
  return {
    service_code: row.slug,
    attributes: list(
      'attribute',
      row.extraQuestions.map((question, index): Open311Value =>
        question.type === 'choice'
          ? {
              variable: true,
              code: question.code,
              datatype: 'singlevaluelist',
              required: question.required,
              datatype_description: 'Una delle risposte elencate (la chiave è il testo stesso).',
              order: index + 1,
              description: question.label,
              values: list('value', (question.options ?? []).map((option) => ({ key: option, name: option }))),
            }
          : {
              variable: true,
              code: question.code,
              datatype: 'string',
              required: question.required,
              datatype_description: 'Testo, al massimo 500 caratteri, senza HTML.',
              order: index + 1,
              description: question.label,
            },
      ),
    ),
  }
}

export function unknownServiceCode(serviceCode: string): Open311Error {
  return new Open311Error(404, [{ code: 404, description: `service_code «${serviceCode.slice(0, 60)}» sconosciuto: scegli un servizio da services.xml.` }])
}
