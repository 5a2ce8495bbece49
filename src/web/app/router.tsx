import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { loading } from './ui/Loading';
import { useA11yRepairs } from './ui/a11yRepairs';

const LoginPage = lazy(() => import('../modules/auth/pages/LoginPage'));
const PortalRoutes = lazy(() => import('../modules/portal/PortalRoutes'));
/**
 * The signed-in application (the shell, its menu and the table of every module's pages) is a chunk
 * of its own: the login page and the public portal, which a visitor opens first and often on a
 * phone, never download it.
 */
const PrivateRoutes = lazy(() => import('./PrivateRoutes'));

export function AppRouter() {
  useA11yRepairs();
  return (
    <BrowserRouter>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* the public portal: no login, no menu */}
          <Route path="/portal/*" element={<PortalRoutes />} />
          <Route path="/*" element={<PrivateRoutes />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
