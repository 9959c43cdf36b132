// The VS Code client: starts the language server, passes settings, adds commands. No checking happens here.
import * as path from 'node:path';
import { commands, window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const outputChannel = window.createOutputChannel('Kube Hardening', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    outputChannel,
    synchronize: { configurationSection: 'kubeHardening' },
  };
  client = new LanguageClient('kubeHardening', 'Kube Hardening', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    commands.registerCommand('kubeHardening.restartServer', async () => {
      outputChannel.appendLine('Restarting the Kube Hardening server…');
      await client?.restart();
    }),
    commands.registerCommand('kubeHardening.showOutput', () => outputChannel.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
