import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginBody } from '@shared/auth/inputs';
import { ApiError } from '../../../app/api';
import { fieldRules } from '../../../app/rules';
import { useAuth } from '../../../app/auth';
import { announceFormErrors } from '../../../app/ui/announce';
import { useDocumentTitle } from '../../../app/ui/PageTitle';


const rules = fieldRules(loginBody);

/** Only same-site paths are followed after login (no open redirect). */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/');

/** 登录: the server's message (wrong password, locked for N minutes) is shown as it comes. */
export default function LoginPage() {
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  useDocumentTitle('登录');

  if (me) return <Navigate to={next} replace />;

  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg, #fbe9e7 0%, #f5f5f5 60%)', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={1} style={{ textAlign: 'center', marginBottom: 24, fontSize: 24 }}>
          商量 · 政协数字化工作平台
        </Typography.Title>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} onFinishFailed={announceFormErrors} requiredMark={false} size="large">
          <Form.Item name="username" rules={rules.username}>
            <Input id="login-username" data-testid="login-username" prefix={<UserOutlined />} placeholder="用户名" aria-label="用户名" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" rules={rules.password}>
            <Input.Password id="login-password" data-testid="login-password" prefix={<LockOutlined />} placeholder="密码" aria-label="密码" autoComplete="current-password" />
          </Form.Item>
          <Button id="login-submit" data-testid="login-submit" type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/portal" data-testid="portal-link">政协公开门户：公开提案与答复、协商计划、民生诉求办理</Link>
        </div>
      </Card>
    </main>
  );
}
