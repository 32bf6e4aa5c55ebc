import 'next-auth'
import 'next-auth/jwt'

declare module 'next-auth' {
  interface User {
    sessionVersion?: number
  }
  interface Session {
    staffId?: string
    sv?: number
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sv?: number
  }
}
