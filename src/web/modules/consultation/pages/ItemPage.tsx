import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import { useGet } from '../../../app/query';

/** A recommendation's link (notices, the unit's worklist) opens its consultation's page. */
export default function ItemPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data } = useGet<{ consultationId: string }>(pathTo(consultationPaths.item, { id }));
  useEffect(() => {
    if (data) navigate(`/consultation/consultations/${data.consultationId}`, { replace: true });
  }, [data, navigate]);
  return null;
}
