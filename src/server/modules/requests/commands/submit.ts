import type { z } from 'zod';
import type { Database } from '../../../db/client.js';
import { systemActor, type Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { storeAttachment } from '../../../platform/attachments/files.js';
import { checkUpload } from '../../../platform/attachments/types.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { AppError } from '../../../platform/errors.js';
import { officeUserIds } from '../../../platform/handling/assignments.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { notify } from '../../../platform/notifications/notify.js';
import { admitPublicSubmission } from '../../../platform/public-forms/guard.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { checkCommittee } from '../../../platform/tenancy/committee.js';
import { photoAllowedText, photoExtensions } from '../../../../shared/requests/labels.js';
import type { requestSubmission } from '../../../../shared/requests/inputs.js';
import { formatCode, newReceiptCode } from '../code.js';
import { livelihoodRequests } from '../schema.js';
import { requestSettings } from '../settings.js';

type Submission = z.output<typeof requestSubmission>;
export interface Photo {
  filename: string;
  data: Buffer;
}

/** Who a public sender is in the audit trail and on stored photos: nobody's name. */
export const portalActor = (committeeId: string): Actor => ({ ...systemActor(committeeId), name: '群众（门户网站）', roles: [] });

/**
 * 民生诉求 from the portal: the form's own checks (category, photos by the committee's limits),
 * then the abuse checks (rate limit per address, the arithmetic question), then one transaction:
 * the request with its receipt code, its photos, the audit row (no name or phone in it), and a
 * notice to the staff who route requests. Answers the receipt code.
 */
export async function submitRequest(database: Database, s: Submission, photos: Photo[], address: string, now: Date) {
  await checkCommittee(database, s.committeeId);
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const settings = await getSettings(database.db, requestSettings, s.committeeId, year);
  if (!settings.categories.includes(s.category)) throw AppError.field('category', '类别', `应为：${settings.categories.join('、')}`);
  if (photos.length > settings.maxPhotos) throw AppError.field('photos', '照片', settings.maxPhotos ? `最多上传${settings.maxPhotos}张` : '本会暂不接收照片');
  const tooLarge = `每张照片不能超过${settings.photoMaxKb >= 1024 ? `${+(settings.photoMaxKb / 1024).toFixed(1)}MB` : `${settings.photoMaxKb}KB`}`;
  const checked = photos.map((p) => checkUpload(p, { label: '照片', allowed: [...photoExtensions], allowedText: photoAllowedText, maxBytes: settings.photoMaxKb * 1024, tooLarge }));
  await admitPublicSubmission(database.db, { committeeId: s.committeeId, form: 'request', address, challengeId: s.challengeId, challengeAnswer: s.challengeAnswer, now });
  const row = await receiveRequest(database, s, checked, now);
  return { code: formatCode(row.code), receivedOn: row.receivedOn, message: '已收到您的诉求。请记下回执码，凭回执码查询办理进展和结果。' };
}

/**
 * Stores a checked request in one transaction: the request with its receipt code, its photos, the
 * audit row (no name or phone in it), and a notice to the staff who route requests. The demo
 * (letters the office received) comes in here too.
 */
export async function receiveRequest(database: Database, s: Omit<Submission, 'challengeId' | 'challengeAnswer'>, checked: ReturnType<typeof checkUpload>[], now: Date) {
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const actor = portalActor(s.committeeId);
  return inTransaction(database, async (uow) => {
    const [r] = await uow.tx
      .insert(livelihoodRequests)
      .values({ committeeId: s.committeeId, year, code: newReceiptCode(), senderName: s.senderName, senderPhone: s.senderPhone, category: s.category, place: s.place, body: s.body, receivedOn: today })
      .returning();
    await audit(uow.tx, actor, { action: 'livelihoodRequest.create', subjectType: 'livelihoodRequest', subjectId: r.id, after: { category: r.category, place: r.place, status: r.status } });
    for (const p of checked) await storeAttachment(uow.tx, actor, { type: 'livelihoodRequest', id: r.id, committeeId: r.committeeId, label: '每件诉求' }, p);
    const staff = [...(await officeUserIds(uow.tx, s.committeeId, 'members')), ...(await officeUserIds(uow.tx, s.committeeId, 'general'))];
    await notify(uow.tx, { committeeId: s.committeeId, userIds: [...new Set(staff)], title: `民生诉求待分办：${r.category}·${r.place}`, body: '', link: `/requests/${r.id}` });
    return r;
  });
}
