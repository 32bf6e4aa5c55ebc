/** Cost of one argon2id verification: bounds how many sign-ins per second one core absorbs. */
import { hashPassword, verifyPassword } from '../lib/auth/password'

const hash = await hashPassword('una-password-di-prova')
const rounds = 30
const t0 = performance.now()
for (let i = 0; i < rounds; i++) await verifyPassword(hash, 'una-password-di-prova')
const perVerify = (performance.now() - t0) / rounds
console.log(`argon2id verify (m=19 MiB, t=2, p=1): ${perVerify.toFixed(1)} ms each, ~${Math.floor(1000 / perVerify)} sign-ins/s per core`)
