import type { DbOrTx } from '@/db/client'
import { auditLog } from '@/db/schema/staff'

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_in_throttled'
  | 'auth.sign_out'
  | 'staff.create'
  | 'staff.update'
  | 'staff.password_reset'
  | 'staff.deactivate'
  | 'staff.reactivate'
  | 'office.update'
  | 'alert.draft'
  | 'alert.submit'
  | 'alert.publish'
  | 'alert.override'
  | 'alert.end'
  | 'alert.update'
  | 'alert.update_submit'
  | 'alert.update_override'
  | 'alert.update_withdraw'
  | 'alert.edit'
  | 'alert.withdraw'
  | 'alert.reject'
  | 'zone.create'
  | 'zone.update'
  | 'zone.retire'
  | 'waiting_area.create'
  | 'waiting_area.update'
  | 'risk_template.update'
  | 'campaign.schedule'
  | 'campaign.send'
  | 'campaign.cancel'
  | 'campaign.fail'
  | 'digest.send'
  | 'digest.configure'
  | 'notification.delivered'
  | 'push.service_blocked'
  | 'push.service_unblocked'
  | 'news.create'
  | 'news.update'
  | 'news.publish'
  | 'news.schedule'
  | 'news.unpublish'
  | 'news.delete'
  | 'news.notify'
  | 'event.create'
  | 'event.update'
  | 'event.publish'
  | 'event.schedule'
  | 'event.unpublish'
  | 'event.delete'
  | 'event.notify'
  | 'topic.create'
  | 'topic.update'
  | 'topic.retire'
  | 'topic.restore'
  | 'report.merge'
  | 'routing_rule.create'
  | 'routing_rule.update'
  | 'routing_rule.delete'
  | 'report_category.create'
  | 'report_category.update'
  | 'report_category.retire'
  | 'report_category.restore'
  | 'report_category.delete'
  | 'reply_template.create'
  | 'reply_template.update'
  | 'reply_template.delete'
  | 'open311.key_issue'
  | 'open311.key_revoke'
  | 'chat.assign'
  | 'chat.resolve'
  | 'chat.reopen'
  | 'chat.snooze'

export type AuditInput = {
  action: AuditAction
  actorId?: string | null
  actorLabel: string
  targetType?: string
  targetId?: string
  ip?: string | null
  details?: Record<string, unknown>
}

/** Appends to the audit log inside the caller's transaction, so it commits with the change. */
export async function recordAudit(db: DbOrTx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    actorLabel: entry.actorLabel,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  })
}
