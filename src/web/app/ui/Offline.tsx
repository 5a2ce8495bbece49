import { Button, Result, Typography } from 'antd';
import { useDocumentTitle } from './PageTitle';

/**
 * Shown instead of the app when the server cannot be reached at start (the installed app opened
 * offline: the service worker gives the cached shell, but who is logged in is not known). Saying
 * so is better than the login page, which would suggest the member had been logged out.
 */
export function Offline() {
  useDocumentTitle('网络未连接');
  return (
    <main>
      <Result
        status="warning"
        title={<Typography.Title level={1} style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>网络未连接</Typography.Title>}
        subTitle={<span data-testid="app-offline">暂时无法连接到平台服务器。请检查手机的移动数据或无线网络，恢复连接后点击“重试”。</span>}
        extra={<Button type="primary" onClick={() => window.location.reload()}>重试</Button>}
      />
    </main>
  );
}
