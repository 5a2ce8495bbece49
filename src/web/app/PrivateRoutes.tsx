import { Button, Result } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { pagesFor } from './navigation';
import { Shell } from './Shell';
import { loading } from './ui/Loading';
import { PageHeading } from './ui/PageTitle';

function NotFound() {
  const navigate = useNavigate();
  return <Result status="404" title={<PageHeading style={{ fontSize: 'inherit', fontWeight: 'inherit' }}>页面不存在</PageHeading>} subTitle="您访问的页面不存在或无权查看" extra={<Button type="primary" onClick={() => navigate('/')}>返回首页</Button>} />;
}

/** The pages of the logged-in user's roles; anything else is 404 (never a placeholder). */
export default function PrivateRoutes() {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return loading;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Routes>
      <Route element={<Shell />}>
        {pagesFor(me).map(({ key, path, page: Page, props }) => (
          <Route key={key} path={path} element={Page ? <Page key={key} {...props} /> : null} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

