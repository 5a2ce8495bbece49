import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import { useGet } from '../../../app/query';

/** An item's link (notices, the unit's worklist) opens its topic's page. */
export default function ItemPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data } = useGet<{ topicId: string }>(pathTo(researchPaths.item, { id }));
  useEffect(() => {
    if (data) navigate(`/research/topics/${data.topicId}`, { replace: true });
  }, [data, navigate]);
  return null;
}
