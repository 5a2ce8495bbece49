import { useEffect, useRef, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { meetingPaths } from '@shared/meetings/paths';
import type { CheckInAnswer } from '@shared/meetings/responses';
import { api, ApiError } from '../../../app/api';
import { PageHeading } from '../../../app/ui/PageTitle';
import { useMe } from '../../../app/auth';
import { opens } from '../../../app/navigation';

/** The result's title keeps antd's size; it is the page's heading. */
const RESULT_TITLE = { fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit' } as const;


/** Where a person goes from a failed check-in: their meetings list, the office's, or the home page — the first they may open. */
const ONWARD = [
  { link: '/meetings/mine', label: '我的会议活动' },
  { link: '/meetings', label: '会议活动安排' },
  { link: '/', label: '返回首页' },
];

/**
 * 扫码签到: the page the venue QR code opens (/checkin?token=…). Logging in comes first (the router
 * sends a visitor to the login page and back here); then the member is checked in as themselves.
 */
export default function CheckInPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [answer, setAnswer] = useState<CheckInAnswer>();
  const [problem, setProblem] = useState<string>();
  const sent = useRef(false);
  const me = useMe();
  const onward = ONWARD.find((o) => opens(me, o.link)) ?? ONWARD[ONWARD.length - 1];

  useEffect(() => {
    // one attempt per page load: a second one would only say "already checked in"
    if (sent.current) return;
    sent.current = true;
    if (!token) {
      setProblem('缺少签到码，请重新扫描现场的签到二维码');
      return;
    }
    api.post<CheckInAnswer>(meetingPaths.checkInByToken, { token }).then(setAnswer, (err) => setProblem(err instanceof ApiError ? err.message : '签到失败，请稍后重试'));
  }, [token]);

  if (answer)
    return (
      <Result
        status="success"
        title={<PageHeading style={RESULT_TITLE}>签到成功</PageHeading>}
        subTitle={<span data-testid="checkin-result">{answer.meeting.title}，签到时间 {dayjs(answer.checkedInAt).format('HH:mm')}</span>}
        extra={<Link to={`/meetings/${answer.meeting.id}`}><Button type="primary">查看会议</Button></Link>}
      />
    );
  if (problem)
    return <Result status="warning" title={<PageHeading style={RESULT_TITLE}>未能签到</PageHeading>} subTitle={<span data-testid="checkin-problem">{problem}</span>} extra={<Link to={onward.link}><Button>{onward.label}</Button></Link>} />;
  return <Result icon={<Spin size="large" />} title={<PageHeading style={RESULT_TITLE}>正在签到…</PageHeading>} />;
}
