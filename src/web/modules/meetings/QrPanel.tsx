import { useEffect, useState } from 'react';
import { Alert, Flex, Typography } from 'antd';
import QRCode from 'qrcode';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import type { CheckInToken } from '@shared/meetings/responses';
import { api, ApiError } from '../../app/api';


/**
 * The code shown on the venue screen. It is drawn here in the browser from the check-in page's
 * address with a freshly signed token, and replaced every minute: the token names this event
 * and expires within a minute or two, so a photo of the screen sent on later does not work.
 */
export function QrPanel({ meetingId, tokenPath }: { meetingId: string; /** where the signed token comes from (a joint event's own route); the meeting's by default */ tokenPath?: string }) {
  const [svg, setSvg] = useState('');
  const [expiresAt, setExpiresAt] = useState<string>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async () => {
      try {
        const q = await api.get<CheckInToken>(tokenPath ?? pathTo(meetingPaths.qr, { id: meetingId }));
        const url = `${window.location.origin}/checkin?token=${encodeURIComponent(q.token)}`;
        const drawn = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', width: 320 });
        if (stopped) return;
        setSvg(drawn);
        setExpiresAt(q.expiresAt);
        setProblem(undefined);
        timer = setTimeout(load, q.refreshSeconds * 1000);
      } catch (err) {
        if (stopped) return;
        setSvg('');
        setProblem(err instanceof ApiError ? err.message : '签到码获取失败');
        // outside the check-in window: ask again in a minute (it may open soon)
        timer = setTimeout(load, 60_000);
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [meetingId, tokenPath]);

  if (problem) return <Alert type="warning" showIcon message={problem} />;
  return (
    <Flex vertical align="center" gap={8}>
      <div data-testid="checkin-qr" style={{ width: 320, height: 320, background: '#fff' }} dangerouslySetInnerHTML={{ __html: svg }} />
      <Typography.Title level={4} style={{ margin: 0 }}>请用手机扫码签到</Typography.Title>
      <Typography.Text type="secondary">签到码每分钟更新{expiresAt ? `，本码有效至 ${dayjs(expiresAt).format('HH:mm:ss')}` : ''}</Typography.Text>
    </Flex>
  );
}
