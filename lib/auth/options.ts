import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { eq } from 'drizzle-orm'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { AppError } from '../errors'
import { getLogger } from '../log'
import { recordAudit } from '../audit/record-audit'
import { actorLabel } from './actor'
import { clientIp } from './client-ip'
import { signInSchema } from './schemas'
import { signInStaff } from './sign-in-staff'
import { getAuthSecret } from './secret'

/** Codes the sign-in form turns into messages; the text itself travels after the colon. */
export type SignInErrorCode = 'invalid_input' | 'wrong_credentials' | 'throttled' | 'unavailable'

export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: 10 * 60 * 60 },
    pages: { signIn: '/admin/accedi', error: '/admin/accedi' },
    providers: [
      CredentialsProvider({
        name: 'Email e password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {})
          if (!parsed.success) throw new Error(`invalid_input:${JSON.stringify(fieldErrors(parsed.error.issues))}`)
          try {
            const user = await signInStaff({ ...parsed.data, ip: clientIp(req.headers ?? {}) })
            return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
          } catch (error) {
            if (error instanceof AppError && error.code === 'throttled') throw new Error(`throttled:${error.message}`)
            if (error instanceof AppError) throw new Error(`wrong_credentials:${error.message}`)
            getLogger().error({ err: error }, 'sign-in failed unexpectedly')
            throw new Error('unavailable:Accesso non disponibile in questo momento. Riprova tra poco.')
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && 'sessionVersion' in user) token.sv = user.sessionVersion
        return token
      },
      session({ session, token }) {
        return { ...session, staffId: token.sub, sv: token.sv }
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.sub) return
        const db = await getDb()
        const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, token.sub))
        if (user) await recordAudit(db, { action: 'auth.sign_out', actorId: user.id, actorLabel: actorLabel(user) })
      },
    },
    logger: {
      error: (code, metadata) => getLogger().error({ code, metadata }, 'next-auth'),
      warn: (code) => getLogger().warn({ code }, 'next-auth'),
      debug: () => {},
    },
  }
}

function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) {
  const out: Record<string, string> = {}
  for (const i of issues) out[String(i.path[0] ?? '_')] ??= i.message
  return out
}
