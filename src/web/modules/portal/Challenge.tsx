import { useEffect } from 'react';
import { Button, Form, Input, Space } from 'antd';
import { useChallenge } from './useChallenge';

/**
 * The server's arithmetic question (算术验证题) inside a public form: the question is the field's
 * label, its id a hidden field. Each question can be answered once, so the page asks for a new one
 * after every send (`round` changes) and on 换一题.
 */
export function ChallengeField({ committeeId, round }: { committeeId: string | undefined; round: number }) {
  const form = Form.useFormInstance();
  const { challenge, next } = useChallenge(committeeId, round);
  useEffect(() => {
    form.setFieldsValue({ challengeId: challenge?.id, challengeAnswer: undefined });
  }, [challenge, form]);
  return (
    <>
      <Form.Item name="challengeId" hidden>
        <Input />
      </Form.Item>
      <Form.Item label={challenge ? `验证题：${challenge.question}` : '验证题'} required extra="为防止恶意提交，请计算后填写答案">
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="challengeAnswer" noStyle rules={[{ required: true, message: '请填写验证题答案' }]}>
            <Input inputMode="numeric" aria-label="验证题答案" placeholder="答案（数字）" data-testid="challenge-answer" data-question={challenge?.question} />
          </Form.Item>
          <Button onClick={() => void next()}>换一题</Button>
        </Space.Compact>
      </Form.Item>
    </>
  );
}
