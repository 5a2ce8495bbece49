import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider } from './app/auth';
import { FeedbackBridge } from './app/feedback';
import { AppRouter } from './app/router';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <App>
        <FeedbackBridge />
        <AuthProvider>
          <AppRouter />
        </AuthProvider>
      </App>
    </ConfigProvider>
  </StrictMode>,
);
