import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider } from './app/auth';
import { FeedbackBridge } from './app/feedback';
import { AppRouter } from './app/router';
import { DataProvider } from './app/query';
import { theme } from './app/theme';
import { Announcer } from './app/ui/announce';
import { registerServiceWorker } from './pwa/register';

dayjs.locale('zh-cn');
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <App>
        <FeedbackBridge />
        <Announcer />
        <DataProvider>
          <AuthProvider>
            <AppRouter />
          </AuthProvider>
        </DataProvider>
      </App>
    </ConfigProvider>
  </StrictMode>,
);
