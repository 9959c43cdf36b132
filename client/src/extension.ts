// The VS Code client: starts the language server, passes settings, adds commands, the findings view and the
// status bar item. No checking happens here.
import * as path from 'node:path';
import { commands, window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { FindingsTree, type RuleInfo } from './findings-view.js';
import { HardeningStatus } from './status.js';

/** Requests and notifications of our own, beyond LSP (declared by the server). */
const RULE_CATALOG_REQUEST = 'kube-hardening/ruleCatalog';
const SCAN_STATE_NOTIFICATION = 'kube-hardening/scanState';
const RESCAN_COMMAND = 'kube-hardening.rescan';

let client: LanguageClient | undefined;

/** What the extension exposes to its tests. */
export interface KubeHardeningApi {
  readonly findings: FindingsTree;
  readonly status: HardeningStatus;
}

export async function activate(context: ExtensionContext): Promise<KubeHardeningApi> {
  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  // stdio, like every other editor: the server's stdio writer encodes each diagnostic once and reuses it in later
  // publishes (server/src/transport.ts), which node's IPC channel cannot do.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const outputChannel = window.createOutputChannel('Kube Hardening', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Files on disk, new files, and files of a virtual workspace (GitHub Repositories): not the left side of
    // diffs (`git:`), whose problems would show twice.
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'yaml', scheme: 'vscode-vfs' },
    ],
    outputChannel,
    synchronize: { configurationSection: 'kubeHardening' },
  };
  client = new LanguageClient('kubeHardening', 'Kube Hardening', serverOptions, clientOptions);
  const findings = new FindingsTree();
  const status = new HardeningStatus();
  context.subscriptions.push(
    outputChannel,
    status,
    window.registerTreeDataProvider('kubeHardening.findings', findings),
    commands.registerCommand('kubeHardening.restartServer', async () => {
      outputChannel.info('Restarting the Kube Hardening server…');
      await client?.restart();
    }),
    commands.registerCommand('kubeHardening.showOutput', () => outputChannel.show(true)),
    commands.registerCommand('kubeHardening.rescanWorkspace', () => commands.executeCommand(RESCAN_COMMAND)),
  );
  client.onNotification(SCAN_STATE_NOTIFICATION, (state: { scanning: boolean }) => status.setScanning(state.scanning));
  await client.start();
  findings.setCatalog(await client.sendRequest<RuleInfo[]>(RULE_CATALOG_REQUEST));
  return { findings, status };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
