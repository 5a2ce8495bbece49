import { lazy } from 'react';
import { Link, Route, Routes } from 'react-router';
import { Layout, Typography } from 'antd';
import { PortalOutcome } from './PortalOutcome';

const PortalHome = lazy(() => import('./pages/PortalHome'));
const PortalProposalsPage = lazy(() => import('./pages/PortalProposalsPage'));
const PortalProposalPage = lazy(() => import('./pages/PortalProposalPage'));
const PortalTopicPage = lazy(() => import('./pages/PortalTopicPage'));
const PortalSearchPage = lazy(() => import('./pages/PortalSearchPage'));
const RequestFormPage = lazy(() => import('../requests/portal/RequestFormPage'));
const FollowPage = lazy(() => import('../requests/portal/FollowPage'));
const PortalNewsPage = lazy(() => import('../news/portal/PortalNewsPage'));
const PortalNewsPostPage = lazy(() => import('../news/portal/PortalNewsPostPage'));
const PortalEvaluationPage = lazy(() => import('../evaluation/portal/PortalEvaluationPage'));
const InvitationPage = lazy(() => import('../evaluation/portal/InvitationPage'));
const PortalRoomsPage = lazy(() => import('../consultation/portal/PortalRoomsPage'));
const PortalRoomPage = lazy(() => import('../consultation/portal/PortalRoomPage'));
const PortalPlanPage = lazy(() => import('../consultation/portal/PortalPlanPage'));
const PortalCouncilsPage = lazy(() => import('../consultation/portal/PortalCouncilsPage'));
const PortalCouncilPage = lazy(() => import('../consultation/portal/PortalCouncilPage'));
const PortalStudiosPage = lazy(() => import('../studios/portal/PortalStudiosPage'));
const PortalStudioPage = lazy(() => import('../studios/portal/PortalStudioPage'));

/** 公开门户: a plain public site — a header, the page, and the way in for committee users. */
export default function PortalRoutes() {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#a8071a', display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 16px' }}>
        <Link to="/portal" style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          商量 · 政协公开门户
        </Link>
        <Link to="/login" style={{ color: '#fff' }}>
          工作人员与委员登录
        </Link>
      </Layout.Header>
      <nav aria-label="门户栏目" style={{ background: '#fff', padding: '8px 16px', display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <Link to="/portal">首页</Link>
        <Link to="/portal/news" data-testid="portal-nav-news">新闻公告</Link>
        <Link to="/portal/proposals" data-testid="portal-nav-proposals">公开提案</Link>
        <Link to="/portal/requests/new" data-testid="portal-nav-request">反映民生诉求</Link>
        <Link to="/portal/requests/follow" data-testid="portal-nav-follow">查询办理进展</Link>
        <Link to="/portal/topics/new" data-testid="portal-nav-topic">群众出题</Link>
        <Link to="/portal/rooms" data-testid="portal-nav-rooms">网络议政</Link>
        <Link to="/portal/plan" data-testid="portal-nav-plan">协商计划</Link>
        <Link to="/portal/councils" data-testid="portal-nav-councils">基层协商</Link>
        <Link to="/portal/studios" data-testid="portal-nav-studios">委员工作室</Link>
        <Link to="/portal/evaluation" data-testid="portal-nav-evaluation">民主评议问卷</Link>
        <Link to="/portal/search" data-testid="portal-nav-search">搜索</Link>
      </nav>
      {/* at least a screen tall: the footer waits below the fold instead of jumping down when the page's data arrives (layout shift) */}
      <Layout.Content style={{ width: '100%', maxWidth: 1000, margin: '0 auto', padding: 12, minHeight: '100vh' }}>
        <Routes>
          <Route index element={<PortalHome />} />
          <Route path="search" element={<PortalSearchPage />} />
          <Route path="proposals" element={<PortalProposalsPage />} />
          <Route path="proposals/:id" element={<PortalProposalPage />} />
          <Route path="news" element={<PortalNewsPage />} />
          <Route path="news/:id" element={<PortalNewsPostPage />} />
          <Route path="requests/new" element={<RequestFormPage />} />
          <Route path="requests/follow" element={<FollowPage />} />
          <Route path="topics/new" element={<PortalTopicPage />} />
          <Route path="rooms" element={<PortalRoomsPage />} />
          <Route path="rooms/:id" element={<PortalRoomPage />} />
          <Route path="plan" element={<PortalPlanPage />} />
          <Route path="councils" element={<PortalCouncilsPage />} />
          <Route path="councils/:id" element={<PortalCouncilPage />} />
          <Route path="studios" element={<PortalStudiosPage />} />
          <Route path="studios/:id" element={<PortalStudioPage />} />
          <Route path="evaluation" element={<PortalEvaluationPage />} />
          <Route path="evaluation/invite/:token" element={<InvitationPage />} />
          <Route path="*" element={<PortalOutcome kind="missing" title="页面不存在" extra={<Link to="/portal">返回门户首页</Link>} />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">公开内容经提案人同意、承办单位确认可公开后发布；群众来信经工作人员审核后公开，姓名和电话不公开</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
