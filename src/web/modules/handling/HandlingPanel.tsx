import { useState } from 'react';
import { Alert, Button, Card, Empty, Space } from 'antd';
import { handlingPaths } from '@shared/handling/paths';
import type { Assignment } from '@shared/handling/responses';
import { pathTo } from '@shared/http/paths';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { run } from '../../app/errors';
import { can } from '../../app/forms';
import { useGet } from '../../app/query';
import { AssignDialog } from './AssignDialog';
import { AssignmentDialog, type AssignmentAction } from './AssignmentDialog';
import { AssignmentsTable } from './AssignmentsTable';
import { ContactDialog } from './ContactDialog';
import { AssistingOpinions, ContactLog, ObjectionsAndExtensions, RatingList } from './HandlingRecords';
import { RepliesList, type AnswerClass } from './RepliesList';
import { ReplyDialog } from './ReplyDialog';
import { useHandling, type SubjectType } from './useHandling';
import { handledPaths } from './subjects';

interface Props {
  subjectType: SubjectType;
  subjectId: string;
}

/**
 * 办理情况 of a proposal or an opinion report: assignments of every round, objections and
 * extensions, the assisting units' views, the contact log, replies and ratings — with the buttons
 * the server allows this person (each assignment's `actions`, the subject's `assign`).
 */
export default function HandlingPanel({ subjectType, subjectId }: Props) {
  const me = useMe();
  const { data } = useHandling(subjectType, subjectId);
  const { data: options } = useGet<{ answerClasses: AnswerClass[] }>(handledPaths[subjectType].options);
  const [dialog, setDialog] = useState<{ action: AssignmentAction; assignment: Assignment } | null>(null);
  const [open, setOpen] = useState<'assign' | 'reply' | 'contact' | null>(null);
  if (!data) return null;

  // every write refetches the record and this panel with it (app/query.tsx)
  const changed = () => {
    setDialog(null);
    setOpen(null);
  };
  const round = Math.max(1, ...data.assignments.map((a) => a.round));
  const mine = data.assignments.filter((a) => a.unitId === me.unitId);
  const myReplying = mine.find((a) => a.round === round && a.actions.includes('reply'));
  const myDraft = data.replies.find((r) => r.unitId === me.unitId && r.round === round && r.status !== 'sent') ?? null;
  // a lead unit sends only after its assisting and joint units have given their views
  const waitingFor = myReplying?.role === 'lead' ? data.assignments.filter((a) => a.round === round && (a.role === 'assisting' || a.role === 'joint') && a.status !== 'done') : [];
  const mayLogContact = can(data, 'logContact');
  const sign = (a: Assignment) => run(() => api.post(pathTo(handlingPaths.sign, { id: a.id }), { version: a.version }), { success: '已签收', onConflict: changed }).then((r) => r && changed());

  return (
    <Card
      title="办理情况"
      size="small"
      data-testid="handling-panel"
      extra={
        <Space wrap>
          {can(data, 'assign') && (
            <Button type="primary" onClick={() => setOpen('assign')} data-testid="assign-open">
              {handledPaths[subjectType].assignLabel}
            </Button>
          )}
          {mayLogContact && (
            <Button onClick={() => setOpen('contact')} data-testid="contact-open">
              记录沟通
            </Button>
          )}
          {myReplying && (
            <Button type="primary" onClick={() => setOpen('reply')} data-testid="reply-open">
              {myDraft ? '修改答复' : '起草答复'}
            </Button>
          )}
        </Space>
      }
    >
      {waitingFor.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`待${waitingFor.map((a) => a.unitName).join('、')}提交协办/会办意见后，本单位方可发送答复`} />
      )}
      {data.assignments.length === 0 ? <Empty description="尚未交办" /> : <AssignmentsTable assignments={data.assignments} onSign={sign} onAction={(action, assignment) => setDialog({ action, assignment })} />}
      <ObjectionsAndExtensions assignments={data.assignments} />
      <AssistingOpinions assignments={data.assignments} />
      <ContactLog contacts={data.contacts} />
      <RepliesList replies={data.replies} myUnitId={me.unitId} answerClasses={options?.answerClasses ?? []} afterSend={handledPaths[subjectType].afterSend} onChanged={changed} />
      <RatingList ratings={data.ratings} />

      <AssignmentDialog action={dialog?.action ?? null} assignment={dialog?.assignment ?? null} onClose={() => setDialog(null)} onSaved={changed} />
      <AssignDialog open={open === 'assign'} subjectType={subjectType} subject={data} onClose={() => setOpen(null)} onSaved={changed} />
      <ReplyDialog open={open === 'reply'} subjectType={subjectType} subjectId={subjectId} draft={myDraft} answerClasses={options?.answerClasses ?? []} onClose={() => setOpen(null)} onSaved={changed} />
      <ContactDialog open={open === 'contact'} subjectType={subjectType} subjectId={subjectId} units={me.unitId ? undefined : [...new Map(data.assignments.map((a) => [a.unitId, a])).values()]} onClose={() => setOpen(null)} onSaved={changed} />
    </Card>
  );
}
