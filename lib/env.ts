import { z } from 'zod'

/**
 * The only reader of process.env. Every setting has a safe default for the embedded
 * (zero set-up) mode; a malformed value stops the server at start with a message that
 * names the variable.
 */
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== ''
    } catch {
      return false
    }
  }, 'deve essere un URL postgres://utente@host:porta/database')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(postgresUrl.optional()),
  FILO_DATA_DIR: z.string().trim().min(1).default('.data'),
  AUTH_SECRET: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .pipe(z.string().min(32, 'deve essere lunga almeno 32 caratteri').optional()),
  FILO_PUBLIC_URL: z.url({ message: 'deve essere un URL http(s) completo' }).default('http://localhost:3000'),
  FILO_DEMO_SEED: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FILO_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  FILO_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(10000).default(20),
  FILO_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  VAPID_PUBLIC_KEY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .pipe(z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'deve essere una chiave pubblica VAPID (base64url, 87 caratteri)').optional()),
  VAPID_PRIVATE_KEY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .pipe(z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'deve essere una chiave privata VAPID (base64url, 43 caratteri)').optional()),
  VAPID_SUBJECT: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .pipe(z.string().regex(/^(mailto:|https:\/\/)\S+$/, 'deve iniziare con mailto: o https://').optional()),
  /** Deliveries in flight at once across all push services, per process. */
  FILO_PUSH_CONCURRENCY: z.coerce.number().int().min(1).max(2000).default(200),
  /** Seconds the citizen home and the CAP feed are served from memory (0: render every request). */
  FILO_PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(2),
  /** false: this web process only enqueues jobs; `npm run worker` processes run them. */
  FILO_RUN_JOBS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Niceness of `npm run worker` (0-19): higher leaves the CPU to web processes first. */
  FILO_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** When the weekly events digest goes out: a 5-field cron expression in Rome time. */
  FILO_DIGEST_CRON: z
    .string()
    .trim()
    .default('0 8 * * 1')
    .pipe(z.string().regex(/^\S+( \S+){4}$/, 'deve essere un’espressione cron di 5 campi, ad esempio "0 8 * * 1" (lunedì alle 8)')),
  /** Map tiles for every map (zones, reports): an OpenStreetMap-compatible {z}/{x}/{y} URL; empty: no tiles (maps show the Comune's boundary on a blank background). */
  FILO_MAP_TILE_URL: z
    .string()
    .trim()
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .pipe(z.string().refine((v) => v === '' || (/^https?:\/\/\S+$/.test(v) && v.includes('{z}') && v.includes('{x}') && v.includes('{y}')), 'deve essere un URL http(s) con {z}, {x} e {y}, oppure vuoto')),
  FILO_MAP_TILE_ATTRIBUTION: z.string().trim().max(300).default('© OpenStreetMap contributors'),
  /** Open311 jurisdiction_id; unset: the host of FILO_PUBLIC_URL without "www.". */
  FILO_OPEN311_JURISDICTION_ID: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(z.string().regex(/^[A-Za-z0-9.-]{1,100}$/, 'deve essere un nome di dominio, ad esempio comune.esempio.it').optional()),
  /** Open311 POSTs accepted per minute from one API key, and from one IP address. */
  FILO_OPEN311_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Chat opening hours: {"weeklyHours":{"1":[["08:30","13:00"]],…},"closedDays":["YYYY-MM-DD"]} (Europe/Rome). */
  FILO_CHAT_HOURS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined
      try {
        return JSON.parse(v) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'deve essere JSON' })
        return z.NEVER
      }
    })
    .pipe(
      z
        .object({
          weeklyHours: z.record(
            z.enum(['1', '2', '3', '4', '5', '6', '7']),
            z.array(z.tuple([z.string().regex(/^\d{1,2}:\d{2}$/), z.string().regex(/^\d{1,2}:\d{2}$/)])),
          ),
          closedDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
        }, { message: 'deve essere {"weeklyHours":{"1":[["08:30","13:00"]]},"closedDays":[]}' })
        .optional(),
    ),
  FILO_CHAT_MAX_VIDEO_MB: z.coerce.number().min(1).max(500).default(16),
  FILO_CHAT_MAX_VIDEO_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  FILO_CHAT_MAX_IMAGE_MB: z.coerce.number().min(1).max(100).default(15),
  /** Minutes an unassigned chat may wait before it is escalated. */
  FILO_CHAT_ESCALATE_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Messages one citizen may send per minute before being slowed down. */
  FILO_CHAT_MAX_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
})
  .refine((env) => Boolean(env.VAPID_PUBLIC_KEY) === Boolean(env.VAPID_PRIVATE_KEY), {
    path: ['VAPID_PRIVATE_KEY'],
    message: 'va impostata insieme a VAPID_PUBLIC_KEY (entrambe o nessuna)',
  })

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Configurazione non valida: ${variable} ${detail}`)
    this.name = 'EnvError'
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const issue = result.error.issues[0]
    const variable = String(issue?.path[0] ?? 'sconosciuta')
    throw new EnvError(variable, issue?.message ?? 'non è valida')
  }
  return result.data
}

let cached: Env | undefined

export function getEnv(): Env {
  if (!cached) {
    cached = parseEnv(process.env)
    // next-auth reads its own variable for absolute redirects; Filo has one public URL setting.
    process.env.NEXTAUTH_URL ??= cached.FILO_PUBLIC_URL
  }
  return cached
}

/**
 * Where this process's own server listens (http://host:port), for the page cache's
 * internal renders; `next start` sets it once it listens.
 */
export function ownOrigin(): string {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN
  if (origin) return origin.replace('://localhost', '://127.0.0.1')
  return `http://127.0.0.1:${process.env.PORT ?? '3000'}`
}

/** True while `next build` runs: nothing may open the database then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build'
}
