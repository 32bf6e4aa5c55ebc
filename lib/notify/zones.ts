import { sql, type SQL } from 'drizzle-orm'

/**
 * Zone targeting: a citizen who chose neighbourhoods gets messages for those; one who chose
 * none gets every message of the topic (nobody is left out for not configuring anything).
 * Zones retired since the citizen chose them do not count: someone whose only zone was
 * retired is back to receiving everything, not to receiving nothing. No zone list means the
 * whole territory; an empty list (an area drawn where no standing zone lies) reaches only
 * those who chose none.
 */
export function inZones(citizenId: SQL, zoneIds: number[] | undefined): SQL {
  if (zoneIds === undefined) return sql`true`
  const choseNone = sql`not exists (select 1 from citizen_zones cz join zones z on z.id = cz.zone_id where cz.citizen_id = ${citizenId} and z.retired_at is null)`
  if (zoneIds.length === 0) return choseNone
  return sql`(${choseNone}
    or exists (select 1 from citizen_zones cz where cz.citizen_id = ${citizenId}
      and cz.zone_id in (select (jsonb_array_elements_text(${JSON.stringify(zoneIds)}::jsonb))::int)))`
}
