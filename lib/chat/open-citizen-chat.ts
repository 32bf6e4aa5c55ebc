import 'server-only'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { lockCitizenConversation } from './citizen-conversation'

/** The citizen's conversation id, creating the (empty) conversation on first use. */
export async function openCitizenChat(actor: CitizenActor): Promise<string> {
  const db = await getDb()
  return (await db.transaction((tx) => lockCitizenConversation(tx, actor.id))).id
}
