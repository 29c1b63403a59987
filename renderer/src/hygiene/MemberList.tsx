import type { HygieneMember } from '../../../electron/contract/hygiene';
import { formatAgo, formatExpiry } from '../format/time';
import { VirtualList } from '../ui/VirtualList';
import './hygiene.css';

const ROW_HEIGHT = 34;

const kindText: Record<HygieneMember['kind'], string> = {
  api_key: 'API key',
  session: 'Session',
  kubeconfig: 'Kubeconfig',
  system: 'System',
};

/**
 * Tokens of a group or of a clean-up preview: a virtualised list (20,000 members cost what 20
 * do), each row the server, access key, kind, cluster, last use and expiry in plain text.
 */
export function MemberList({
  members,
  now,
  showServer,
  label,
}: {
  members: readonly HygieneMember[];
  now: number;
  showServer: boolean;
  label: string;
}) {
  return (
    <div className="member-list" data-testid="member-list">
      <div className="member-row member-header" aria-hidden="true">
        {showServer && <span>Server</span>}
        <span>Access key</span>
        <span>Kind</span>
        <span>Description / cluster</span>
        <span>Last used</span>
        <span>Expires</span>
      </div>
      <VirtualList
        className="member-scroll"
        label={label}
        count={members.length}
        rowHeight={ROW_HEIGHT}
        fallbackHeight={300}
        renderRow={(index, slot) => {
          const m = members[index]!;
          const cluster = m.clusterId
            ? `cluster ${m.clusterName ?? `${m.clusterId} (deleted)`}`
            : null;
          return (
            <div key={slot} className="member-row" data-testid="member-row">
              {showServer && <span className="cell-text">{m.serverName}</span>}
              <span className="mono cell-text">{m.keyId}</span>
              <span>{kindText[m.kind]}</span>
              <span className="cell-text">
                {[m.description, cluster].filter(Boolean).join(' · ') || '—'}
              </span>
              <span>{m.lastUsedAt ? formatAgo(m.lastUsedAt, now) : 'never'}</span>
              <span>{m.expiresAt ? formatExpiry(m.expiresAt, now) : 'never'}</span>
            </div>
          );
        }}
      />
    </div>
  );
}
