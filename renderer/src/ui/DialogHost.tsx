import { useStore } from './use-store';
import { CreateKeyDialog } from '../keys/CreateKeyDialog';
import { DeleteKeysDialog } from '../keys/DeleteKeysDialog';
import { EditLabelsDialog } from '../keys/EditLabelsDialog';
import { ImportKeyDialog } from '../keys/ImportKeyDialog';
import { KubectlDialog } from '../keys/KubectlDialog';
import { RenameLabelDialog } from '../keys/RenameLabelDialog';
import { RenewKeyDialog } from '../keys/RenewKeyDialog';
import { ShortenExpiryDialog } from '../keys/ShortenExpiryDialog';
import { AddServerDialog } from '../servers/AddServerDialog';
import { EditServerDialog } from '../servers/EditServerDialog';
import { RemoveServerDialog } from '../servers/RemoveServerDialog';
import { SignInDialog } from '../servers/SignInDialog';
import { TrustCertificateDialog } from '../servers/TrustCertificateDialog';
import { QuickCopy } from '../palette/QuickCopy';
import { WhereUsedDialog } from '../plaintext/WhereUsedDialog';
import { HelpOverlay } from './HelpOverlay';
import { useStores } from './stores-context';

/** Renders the one open dialog of the ui store. */
export function DialogHost() {
  const { ui } = useStores();
  const dialog = useStore(ui.store, (s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'addServer':
      return <AddServerDialog />;
    case 'editServer':
      return <EditServerDialog key={dialog.serverId} serverId={dialog.serverId} />;
    case 'removeServer':
      return <RemoveServerDialog serverId={dialog.serverId} />;
    case 'signIn':
      return <SignInDialog key={dialog.serverId} serverId={dialog.serverId} />;
    case 'trustCertificate':
      return <TrustCertificateDialog serverId={dialog.serverId} certificate={dialog.certificate} />;
    case 'createKey':
      return <CreateKeyDialog serverId={dialog.serverId} />;
    case 'importKey':
      return <ImportKeyDialog serverId={dialog.serverId} accessKey={dialog.accessKey} />;
    case 'editLabels':
      return <EditLabelsDialog keyId={dialog.keyId} />;
    case 'renewKey':
      return <RenewKeyDialog serverId={dialog.serverId} keyId={dialog.keyId} />;
    case 'shortenExpiry':
      return <ShortenExpiryDialog keyId={dialog.keyId} />;
    case 'kubectl':
      return <KubectlDialog serverId={dialog.serverId} keyId={dialog.keyId} />;
    case 'whereUsed':
      return <WhereUsedDialog serverId={dialog.serverId} keyId={dialog.keyId} />;
    case 'deleteKeys':
      return <DeleteKeysDialog serverId={dialog.serverId} keyIds={dialog.keyIds} />;
    case 'renameLabel':
      return <RenameLabelDialog from={dialog.from} />;
    case 'help':
      return <HelpOverlay />;
    case 'quickCopy':
      return <QuickCopy />;
  }
}
