import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Typography } from 'antd';
import { photoAllowedText } from '@shared/requests/labels';
import { requestPaths } from '@shared/requests/paths';
import type { PortalRequestOptions, Receipt } from '@shared/requests/responses';
import { api } from '../../../app/api';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../../portal/useCommittee';
import { CopyButton, PlainChallenge, PlainField, PlainSubmit, described } from '../../portal/plain';
import { usePublicForm } from '../../portal/usePublicForm';
import { readPrefill } from './prefill';
import { PortalOutcome } from '../../portal/PortalOutcome';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)}MB` : `${Math.round(bytes / 1024)}KB`);

/** The photos chosen, if they are within the committee's count and size, else what is wrong (the server checks them too). */
function photoProblem(files: File[], options: PortalRequestOptions): string | null {
  if (files.length > options.maxPhotos) return `最多上传${options.maxPhotos}张照片`;
  const big = files.find((f) => f.size > options.photoMaxBytes);
  return big ? `照片“${big.name}”超过${sizeText(options.photoMaxBytes)}，请压缩后再上传` : null;
}

/**
 * 反映民生诉求: a form anyone fills on a phone, no sign-in. The answer is a receipt code to follow
 * it with; the photos' count and size follow the committee's settings (the server checks them too).
 * Plain controls, no zod on the page: a visitor's first page stays within the public script budget.
 */
export default function RequestFormPage() {
  useDocumentTitle('反映民生诉求', '政协公开门户');
  const { id: committeeId, committee } = usePortalCommittee();
  const { data: options } = useGet<PortalRequestOptions>(requestPaths.portalOptions, { committeeId }, { enabled: !!committeeId });
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  // text carried over from a proposal draft (the drafting help's 其他渠道 advice): filled once, then
  // dropped from the address so a reload or a shared link does not carry it on
  const [prefill] = useState(() => readPrefill(window.location.hash));
  useEffect(() => {
    if (prefill) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, [prefill]);
  const { challenge, next, errors, busy, onSubmit } = usePublicForm(
    committeeId,
    (_values, data) => {
      data.set('committeeId', committeeId ?? '');
      // an empty file field is sent by the browser as a nameless empty file: only chosen photos go
      const photos = data.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
      data.delete('photos');
      for (const p of photos) data.append('photos', p, p.name);
      if (!data.get('senderName')) data.delete('senderName');
      return api.post<Receipt>(requestPaths.submit, data);
    },
    setReceipt,
  );

  if (receipt)
    return (
      <PortalOutcome
        kind="done"
        title="诉求已提交"
        subTitle={receipt.message}
        extra={
          <>
            <Typography.Paragraph>
              您的回执码：
              <strong style={{ fontSize: 24, letterSpacing: 2 }} data-testid="receipt-code">{receipt.code}</strong>
            </Typography.Paragraph>
            <Typography.Paragraph>
              <CopyButton text={receipt.code} label="复制回执码" />
            </Typography.Paragraph>
            <Link to={`/portal/requests/follow?code=${receipt.code}`}>查询办理进展</Link>
          </>
        }
      />
    );

  const max = options?.maxPhotos ?? 0;
  const photosError = photoError ?? errors.photos;
  return (
    <PageCard title="反映民生诉求">
      <Typography.Paragraph>
        身边的烦心事、难心事，可以告诉{committee?.shortName ?? '政协'}。工作人员会转给委员工作室或委员跟进，您可凭回执码随时查询进展和结果。您的姓名和电话只有工作人员能看到，不会公开。
      </Typography.Paragraph>
      <form onSubmit={(e) => (photoError ? e.preventDefault() : onSubmit(e))} aria-label="反映民生诉求" autoComplete="off">
        <PlainField id="category" label="类别" required error={errors.category}>
          <select {...described('category', false, errors.category)} required defaultValue="" data-testid="request-category">
            <option value="" disabled>请选择</option>
            {(options?.categories ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </PlainField>
        <PlainField id="place" label="地点" required hint="2—100字" error={errors.place}>
          <input {...described('place', true, errors.place)} required minLength={2} maxLength={100} placeholder="如：坂田街道 万科城三期东门" data-testid="request-place" />
        </PlainField>
        <PlainField id="body" label="诉求内容" required hint="10—2000字：什么问题、持续多久、希望怎样解决" error={errors.body}>
          <textarea {...described('body', true, errors.body)} required minLength={10} maxLength={2000} rows={5} defaultValue={prefill ?? undefined} data-testid="request-body" />
        </PlainField>
        {max > 0 && (
          <PlainField id="photos" label="照片（选填）" hint={`最多${max}张，每张不超过${sizeText(options!.photoMaxBytes)}，${photoAllowedText.replace('照片只能是 ', '')}`} error={photosError ?? undefined}>
            <input
              {...described('photos', true, photosError ?? undefined)} type="file" multiple accept="image/jpeg,image/png"
              onChange={(e) => setPhotoError(photoProblem([...(e.currentTarget.files ?? [])], options!))}
            />
          </PlainField>
        )}
        <PlainField id="senderName" label="姓名（选填）" error={errors.senderName}>
          <input {...described('senderName', false, errors.senderName)} maxLength={20} autoComplete="name" data-testid="request-name" />
        </PlainField>
        <PlainField id="senderPhone" label="联系电话" required hint="仅供工作人员联系您核实情况" error={errors.senderPhone}>
          <input {...described('senderPhone', true, errors.senderPhone)} required inputMode="tel" autoComplete="tel" data-testid="request-phone" />
        </PlainField>
        <PlainChallenge challenge={challenge} next={() => void next()} error={errors.challengeAnswer} />
        <PlainSubmit error={errors.form} busy={busy} data-testid="request-submit">提交诉求</PlainSubmit>
      </form>
    </PageCard>
  );
}
